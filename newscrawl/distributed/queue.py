"""The scrapy-redis priority queue, with leases: a popped request stays recoverable."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from newscrawl.distributed.leases import LEASE
from newscrawl.distributed.worker import worker_for


class LeasedPriorityQueue(PriorityQueue):
    """scrapy-redis `PriorityQueue` whose pop leases the request to this worker."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        worker = worker_for(spider.crawler)
        self.frontier = worker.frontier
        self.book = worker.leases

    def _encode_request(self, request: Request) -> bytes:
        """Serialise without the lease of the request it derives from (a retry, a redirect)."""
        meta = request.meta
        lease = meta.pop(LEASE, None)
        try:
            data: bytes = self.serializer.dumps(request.to_dict(spider=self.spider))
        finally:
            if lease is not None:
                meta[LEASE] = lease
        return data

    def push(self, request: Request, fingerprint: str = "") -> bool:
        """Enqueue (atomically with the dupefilter check when a fingerprint is given).

        A request carrying a lease whose callback is not running is a retry or a redirect of
        the leased request: it takes over, and the old lease is acked in the same step.
        """
        lease = request.meta.get(LEASE)
        replaces = str(lease) if lease is not None and not self.book.is_open(str(lease)) else ""
        data = self._encode_request(request)
        return self.frontier.push(data, -request.priority, fingerprint, replaces)

    def pop(self, timeout: int = 0) -> Request | None:
        """Lease the best request to this worker; None when the shared queue is empty."""
        found = self.frontier.pop()
        if found is None:
            return None
        lease, data = found
        request: Request = self._decode_request(data)
        request.meta[LEASE] = lease
        return request
