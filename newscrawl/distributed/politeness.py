"""Per-domain politeness across all workers: the limits the user set hold for the whole crawl.

Each worker's Scrapy enforces CONCURRENT_REQUESTS_PER_DOMAIN and DOWNLOAD_DELAY locally, so N
workers would hit a site N times harder. This downloader middleware (last before the
downloader) makes every download first take a per-domain slot in Redis: at most
CONCURRENT_REQUESTS_PER_DOMAIN slots held at once by all workers together, and slots handed
out at least DOWNLOAD_DELAY seconds apart (Redis time, so worker clocks do not matter). A slot
is released when the download ends, or expires after DOWNLOAD_TIMEOUT if a worker dies.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from urllib.parse import urlsplit

from redis import Redis
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

logger = logging.getLogger(__name__)

#: Take a slot. KEYS: held slots (zset token → expiry), next-start time. ARGV: cap, delay,
#: slot lifetime, token. Returns '0' when taken, else the seconds to wait before retrying.
ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return '-1' end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return tostring(nxt - now) end
redis.call('SET', KEYS[2], tostring(now + tonumber(ARGV[2])), 'PX', 3600000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3]) * 1000) + 1000)
return '0'
"""
SLOT = "newscrawl_polite_slot"
#: Seconds between two attempts when every slot of the domain is taken.
FULL_RETRY = 0.05


class DomainLimiter:
    """Shared per-domain concurrency cap and minimum interval between request starts."""

    def __init__(
        self, server: Redis, prefix: str, concurrency: int, delay: float, lifetime: float
    ) -> None:
        self.server = server
        self.prefix = prefix
        self.concurrency = max(1, concurrency)
        self.delay = max(0.0, delay)
        self.lifetime = lifetime
        self._acquire = server.register_script(ACQUIRE)

    def _keys(self, domain: str) -> list[str]:
        """Redis keys of a domain's slots and next-start time."""
        return [f"{self.prefix}:{domain}:slots", f"{self.prefix}:{domain}:next"]

    def try_acquire(self, domain: str, token: str) -> float:
        """Take a slot now (0.0) or say how long to wait before trying again."""
        args: list[str | float] = [self.concurrency, self.delay, self.lifetime, token]
        wait = float(self._acquire(keys=self._keys(domain), args=args))
        return FULL_RETRY if wait < 0 else wait

    async def acquire(self, domain: str) -> str:
        """Wait for a slot of the domain; return its token."""
        token = uuid.uuid4().hex
        while (wait := self.try_acquire(domain, token)) > 0:
            await asyncio.sleep(min(wait, 1.0))
        return token

    def release(self, domain: str, token: str) -> None:
        """Give a slot back."""
        self.server.zrem(self._keys(domain)[0], token)


def domain_of(request: Request) -> str:
    """The politeness key of a request: its download slot, else its host."""
    slot = request.meta.get("download_slot")
    return str(slot) if slot else (urlsplit(request.url).hostname or "")


class RedisPolitenessMiddleware:
    """Downloader middleware: take a shared per-domain slot before each download."""

    def __init__(self, limiter: DomainLimiter) -> None:
        self.limiter = limiter

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisPolitenessMiddleware:
        """Limits from CONCURRENT_REQUESTS_PER_DOMAIN, DOWNLOAD_DELAY and DOWNLOAD_TIMEOUT."""
        from newscrawl.distributed.worker import worker_for

        settings = crawler.settings
        worker = worker_for(crawler)
        limiter = DomainLimiter(
            worker.server,
            worker.keys.key("polite"),
            settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            settings.getfloat("DOWNLOAD_DELAY"),
            settings.getfloat("DOWNLOAD_TIMEOUT", 180) + 10,
        )
        return cls(limiter)

    async def process_request(self, request: Request) -> None:
        """Wait for a shared slot of the request's domain."""
        domain = domain_of(request)
        request.meta[SLOT] = (domain, await self.limiter.acquire(domain))

    def process_response(self, request: Request, response: Response) -> Response:
        """The download ended: release the slot."""
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """The download failed: release the slot."""
        self._release(request)

    def _release(self, request: Request) -> None:
        """Release the request's slot, if it holds one."""
        held = request.meta.pop(SLOT, None)
        if held is not None:
            domain, token = held
            self.limiter.release(domain, token)
