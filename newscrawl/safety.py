"""Where the crawler may go: http(s) only, allowed domains only, no private addresses.

A page is untrusted input: its links and redirects must never make the crawler open a
`file:` URL, talk to a service on the crawling machine or its network (127.0.0.1:6379,
10.0.0.5), or to a cloud metadata endpoint (169.254.169.254). The user's own choices are
trusted: the host and port of an explicitly given start URL, and hosts passed with
`also_allow`, may be private (the demo site runs on 127.0.0.1).

Covered here: URL schemes, literal IPs in every notation `inet_aton` accepts (`127.1`,
`2130706433`, `0x7f.0.0.1`, `[::ffff:127.0.0.1]`) and well-known local names (`localhost`,
`*.localhost`, `*.local`, `*.internal`, metadata hosts). Names that *resolve* to private
addresses are refused by `newscrawl.resolver.SafeResolver` (see docs/safety.md).

>>> policy = AddressPolicy.from_urls(["http://127.0.0.1:8000/en"], also_allow=["localhost"])
>>> policy.refusal("http://127.0.0.1:8000/en/article/1") is None
True
>>> policy.refusal("http://localhost:8000/x") is None
True
>>> policy.refusal("http://127.0.0.1:6379/").reason
'private_address'
>>> policy.refusal("http://169.254.169.254/latest/meta-data/").detail
'link-local address 169.254.169.254'
>>> policy.refusal("file:///etc/passwd").reason
'scheme'
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)

SAFE_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
#: Host names that always mean "this machine" or a cloud metadata service.
LOCAL_NAMES = frozenset(
    {
        "localhost",
        "localhost.localdomain",
        "ip6-localhost",
        "ip6-loopback",
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.com",
        "kubernetes.default",
        "kubernetes.default.svc",
    }
)
#: Suffixes of names that only resolve inside a private network.
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".lan")
_NUMERIC_HOST = re.compile(r"[0-9a-fx.]+", re.I)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def literal_ip(host: str) -> IPAddress | None:
    """The IP a host names literally, in any notation the C resolver accepts; else None."""
    host = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    if not _NUMERIC_HOST.fullmatch(host) or not any(c.isdigit() for c in host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def address_risk(ip: IPAddress) -> str | None:
    """Why an address is not a public internet address (None when it is public)."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return address_risk(embedded)
    for attribute, label in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_unspecified", "unspecified"),
        ("is_multicast", "multicast"),
        ("is_private", "private"),
        ("is_reserved", "reserved"),
    ):
        if getattr(ip, attribute):
            return label
    return None if ip.is_global else "non-global"


@lru_cache(maxsize=4096)
def host_risk(host: str) -> str | None:
    """Why a URL host is local or private ('loopback address 127.0.0.1'), or None."""
    host = host.lower().rstrip(".")
    ip = literal_ip(host)
    if ip is not None:
        risk = address_risk(ip)
        return f"{risk} address {ip}" if risk else None
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return f"local host name {host}"
    return None


