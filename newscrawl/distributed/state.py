"""The incremental crawl state of a distributed worker: the shared `RedisStateStore`."""

from __future__ import annotations

from scrapy.crawler import Crawler

from newscrawl.distributed.worker import worker_for
from newscrawl.state.backend import OpenedState
from newscrawl.state.redis_store import RedisStateStore


def open_shared(crawler: Crawler) -> OpenedState:
    """This worker's view of the shared state (joins the crawl first, if not done yet).

    No file lock: the worker's heartbeat already makes its id unique among running workers,
    and the journal and claims it recovers are its own (`<spider>:state:*:<worker id>`). A
    claim it releases (its record never written) goes back to the shared queue in the same step.
    """
    worker = worker_for(crawler)
    worker.start()
    requeue = (worker.keys.queue, worker.encode_url)
    store = RedisStateStore(worker.server, worker.keys.state, worker.id, requeue)
    return OpenedState(store, f"redis {worker.keys.state}:*", suffix=f"-{worker.id}", requeues=True)
