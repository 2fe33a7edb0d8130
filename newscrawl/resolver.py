"""DNS resolver that refuses names resolving to private addresses (DNS-rebinding defence).

Scrapy connects to the address its resolver returns, so checking here closes the gap a
URL-level check leaves open: `evil.example` answering 127.0.0.1 or 169.254.169.254. Hosts the
user chose (start URLs, `also_allow`) may resolve anywhere; NEWSCRAWL_ALLOW_PRIVATE_ADDRESSES
turns the check off. IPv4 only, like Scrapy's default resolver which this extends.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from scrapy.crawler import Crawler
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from newscrawl.safety import address_risk, literal_ip, policy_for

logger = logging.getLogger(__name__)


class PrivateAddressError(DNSLookupError):
    """A host name resolved to a private address the user did not allow."""


class SafeResolver(CachingThreadedResolver):
    """Scrapy's caching resolver plus a check of every answer against the address policy."""

    process: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> SafeResolver:
        """Build like Scrapy's resolver; keep what Scrapy passes (the crawler process)."""
        resolver: SafeResolver = super().from_crawler(crawler, reactor)
        resolver.process = crawler
        return resolver

    def crawlers(self) -> list[Any]:
        """The running crawlers that have a spider (the process's, or the one given)."""
        owners = getattr(self.process, "crawlers", None) or [self.process]
        return [c for c in owners if getattr(c, "spider", None) is not None]

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Any:
        """Resolve like Scrapy, then refuse a private answer for an untrusted name."""
        deferred = super().getHostByName(name, timeout)
        deferred.addCallback(self.check, name)
        return deferred

    def check(self, address: str, name: str) -> str:
        """Return the address, or raise PrivateAddressError (logged, counted)."""
        ip = literal_ip(address)
        risk = address_risk(ip) if ip is not None else None
        if risk is None or self.trusted(name):
            return address
        logger.warning("refused %s: resolves to %s address %s", name, risk, address)
        for crawler in self.crawlers():
            if crawler.stats is not None:
                crawler.stats.inc_value("newscrawl/refused/private_address_dns")
        raise PrivateAddressError(f"{name} resolves to {risk} address {address}")

    def trusted(self, name: str) -> bool:
        """Whether private answers are allowed for this name (setting, or a user-chosen host).

        Before any spider runs there is no policy yet, and the answer is allowed.
        """
        crawlers = self.crawlers()
        host = name.lower().rstrip(".")
        for crawler in crawlers:
            allow = crawler.settings.getbool("NEWSCRAWL_ALLOW_PRIVATE_ADDRESSES")
            if allow or host in policy_for(crawler.spider, allow).trusted_hosts:
                return True
        return not crawlers
