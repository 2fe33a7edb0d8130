"""The REDIS_URL switch: turn the newscrawl spiders into scrapy-redis workers."""

from __future__ import annotations

import os
import socket
from typing import Any

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.utils.misc import load_object

#: Seconds a worker waits with an empty shared frontier before it exits (0: never).
DEFAULT_MAX_IDLE = 60
#: Seconds a worker's heartbeat lives; a worker silent for longer is dead and its leases requeued.
DEFAULT_WORKER_TTL = 15.0
#: Seconds between two looks at the shared queue while this worker has nothing to do.
DEFAULT_IDLE_POLL = 1.0

PKG = "newscrawl.distributed"
DISTRIBUTED_SETTINGS: dict[str, Any] = {
    "SCHEDULER": f"{PKG}.scheduler.RedisScheduler",
    "DUPEFILTER_CLASS": f"{PKG}.dupefilter.ArticleDupeFilter",
    "SCHEDULER_QUEUE_CLASS": f"{PKG}.queue.LeasedPriorityQueue",
    # The frontier is shared: a worker that closes must never clear it (`newscrawl seed --reset`).
    "SCHEDULER_PERSIST": True,
    "MAX_IDLE_TIME_BEFORE_CLOSE": DEFAULT_MAX_IDLE,
}
SPIDER_MIDDLEWARES = {f"{PKG}.leases.LeaseSpiderMiddleware": 10}
DOWNLOADER_MIDDLEWARES = {
    f"{PKG}.leases.LeaseDownloaderMiddleware": 5,
    f"{PKG}.politeness.RedisPolitenessMiddleware": 990,
}


def redis_url(settings: BaseSettings) -> str | None:
    """REDIS_URL from the settings (`-s`), else from the environment; None: not distributed."""
    return settings.get("REDIS_URL") or os.environ.get("REDIS_URL") or None


def is_distributed(settings: BaseSettings) -> bool:
    """Whether this crawl is a worker on a shared Redis frontier."""
    return redis_url(settings) is not None


def worker_id(settings: BaseSettings) -> str:
    """This worker's stable name (NEWSCRAWL_WORKER_ID, default: the host name)."""
    return str(settings.get("NEWSCRAWL_WORKER_ID") or socket.gethostname())


def apply_distributed_settings(settings: BaseSettings) -> bool:
    """Switch `settings` to a scrapy-redis worker when REDIS_URL is set; return whether it did.

    The item pipelines stay as they are: the incremental output stage itself switches to the
    shared Redis state (`newscrawl.distributed.state`) when REDIS_URL is set.
    """
    url = redis_url(settings)
    if url is None:
        return False
    settings.set("REDIS_URL", url, priority="spider")
    for name, value in DISTRIBUTED_SETTINGS.items():
        settings.set(name, value, priority="spider")
    _add_components(settings, "SPIDER_MIDDLEWARES", SPIDER_MIDDLEWARES)
    _add_components(settings, "DOWNLOADER_MIDDLEWARES", DOWNLOADER_MIDDLEWARES)
    return True


def _add_components(settings: BaseSettings, name: str, extra: dict[str, int]) -> None:
    """Add `extra` to the component dict `name`, keeping any order the user gave them."""
    components = settings.getdict(name)
    present = {_load(key) for key in components}
    for path, order in extra.items():
        if load_object(path) not in present:
            components[path] = order
    _set_over_project(settings, name, components)


def _load(key: Any) -> Any:
    """The class a component key (import path or class) stands for."""
    return load_object(key) if isinstance(key, str) else key


def _set_over_project(settings: BaseSettings, name: str, value: Any) -> None:
    """Set at spider priority (or the user's, if higher): project settings are re-applied later."""
    priority = max(SETTINGS_PRIORITIES["spider"], settings.getpriority(name) or 0)
    settings.set(name, value, priority=priority)
