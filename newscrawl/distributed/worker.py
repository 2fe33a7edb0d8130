"""One worker's runtime: its frontier handle, lease book and heartbeat."""

from __future__ import annotations

import logging
from collections.abc import Callable
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler
from scrapy_redis.connection import get_redis_from_settings
from twisted.internet.task import LoopingCall

from newscrawl.distributed.config import DEFAULT_WORKER_TTL, worker_id
from newscrawl.distributed.frontier import Frontier, Keys
from newscrawl.distributed.leases import LeaseBook

logger = logging.getLogger(__name__)
_WORKERS: WeakKeyDictionary[Crawler, Worker] = WeakKeyDictionary()


class Worker:
    """Everything one crawl process shares with the others through Redis."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        assert crawler.spidercls is not None
        self.crawler = crawler
        self.server = get_redis_from_settings(settings)
        self.keys = Keys.for_spider(crawler.spidercls.name, settings)
        self.id = worker_id(settings)
        ttl = settings.getfloat("NEWSCRAWL_WORKER_TTL", DEFAULT_WORKER_TTL)
        self.frontier = Frontier(self.server, self.keys, self.id, ttl)
        self.leases = LeaseBook(self._ack)
        self._heartbeat = LoopingCall(self._beat)
        self.started = False
        self.encode: Callable[[str], bytes] | None = None  # set by the scheduler when open

    def _ack(self, lease: str) -> None:
        """Ack a finished lease in Redis and count it."""
        self.frontier.ack(lease)
        self.count("leases/acked")

    def _beat(self) -> None:
        """Refresh the heartbeat; a Redis hiccup is logged, not fatal."""
        try:
            self.frontier.beat()
        except Exception:
            logger.exception("worker %s: heartbeat failed", self.id)
            self.count("heartbeat/failed")

    def start(self) -> None:
        """Join the crawl: wait out a crashed self, requeue its leases, start the heartbeat."""
        if self.started:
            return
        self.frontier.join()
        requeued = self.frontier.requeue(self.id, only_if_dead=False)
        if requeued:
            logger.warning("worker %s: requeued %d requests of its previous run", self.id, requeued)
            self.count("leases/requeued_own", requeued)
        self.recover_dead()
        self._heartbeat.start(self.frontier.ttl / 3, now=False)
        self.started = True
        logger.info("worker %s joined the crawl %r", self.id, self.keys.spider)

    def encode_url(self, url: str) -> bytes:
        """A URL as a member of the shared queue (an unfiltered request to crawl it again)."""
        if self.encode is None:
            raise RuntimeError(f"worker {self.id}: no scheduler open to requeue {url}")
        return self.encode(url)

    def recover_dead(self) -> None:
        """Requeue the leases of workers whose heartbeat expired."""
        moved = self.frontier.recover_dead()
        if moved:
            self.count("leases/requeued_dead", moved)

    def stop(self, reason: str) -> None:
        """Leave the crawl; after a normal finish no lease of ours can still be in progress."""
        if not self.started:
            return
        if self._heartbeat.running:
            self._heartbeat.stop()
        if reason == "finished":
            self.release_stale_leases()
        self.frontier.leave()
        self.started = False

    def release_stale_leases(self) -> None:
        """The engine is idle: leases still recorded for us are finished, drop them."""
        if self.leases.outstanding():
            logger.debug(
                "worker %s: %d leases without an end signal", self.id, self.leases.outstanding()
            )
            self.leases.clear()
        stale = self.frontier.own_inflight()
        if stale:
            self.server.delete(self.keys.inflight(self.id))
            self.count("leases/stale_released", stale)

    def count(self, key: str, n: int = 1) -> None:
        """Increment the stat `newscrawl/distributed/<key>`."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/distributed/{key}", n)


def worker_for(crawler: Crawler) -> Worker:
    """The (single) Worker of this crawler."""
    worker = _WORKERS.get(crawler)
    if worker is None:
        worker = _WORKERS[crawler] = Worker(crawler)
    return worker
