"""Honour a server's Retry-After (429/503) before Scrapy's RetryMiddleware retries.

Placed just before RetryMiddleware (priority 560 > 550): a response that will be retried is
held for the Retry-After delay first. A delay above NEWSCRAWL_RETRY_AFTER_MAX seconds is not
waited for: the request is not retried, and the errback reports the HTTP status.

>>> retry_after_seconds(b"7")
7.0
>>> retry_after_seconds(b"soon") is None
True
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

logger = logging.getLogger(__name__)
RETRY_AFTER_CODES = frozenset({429, 503})


def retry_after_seconds(value: bytes | None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP date); None if invalid."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class RetryAfterMiddleware:
    """Wait Retry-After seconds (bounded) before a 429/503 is retried; skip longer waits."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("NEWSCRAWL_RETRY_AFTER_MAX", 60)
        self.retry_times = crawler.settings.getint("RETRY_TIMES")
        self.enabled = crawler.settings.getbool("RETRY_ENABLED")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        """Build from settings."""
        return cls(crawler)

    def will_retry(self, request: Request) -> bool:
        """Whether RetryMiddleware has retries left for this request."""
        limit = request.meta.get("max_retry_times", self.retry_times)
        retries: int = request.meta.get("retry_times", 0)
        return self.enabled and not request.meta.get("dont_retry") and retries < limit

    async def process_response(self, request: Request, response: Response) -> Response:
        """Hold a retryable 429/503 for its Retry-After delay, or stop it from retrying."""
        if response.status not in RETRY_AFTER_CODES or not self.will_retry(request):
            return response
        delay = retry_after_seconds(response.headers.get(b"Retry-After"))
        if delay is None:
            return response
        if delay > self.max_wait:
            logger.info("not retrying %s: Retry-After %.0f s is too long", request.url, delay)
            self.count("retry_after/too_long")
            request.meta["dont_retry"] = True
            return response
        self.count("retry_after/waited")
        from twisted.internet import reactor  # the installed one, not a default at import

        await maybe_deferred_to_future(task.deferLater(reactor, delay))
        return response

    def count(self, key: str) -> None:
        """Increment `newscrawl/<key>`."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/{key}")
