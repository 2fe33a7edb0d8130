"""Item pipelines: extract → de-duplicate → resolve dates → validate. Scrapy glue only."""

from __future__ import annotations

import logging
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from newscrawl.distributed.config import is_distributed
from newscrawl.extract.model import Article
from newscrawl.extract_pool import (
    ExtractionPool,
    PoolBroken,
    PoolStalled,
    default_workers,
    extract_page,
)
from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.page import date_unresolved
from newscrawl.records import to_record
from newscrawl.validation import record_problem

logger = logging.getLogger(__name__)
STAT_PREFIX = "newscrawl"
#: Default pages handed to each worker at once: slack for when the reactor is slow to refill.
IN_FLIGHT_PER_WORKER = 4


class _StatsPipeline:
    """Base: keeps the crawler for counting stats under `newscrawl/…`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        """Build from the crawler."""
        return cls(crawler)

    def count(self, key: str, n: int = 1) -> None:
        """Increment the stat `newscrawl/<key>`."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"{STAT_PREFIX}/{key}", n)

    def dropped(self, reason: str, message: str, level: str = "WARNING") -> DropItem:
        """Count a dropped item by reason and build the DropItem to raise."""
        self.count(f"dropped/{reason}")
        return DropItem(message, log_level=level)


class ExtractionPipeline(_StatsPipeline):
    """Turn a FetchedPage into an Article; pages that are not articles are dropped (counted).

    Extraction runs in a process pool (NEWSCRAWL_EXTRACT_WORKERS, default one per core; 0 =
    in this process) so it uses every core and never blocks downloads. A crashed pool is
    counted, replaced, and the page retried once in this process: no record is lost. A pool
    that gives no answer within NEWSCRAWL_EXTRACT_TIMEOUT seconds is replaced the same way.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        workers = settings.get("NEWSCRAWL_EXTRACT_WORKERS")
        workers = default_workers() if workers in (None, "") else int(workers)
        self.pool = (
            ExtractionPool(
                workers,
                settings.getint("NEWSCRAWL_EXTRACT_MAX_TASKS"),
                settings.getint("NEWSCRAWL_EXTRACT_MAX_IN_FLIGHT")
                or IN_FLIGHT_PER_WORKER * workers,
                settings.getfloat("NEWSCRAWL_EXTRACT_TIMEOUT", 120.0),
            )
            if workers > 0
            else None
        )

    def open_spider(self) -> None:
        """Start the workers while the first pages download."""
        if self.pool is not None:
            self.pool.start()

    async def process_item(self, item: Any) -> Any:
        """Extract articles; pass anything else through."""
        if not isinstance(item, FetchedPage):
            return item
        args = (item.html, item.url, item.fetched_at, item.profile)
        try:
            article = await self.in_pool(*args) if self.pool else extract_page(*args)
        except Exception as exc:  # a page must never stop the crawl
            logger.exception("extraction failed for %s", item.url)
            raise self.dropped("extraction_error", f"extraction failed: {exc!r}", "ERROR") from exc
        self.count(f"pages/{'article' if article.is_article else 'not_article'}")
        if not article.is_article:
            raise self.dropped("not_article", f"not an article ({article.pageType})", "DEBUG")
        return article

    async def in_pool(self, html: str, url: str, fetched_at: str, profile: str) -> Article:
        """Extract in a worker. After a pool crash, replace the pool and retry here once; after
        a stall, replace it and retry in the new pool once (a page that stalls a worker again
        is dropped as an extraction error: run here, it would stall the crawl)."""
        assert self.pool is not None
        try:
            return await self.pool.extract(html, url, fetched_at, profile)
        except PoolStalled as exc:
            logger.error("extraction stalled on %s (%s); retrying in a new pool", url, exc)
            self.replace_stalled(exc.executor)
            try:
                return await self.pool.extract(html, url, fetched_at, profile)
            except PoolStalled as again:
                self.replace_stalled(again.executor)
                raise
        except (BrokenProcessPool, OSError) as exc:
            self.count("extract_pool/errors")
            logger.error("extraction worker failed on %s (%r); retrying in-process", url, exc)
            if isinstance(exc, PoolBroken) and self.pool.restart(exc.executor):
                self.count("extract_pool/restarts")
            self.count("extract_pool/retried_in_process")
            return extract_page(html, url, fetched_at, profile)

    def replace_stalled(self, executor: ProcessPoolExecutor) -> None:
        """Count a stall and replace the stalled executor (its stuck worker is stopped)."""
        assert self.pool is not None
        self.count("extract_pool/stalls")
        if self.pool.restart(executor):
            self.count("extract_pool/restarts")

    def close_spider(self) -> None:
        """Stop the workers (counting how often the pool was recycled)."""
        if self.pool is not None:
            if self.pool.recycles:
                self.count("extract_pool/recycles", self.pool.recycles)
            self.pool.close()


class DeduplicationPipeline(_StatsPipeline):
    """Emit each article id once per run, whichever host or URL it was reached on.

    Not in a distributed crawl that writes through the incremental stage: there the shared
    claims decide, and this process's memory would be wrong. An article it dropped because
    another worker held the claim comes back when that worker dies and its restart releases
    the claim; remembering the id here would drop it again, and lose it.
    """

    def __init__(self, crawler: Crawler) -> None:
        if is_distributed(crawler.settings) and not crawler.settings.getdict("FEEDS"):
            raise NotConfigured  # no message: Scrapy would log the expected as a warning
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        """Drop an article whose id this run has already emitted."""
        if isinstance(item, Article) and item.articleId:
            if item.articleId in self.seen:
                raise self.dropped("duplicate", f"duplicate article {item.articleId}", "DEBUG")
            self.seen.add(item.articleId)
        return item


class DatePipeline(_StatsPipeline):
    """Log and count how the extraction step's date resolution went (it runs in the worker)."""

    def process_item(self, item: Any) -> Any:
        """Count unresolved, missing and failed dates; the record goes on either way."""
        if isinstance(item, Article):
            if item.date_error:
                self.count("dates/error")
                logger.error("date stage failed on %s: %s", item.url, item.date_error)
            elif date_unresolved(item):
                self.count("dates/unresolved")
                logger.warning("date not resolved on %s: %r", item.url, item.datePublishedRaw)
            if item.datePublished is None and not item.date_candidates:
                self.count("dates/missing")
        return item


class ValidationPipeline(_StatsPipeline):
    """Convert to the output record and check it against the JSON Schema."""

    def process_item(self, item: Any) -> Any:
        """Return an ArticleItem, or drop the record with the schema's reason counted."""
        if not isinstance(item, Article):
            return item
        record = to_record(item)
        problem = record_problem(record)
        if problem is not None:
            where, message = problem
            raise self.dropped(f"invalid/{where}", f"invalid record {item.url}: {where}: {message}")
        self.count("records/valid")
        return ArticleItem(record)
