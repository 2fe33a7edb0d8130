"""Emit each article once across all workers: claim its id in Redis just before it is written."""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.distributed.worker import worker_for
from newscrawl.items import ArticleItem
from newscrawl.pipelines import _StatsPipeline


class RedisEmitPipeline(_StatsPipeline):
    """Drop a record whose article id any worker already emitted (shared DeduplicationPipeline).

    Runs last, on the finished record, so the claim is followed at once by the write (the feed
    exporter, on `item_scraped`), after which the claim is confirmed.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.emitted = worker_for(crawler).emitted
        crawler.signals.connect(self.item_written, signal=signals.item_scraped)

    def process_item(self, item: Any) -> Any:
        """Claim the record's article id for this worker, or drop it as a duplicate."""
        article_id = item.get("articleId") if isinstance(item, ArticleItem) else None
        if article_id and not self.emitted.claim(article_id, item["url"]):
            raise self.dropped("duplicate", f"duplicate article {article_id}", "DEBUG")
        if article_id and "version" in item.fields:
            item["version"] = 1  # the first (and, distributed, only) emission of the article
        return item

    def item_written(self, item: Any, **_: Any) -> None:
        """The feed exporter has written the record: confirm the claim."""
        if isinstance(item, ArticleItem) and item.get("articleId"):
            self.emitted.confirm(item["articleId"])
            self.count("records/emitted")
