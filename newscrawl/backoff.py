"""Retries that back off: 429/503 slow the whole site down, honouring Retry-After."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP date), None if unusable.

    >>> retry_after_seconds(b"120")
    120.0
    >>> now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    >>> retry_after_seconds("Sat, 28 Nov 2026 12:01:00 GMT", now)
    60.0
    >>> retry_after_seconds("soon") is None
    True
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, plus: on 429/503 raise the site's download delay to
    Retry-After, or NEWSCRAWL_BACKOFF_BASE × 2^(retries so far), capped at NEWSCRAWL_BACKOFF_MAX.

    The delay is set on the download slot, so every request to that site waits, not only the
    retry; AutoThrottle (when on) brings it back down as 200 responses come in.
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("NEWSCRAWL_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("NEWSCRAWL_BACKOFF_MAX", 300.0)
        self.codes = {int(c) for c in settings.getlist("NEWSCRAWL_BACKOFF_HTTP_CODES", [429, 503])}
        self.max_wait = settings.getfloat("NEWSCRAWL_RETRY_AFTER_MAX", 60.0)

    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        """Back off on 429/503, then retry as Scrapy does (not when Retry-After is too long)."""
        if response.status in self.codes and not request.meta.get("dont_retry", False):
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None and asked > self.max_wait:
                logger.info("not retrying %s: Retry-After %.0f s is too long", request.url, asked)
                self.count("retry_after/too_long")
                return response
            if asked is not None:
                self.count("retry_after/waited")
            self.back_off(request, response)
        return super().process_response(request, response)

    def count(self, key: str) -> None:
        """Increment `newscrawl/<key>`."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/{key}")

    def backoff_delay(self, request: Request, response: Response) -> float:
        """Seconds to wait before the site's next request."""
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked is None:
            asked = self.base * 2 ** request.meta.get("retry_times", 0)
        return min(asked, self.cap)

    def back_off(self, request: Request, response: Response) -> None:
        """Raise the download slot's delay."""
        delay = self.backoff_delay(request, response)
        slot = self.slot_for(request)
        if slot is not None and delay > slot.delay:
            slot.delay = delay
        self.count(f"backoff/{response.status}")
        logger.info("HTTP %d from %s: backing off %.1f s", response.status, request.url, delay)

    def slot_for(self, request: Request) -> Any:
        """The downloader slot the request went through (None outside a crawl)."""
        engine = self.crawler.engine
        key = request.meta.get("download_slot")
        return engine.downloader.slots.get(key) if engine is not None and key else None
