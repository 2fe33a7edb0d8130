"""Acknowledge a leased request once it is fully processed, so a crash loses nothing.

A request's work is done when its callback has returned every link (enqueued in Redis as they
are yielded) and every item it produced has left the item pipelines (written or dropped); or
when its download failed for good. Redirects and retries hand their lease to the new request
(see `RedisScheduler.enqueue_request`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

logger = logging.getLogger(__name__)

#: request.meta key holding the lease id of a request popped from the shared queue.
LEASE = "newscrawl_lease"


class LeaseBook:
    """Outstanding work per lease: items still in the pipelines, and whether output ended."""

    def __init__(self, ack: Any) -> None:
        self._ack = ack
        self._items: dict[str, int] = {}
        self._open: set[str] = set()

    def output_started(self, lease: str) -> None:
        """The callback of the leased request started producing output."""
        self._open.add(lease)
        self._items.setdefault(lease, 0)

    def item_started(self, lease: str) -> None:
        """The leased request produced an item (now on its way through the pipelines)."""
        self._items[lease] = self._items.get(lease, 0) + 1

    def item_finished(self, lease: str) -> None:
        """One item of the leased request was written, dropped or failed."""
        if lease in self._items:
            self._items[lease] -= 1
            self._maybe_ack(lease)

    def output_finished(self, lease: str) -> None:
        """The callback has produced all its output."""
        self._open.discard(lease)
        self._maybe_ack(lease)

    def failed(self, lease: str) -> None:
        """The download failed for good: nothing more will come of this lease."""
        self._items.pop(lease, None)
        self._open.discard(lease)
        self._ack(lease)

    def _maybe_ack(self, lease: str) -> None:
        """Ack when the output ended and no item is still in the pipelines."""
        if lease not in self._open and self._items.get(lease, 0) <= 0:
            self._items.pop(lease, None)
            self._ack(lease)

    def is_open(self, lease: str) -> bool:
        """Whether the leased request's callback is still producing output."""
        return lease in self._open

    def clear(self) -> None:
        """Forget every lease (the engine is idle, so none is in progress)."""
        self._items.clear()
        self._open.clear()

    def outstanding(self) -> int:
        """Leases with work still in progress in this process."""
        return len(self._items)


def _lease(response: Response | None) -> str | None:
    """The lease of the request behind a response, if it came from the shared queue."""
    if response is None:
        return None
    lease = response.meta.get(LEASE)
    return str(lease) if lease is not None else None


class LeaseSpiderMiddleware:
    """Spider middleware (outermost): counts each leased response's output and items."""

    def __init__(self, crawler: Crawler) -> None:
        from newscrawl.distributed.worker import worker_for

        self.book = worker_for(crawler).leases
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self.item_finished, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseSpiderMiddleware:
        """Build from the crawler."""
        return cls(crawler)

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        """Pass the output through, noting items and the end of the output."""
        lease = _lease(response)
        if lease is None:
            async for x in result:
                yield x
            return
        self.book.output_started(lease)
        try:
            async for x in result:
                if not isinstance(x, Request):
                    self.book.item_started(lease)
                yield x
        finally:
            self.book.output_finished(lease)

    def item_finished(self, item: Any, response: Response | None = None, **_: Any) -> None:
        """An item left the pipelines (scraped, dropped or failed)."""
        if (lease := _lease(response)) is not None:
            self.book.item_finished(lease)


class LeaseDownloaderMiddleware:
    """Downloader middleware (outermost): a download that failed for good ends its lease."""

    def __init__(self, crawler: Crawler) -> None:
        from newscrawl.distributed.worker import worker_for

        self.book = worker_for(crawler).leases

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseDownloaderMiddleware:
        """Build from the crawler."""
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        """No middleware retried it: the request is finished (counted by Scrapy as an error)."""
        lease = request.meta.get(LEASE)
        if lease is not None:
            self.book.failed(str(lease))
