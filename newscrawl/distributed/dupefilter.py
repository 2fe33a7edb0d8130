"""The scrapy-redis dupefilter, keyed on the site-wide article id where the profile knows it."""

from __future__ import annotations

from typing import Any

from scrapy import Request, Spider
from scrapy_redis.dupefilter import RFPDupeFilter


class ArticleDupeFilter(RFPDupeFilter):
    """Shared request fingerprints; all URLs of one article (any host) share one fingerprint."""

    profile: Any = None

    @classmethod
    def from_spider(cls, spider: Spider) -> ArticleDupeFilter:
        """Build for a spider (key `<spider>:dupefilter`); use its profile's article ids."""
        dupefilter: ArticleDupeFilter = super().from_spider(spider)
        dupefilter.profile = getattr(spider, "profile", None)
        return dupefilter

    def request_fingerprint(self, request: Request) -> str:
        """`article:<id>` for article URLs, else scrapy-redis's canonical-URL fingerprint."""
        if self.profile is not None and request.method == "GET":
            article_id = self.profile.article_id(request.url)
            if article_id:
                return f"article:{article_id}"
        fingerprint: str = super().request_fingerprint(request)
        return fingerprint

    def fingerprint_to_check(self, request: Request) -> str:
        """The fingerprint the push checks and records; '' = push unfiltered.

        A redirect to another URL of the same page (https, another host of the article) keeps
        its origin's fingerprint, which the dupefilter recorded when the origin was queued:
        checking it would drop the redirect, and with it the page. It is the same fetch
        going on, so it is pushed unfiltered (Scrapy bounds the redirects).
        """
        if request.dont_filter:
            return ""
        fingerprint = self.request_fingerprint(request)
        origins = request.meta.get("redirect_urls")
        if origins and self.request_fingerprint(request.replace(url=origins[0])) == fingerprint:
            return ""
        return fingerprint

    def close(self, reason: str = "") -> None:
        """Keep the shared fingerprints: other workers still use them."""
