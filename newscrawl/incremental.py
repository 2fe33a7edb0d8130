"""The incremental, crash-safe output stage: skip unchanged articles, version changed ones,
and write each run's records durably to NEWSCRAWL_OUTPUT_DIR/<spider>/<run start>.jsonl.

The state is the spider's SQLite database; for a distributed worker (REDIS_URL set) it is the
Redis state all workers share, and the worker writes `<run start>-<worker id>.jsonl`.
Disabled (the crawl then writes every article through FEEDS, with no state) when the user
passes -o/-O or FEEDS.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro

from newscrawl.items import ArticleItem
from newscrawl.output.batch import BatchWriter
from newscrawl.output.jsonl import DurableJsonlFile
from newscrawl.output.recovery import RecoveryReport, recover
from newscrawl.output.runfiles import new_run_file
from newscrawl.records import RECORD_FIELDS
from newscrawl.state import CLAIMED, Emission, content_fingerprint
from newscrawl.state.backend import OpenedState, open_local
from newscrawl.state.lock import StateLocked
from newscrawl.summary import OUTPUT_FILE_STAT

logger = logging.getLogger(__name__)


def utc_now() -> str:
    """The current time, ISO, UTC, seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class IncrementalOutputPipeline:
    """Last pipeline: decide new / changed / unchanged, then hand records to the batch writer."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if settings.getdict("FEEDS"):
            raise NotConfigured("FEEDS/-o given: writing through FEEDS, no crawl state")
        self.crawler = crawler
        self.state_dir = Path(settings.get("NEWSCRAWL_STATE_DIR") or ".newscrawl")
        self.output_dir = Path(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output")
        self.batch_size = max(1, settings.getint("NEWSCRAWL_BATCH_SIZE", 100))
        self.batch_seconds = settings.getfloat("NEWSCRAWL_BATCH_SECONDS", 5.0)
        self.state: OpenedState | None = None
        self.writer: BatchWriter | None = None
        self.timer: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalOutputPipeline:
        """Build from the crawler's settings."""
        return cls(crawler)

    def open_spider(self) -> None:
        """Open the state (locked), recover from a killed run, create this run's file."""
        name = self.spider_name()
        try:
            self.state = self.open_state(name)
        except StateLocked as exc:
            logger.error("%s; this run writes nothing and stops", exc)
            self.count("errors/state_locked")
            self.close_spider_soon("state_locked")
            return
        spider_dir = self.output_dir / name
        report = recover(self.state.store, spider_dir, utc_now(), self.state.suffix)
        self.count("recovery/records_reconciled", report.records_reconciled)
        self.count("recovery/torn_lines_removed", len(report.torn_files))
        self.requeue_released(report)
        path = new_run_file(spider_dir, datetime.now(UTC), self.state.suffix)
        self.writer = BatchWriter(DurableJsonlFile(path), self.state.store, RECORD_FIELDS, utc_now)
        self.stats_set(OUTPUT_FILE_STAT, str(path))
        logger.info("writing %s (state: %s)", path, self.state.where)
        if self.batch_seconds > 0:
            self.timer = create_looping_call(self.flush)
            self.timer.start(self.batch_seconds, now=False)

    def open_state(self, name: str) -> OpenedState:
        """The shared Redis state of a distributed worker, else the spider's SQLite state."""
        if getattr(self.crawler.spider, "distributed", False):
            from newscrawl.distributed.state import open_shared

            return open_shared(self.crawler)
        return open_local(self.state_dir, name)

    def requeue_released(self, report: RecoveryReport) -> None:
        """Crawl again the pages whose claims a killed run made but never wrote."""
        assert self.state is not None
        self.count("recovery/claims_released", len(report.released_urls))
        if not self.state.requeues:
            return  # a local crawl fetches every page again anyway
        for url in report.released_urls:  # queued again by the release itself (one step)
            logger.warning("record of %s was never written; requeued", url)
        self.count("recovery/claims_requeued", len(report.released_urls))

    def process_item(self, item: Any) -> Any:
        """Skip an article emitted unchanged; version and buffer a new or changed one."""
        if not isinstance(item, ArticleItem):
            return item
        if self.state is None or self.writer is None:
            raise DropItem("crawl state unavailable (locked); not written", log_level="DEBUG")
        record = dict(item)
        fingerprint = content_fingerprint(record)
        claim = self.state.store.claim(record["articleId"], fingerprint, utc_now(), record["url"])
        if claim.outcome == CLAIMED:
            self.count("dropped/duplicate")
            raise DropItem(f"being emitted already: {claim.article_id}", log_level="DEBUG")
        if not claim.granted:
            self.count("records/skipped_unchanged")
            raise DropItem(f"unchanged since last emitted: {claim.article_id}", log_level="DEBUG")
        self.count(f"records/{claim.outcome}")
        item["version"] = record["version"] = claim.version
        self.writer.add(record, Emission(claim.article_id, fingerprint, claim.version))
        if len(self.writer) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the buffered batch durably; on a write error stop the crawl (nothing lost)."""
        if self.writer is None or not len(self.writer):
            return
        try:
            written = self.writer.flush()
        except OSError as exc:
            logger.error("cannot write %s: %s; stopping the crawl", self.writer.file.path, exc)
            self.count("errors/output_write")
            self.close_spider_soon("output_error")
            return
        self.count("records/emitted", written)
        self.count("output/batches")

    def close_spider(self) -> None:
        """Flush the last batch, close file and state (an unwritten claim waits for recovery)."""
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        if self.writer is not None:
            self.flush()
            lost = self.writer.discard()
            if lost:
                logger.error("%d record(s) not written; the next run fetches them again", lost)
            self.writer.file.close()
        if self.state is not None:
            self.state.close()

    def spider_name(self) -> str:
        """Name of the running spider."""
        assert self.crawler.spider is not None
        return self.crawler.spider.name

    def close_spider_soon(self, reason: str) -> None:
        """Ask the engine to stop the crawl."""
        assert self.crawler.engine is not None
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def count(self, key: str, n: int = 1) -> None:
        """Increment `newscrawl/<key>`."""
        if n and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/{key}", n)

    def stats_set(self, key: str, value: Any) -> None:
        """Set a stat value."""
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(key, value)
