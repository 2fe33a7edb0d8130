"""A reusable aggregator spider driven by a site profile; `aggregator` works on any site."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse, XmlResponse
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from newscrawl import faults
from newscrawl.distributed.config import apply_distributed_settings
from newscrawl.distributed.spider import RedisWorkerMixin
from newscrawl.encoding import decode_page
from newscrawl.items import FetchedPage
from newscrawl.middlewares import FETCHED_AT
from newscrawl.profiles import load_profile
from newscrawl.safety import AddressPolicy, policy_for
from newscrawl.spiders.links import page_links


class AggregatorSpider(RedisWorkerMixin, scrapy.Spider):
    """Crawl listing pages → article pages → related cards, yielding each article page once.

    Arguments (`-a name=value`): `start_url` (default: the profile's), `profile`
    (for this generic spider), `also_allow` (comma-separated extra hosts).
    With REDIS_URL set it is a worker on a shared frontier (docs/distributed.md): seeds come
    from Redis, and `start_url` only adds its host to the allowed ones.
    """

    name = "aggregator"
    profile_name = "generic"

    def __init__(
        self,
        start_url: str | None = None,
        profile: str | None = None,
        also_allow: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.profile = load_profile(profile or self.profile_name)
        self.start_urls = [start_url] if start_url else list(self.profile.start_urls)
        if not self.start_urls:
            raise ValueError(f"spider {self.name}: give -a start_url=… (profile has none)")
        hosts = {urlsplit(u).hostname or "" for u in self.start_urls}
        hosts |= set(self.profile.domains)
        self.also_allow = tuple(h.strip() for h in (also_allow or "").split(",") if h.strip())
        hosts |= set(self.also_allow)
        self.allowed_domains = sorted(h for h in hosts if h)
        self._policy: AddressPolicy | None = None
        self.seen_article_ids: set[str] = set()

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """With REDIS_URL set, make this spider a worker on a shared Redis frontier."""
        super().update_settings(settings)
        apply_distributed_settings(settings)  # a no-op without REDIS_URL

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """Request the start URLs (a distributed worker: the seeds waiting in Redis)."""
        if self.distributed:
            async for request in self.redis_start():
                yield request
            return
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.failed)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """Yield the page for extraction unless it is a known listing; follow its links."""
        if not isinstance(response, TextResponse):
            self.count("pages/not_text")
            self.logger.warning("skipped non-text response %s", response.url)
            return
        if isinstance(response, XmlResponse):
            ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
            faults.log_skipped(self.crawler, response.url, "not_html", ctype or "XML")
            return
        if problem := faults.body_problem(response.body, response.encoding):
            faults.log_skipped(self.crawler, response.url, problem, f"{len(response.body)} bytes")
            return
        html, charset = decode_page(response.body, response.encoding, response.text)
        if charset:
            self.count(f"pages/{charset}")
            self.logger.warning("%s on %s (declared %s)", charset, response.url, response.encoding)
        kind = self.profile.classify_url(response.url)
        if kind != "listing":
            self.mark_seen(response.url)
            yield FetchedPage(
                url=response.url,
                html=html,
                fetched_at=response.meta[FETCHED_AT],
                profile=self.profile.name,
                status=response.status,
            )
        yield from self.follow(response)

    def follow(self, response: TextResponse) -> Iterator[scrapy.Request]:
        """Requests for the links worth following (articles once per id, listings)."""
        knows_urls = bool(self.profile.article_urls or self.profile.listing_urls)
        for url in page_links(response):
            if refusal := self.policy.refusal(url):
                self.count(f"links/{refusal.reason}")
                if refusal.reason != "offsite":
                    self.logger.warning("not following %s: %s", url, refusal.detail)
                continue
            if not self.allowed_host(url):
                continue
            kind = self.profile.classify_url(url)
            if kind is None and knows_urls:
                continue
            if kind == "article" and not self.mark_seen(url):
                self.count("links/duplicate_article_id")
                continue
            yield response.follow(url, callback=self.parse, errback=self.failed)

    @property
    def policy(self) -> AddressPolicy:
        """The address policy for links (built once the crawler's settings are known)."""
        if self._policy is None:
            allow_private = self.settings.getbool("NEWSCRAWL_ALLOW_PRIVATE_ADDRESSES")
            self._policy = policy_for(self, allow_private)
        return self._policy

    def failed(self, failure: Failure) -> None:
        """Errback: log and count a request that could not be fetched; the crawl goes on."""
        faults.on_request_failure(self.crawler, failure)

    def allowed_host(self, url: str) -> bool:
        """Whether the URL's host is an allowed domain or a subdomain of one (ports ignored)."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def mark_seen(self, url: str) -> bool:
        """Remember an article id; False when it was already seen (on any host)."""
        article_id = self.profile.article_id(url)
        if article_id is None:
            return True
        if article_id in self.seen_article_ids:
            return False
        self.seen_article_ids.add(article_id)
        return True

    def count(self, key: str) -> None:
        """Increment the stat `newscrawl/<key>`."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/{key}")