def effective_port(url: str) -> int | None:
    """The URL's port, or its scheme's default port."""
    parts = urlsplit(url)
    try:
        return parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a URL must not be fetched: a stat key (`reason`) and a human `detail`."""

    reason: str
    detail: str


@dataclass(frozen=True)
class AddressPolicy:
    """Which URLs may be requested: safe schemes, and private hosts only when trusted."""

    trusted_hosts: frozenset[str] = frozenset()
    trusted_ports: frozenset[int] = frozenset()
    allow_private: bool = False
    allowed_domains: tuple[str, ...] = field(default=())

    @classmethod
    def from_urls(
        cls,
        start_urls: Iterable[str],
        also_allow: Iterable[str] = (),
        allow_private: bool = False,
        allowed_domains: Iterable[str] = (),
    ) -> AddressPolicy:
        """Trust the hosts and ports of the given start URLs, and `also_allow` hosts."""
        urls = list(start_urls)
        hosts = {(urlsplit(u).hostname or "").lower() for u in urls}
        hosts |= {h.strip().lower() for h in also_allow if h.strip()}
        ports = {p for p in map(effective_port, urls) if p is not None}
        return cls(
            trusted_hosts=frozenset(h for h in hosts if h),
            trusted_ports=frozenset(ports),
            allow_private=allow_private,
            allowed_domains=tuple(d.lower() for d in allowed_domains),
        )

    def trusts(self, host: str, port: int | None) -> bool:
        """Whether the user explicitly chose this host (on a start URL's port)."""
        return host in self.trusted_hosts and port in self.trusted_ports

    def on_site(self, host: str) -> bool:
        """Whether the host is an allowed domain or a subdomain of one (all, when none set)."""
        if not self.allowed_domains:
            return True
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def refusal(self, url: str) -> Refusal | None:
        """Why `url` must not be fetched, or None when it may be."""
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme not in SAFE_SCHEMES:
            return Refusal("scheme", f"scheme {scheme or '(none)'!r} is not http(s)")
        host = (parts.hostname or "").lower().rstrip(".")
        if not host:
            return Refusal("no_host", "URL has no host")
        risk = host_risk(host)
        if risk and not self.allow_private and not self.trusts(host, effective_port(url)):
            return Refusal("private_address", risk)
        if not self.on_site(host):
            return Refusal("offsite", f"host {host} is not an allowed domain")
        return None


def policy_for(spider: Spider, allow_private: bool) -> AddressPolicy:
    """The address policy of a running spider (its start URLs and `also_allow` hosts)."""
    return AddressPolicy.from_urls(
        getattr(spider, "start_urls", ()) or (),
        getattr(spider, "also_allow", ()) or (),
        allow_private=allow_private,
        allowed_domains=getattr(spider, "allowed_domains", None) or (),
    )


class RefusedRequest(IgnoreRequest):
    """A request the safety policy refused (already logged and counted)."""

    def __init__(self, url: str, refusal: Refusal) -> None:
        super().__init__(f"refused {url}: {refusal.detail}")
        self.refusal = refusal


class SafetyMiddleware:
    """Downloader middleware: refuse unsafe URLs when scheduled and again before download.

    Checked at scheduling (so redirects and links refused by it are logged, not silently
    dropped by Scrapy's offsite filter) and in `process_request` (robots.txt and other
    requests that bypass the scheduler). Each refusal: one WARNING line with the URL and
    reason, and the stat `newscrawl/refused/<reason>`.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allow_private = crawler.settings.getbool("NEWSCRAWL_ALLOW_PRIVATE_ADDRESSES")
        self._policy: AddressPolicy | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafetyMiddleware:
        """Build from the crawler and listen for scheduled requests."""
        middleware = cls(crawler)
        crawler.signals.connect(middleware.request_scheduled, signal=signals.request_scheduled)
        return middleware

    @property
    def policy(self) -> AddressPolicy:
        """The policy of the running spider (built on first use)."""
        if self._policy is None:
            assert self.crawler.spider is not None
            self._policy = policy_for(self.crawler.spider, self.allow_private)
        return self._policy

    def check(self, request: Request) -> None:
        """Raise RefusedRequest (logged, counted) when the request must not be made."""
        refusal = self.policy.refusal(request.url)
        if refusal is None:
            return
        via = request.meta.get("redirect_urls")
        logger.warning(
            "refused %s: %s%s",
            request.url,
            refusal.detail,
            f" (redirected from {via[-1]})" if via else "",
        )
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/refused/{refusal.reason}")
        raise RefusedRequest(request.url, refusal)

    def request_scheduled(self, request: Request, spider: Any = None) -> None:
        """Refuse an unsafe request before it is queued."""
        self.check(request)

    def process_request(self, request: Request) -> None:
        """Refuse an unsafe request before it is downloaded."""
        self.check(request)
