"""Downloader middleware: stamp each response with the time it was fetched."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

FETCHED_AT = "fetched_at"


class FetchTimeMiddleware:
    """Record the download time in `response.meta['fetched_at']` (ISO, UTC).

    Relative dates ("6 days ago") are resolved against this time, never the pipeline's clock.
    The setting NEWSCRAWL_FETCHED_AT (ISO) freezes it, for reproducible tests and re-runs.
    """

    def __init__(self, frozen: str | None = None) -> None:
        self.frozen = datetime.fromisoformat(frozen).isoformat() if frozen else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchTimeMiddleware:
        """Build from settings."""
        return cls(crawler.settings.get("NEWSCRAWL_FETCHED_AT"))

    def process_response(self, request: Request, response: Response) -> Response:
        """Stamp the response with the time it arrived (or the frozen time)."""
        stamp = self.frozen or datetime.now(UTC).isoformat(timespec="seconds")
        request.meta[FETCHED_AT] = stamp
        return response
