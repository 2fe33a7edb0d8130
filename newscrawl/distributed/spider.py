"""The scrapy-redis spider mixin for Scrapy 2.19: seeds from Redis, close after an idle time."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.spiders import RedisMixin

from newscrawl.distributed.config import is_distributed
from newscrawl.distributed.leases import LEASE

logger = logging.getLogger(__name__)


def seed_url(data: bytes | str) -> str | None:
    """The URL of a seed message: a JSON object with "url", or a bare URL.

    >>> seed_url(b'{"url": "https://a.example/en"}'), seed_url("https://b.example/"), seed_url("{}")
    ('https://a.example/en', 'https://b.example/', None)
    """
    text = (data.decode("utf-8") if isinstance(data, bytes) else data).strip()
    if text.startswith("{"):
        try:
            url = json.loads(text).get("url")
        except (ValueError, AttributeError):
            return None
        return str(url) if url else None
    return text or None


class RedisWorkerMixin(RedisMixin):
    """Make a spider a scrapy-redis worker when REDIS_URL is set; inert otherwise.

    Compatibility with Scrapy 2.19 over scrapy-redis 0.9.1's `RedisMixin`: seeds are read in
    `async def redis_start()` (scrapy-redis only has `start_requests`, which Scrapy no longer
    calls), seeds are leased like requests until queued, seeds become plain GET requests to
    the spider's `parse`, and the idle clock starts
    when the worker last had work — not when the module was imported — and runs only while the
    whole crawl is idle (no queued request, no seed, no request in progress on another worker).
    """

    crawler: Crawler
    distributed: bool = False
    _idle_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        """Create the spider; connect it to Redis when the crawl is distributed."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        if is_distributed(crawler.settings):
            spider.distributed = True
            spider.worker_id = _worker(crawler).id
            spider.setup_redis(crawler)
            crawler.signals.connect(spider._had_work, signal=signals.response_received)
        return spider

    async def redis_start(self) -> AsyncIterator[scrapy.Request]:
        """Requests for the seeds waiting in Redis (more are read whenever the worker idles)."""
        for request in self.next_requests():
            yield request

    def next_requests(self) -> Iterator[scrapy.Request]:
        """Lease waiting seeds to this worker (not scrapy-redis's pop: a crash lost them).

        Each seed's request carries the lease and hands it over when it is queued (one step).
        """
        frontier = _worker(self.crawler).frontier
        for lease, data in frontier.pop_seeds(self.redis_batch_size):
            request = self.make_request_from_data(data)
            if isinstance(request, scrapy.Request):
                request.meta[LEASE] = lease
                yield request
            else:
                frontier.ack(lease)

    def make_request_from_data(self, data: bytes | str) -> Any:
        """A GET request for a seed (JSON {"url": …} or a bare URL), never filtered."""
        url = seed_url(data)
        if url is None:
            logger.warning("ignored a seed without a URL: %r", data[:200])
            _worker(self.crawler).count("seeds/invalid")
            return []
        return scrapy.Request(url, callback=self.parse, dont_filter=True)

    def _had_work(self, **_: Any) -> None:
        """Reset the idle clock."""
        self._idle_since = None

    def spider_idle(self) -> None:
        """Keep the worker alive while the crawl has work; close after the idle time."""
        worker = _worker(self.crawler)
        worker.release_stale_leases()
        worker.recover_dead()
        busy = worker.frontier.busy()
        if worker.frontier.seeds_waiting():
            self.schedule_next_requests()
        now = time.monotonic()
        if busy or self._idle_since is None:
            self._idle_since = now
        if self.max_idle_time and now - self._idle_since >= self.max_idle_time:
            logger.info("worker %s: crawl idle for %ss, closing", worker.id, self.max_idle_time)
            return
        raise DontCloseSpider


def _worker(crawler: Crawler) -> Any:
    """This crawler's distributed Worker."""
    from newscrawl.distributed.worker import worker_for

    return worker_for(crawler)
