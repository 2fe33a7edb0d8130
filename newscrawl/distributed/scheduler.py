"""The scrapy-redis scheduler, brought to Scrapy 2.19 and made crash-safe for shared frontiers."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

from newscrawl.distributed.config import DEFAULT_IDLE_POLL
from newscrawl.distributed.worker import Worker, worker_for

logger = logging.getLogger(__name__)


class RedisScheduler(Scheduler):
    """scrapy-redis `Scheduler` with leases, atomic dedup+push, and a worker life cycle.

    Differences from scrapy-redis 0.9.1: stats without the deprecated `spider=` argument; the
    dupefilter check and the push are one Redis step (a crash cannot lose a link that was
    marked seen); pops lease the request (see `frontier`); `open` joins the crawl and requeues
    the requests a crashed earlier run of this worker had leased (its unwritten records are
    requeued by the incremental output stage's recovery, as `encode_url` makes them); `close` never
    clears the shared frontier.
    """

    crawler: Crawler
    worker: Worker
    df: Any

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        """Build from the crawler's settings; keep the crawler."""
        scheduler: RedisScheduler = cls.from_settings(crawler.settings)
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        scheduler.worker = worker_for(crawler)
        return scheduler

    def open(self, spider: Spider) -> None:
        """Open the queue and dupefilter, then join the crawl as this worker."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server,
            spider=spider,
            key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if queued := len(self.queue):
            logger.info("joining a crawl with %d requests queued", queued)
        self.worker.encode = self.encode_url
        self.worker.start()
        self._poll_faster()

    def _poll_faster(self) -> None:
        """Look at the shared queue every second when idle (Scrapy's engine waits 5 s)."""
        interval = self.crawler.settings.getfloat("NEWSCRAWL_IDLE_POLL", DEFAULT_IDLE_POLL)
        engine = self.crawler.engine
        if engine is not None and hasattr(type(engine), "_SLOT_HEARTBEAT_INTERVAL"):
            engine._SLOT_HEARTBEAT_INTERVAL = interval

    def close(self, reason: str) -> None:
        """Leave the crawl; the shared queue and dupefilter stay for the other workers."""
        self.worker.stop(reason)

    def enqueue_request(self, request: Request) -> bool:
        """Push the request unless seen (one atomic step); False when filtered."""
        fingerprint: str = self.df.fingerprint_to_check(request)
        if not self.queue.push(request, fingerprint):
            self.df.log(request, self.spider)
            return False
        self._count("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        """Lease the next request from the shared queue (never blocks)."""
        request: Request | None = self.queue.pop()
        if request is not None:
            self._count("scheduler/dequeued/redis")
        return request

    def encode_url(self, url: str) -> bytes:
        """A queue member that crawls a URL again, unfiltered (a record never written)."""
        data: bytes = self.queue._encode_request(
            Request(url, callback=self.spider.parse, dont_filter=True)
        )
        return data

    def _count(self, key: str) -> None:
        """Increment a stat (Scrapy 2.19 style: no spider argument)."""
        if self.stats is not None:
            self.stats.inc_value(key)

    def has_pending_requests(self) -> bool:
        """Whether the shared queue has requests."""
        return len(self) > 0

    def __len__(self) -> int:
        """Requests in the shared queue."""
        return len(self.queue)
