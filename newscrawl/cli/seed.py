"""`newscrawl seed`: push seed URLs to the shared frontier of distributed workers; status; reset."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from redis import Redis

from newscrawl.distributed.frontier import Keys
from newscrawl.state.redis_store import RedisStateStore

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def register(subparsers: Any) -> None:
    """Add the `seed` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "seed", help="seed, inspect or reset the shared Redis frontier of distributed workers"
    )
    parser.add_argument("spider", help="spider name (daily8, aggregator, …): the key prefix")
    parser.add_argument("urls", nargs="*", help="seed URLs (pushed to <spider>:start_urls)")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", DEFAULT_REDIS_URL),
        help="Redis server (default: $REDIS_URL, else %(default)s)",
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        help="delete the frontier first (queue, seen URLs, leases): the next crawl fetches "
        "every page again; the article state (versions, fingerprints) is kept",
    )
    parser.add_argument(
        "--forget-state",
        action="store_true",
        help="with --reset: delete the article state too (every article is new again)",
    )
    parser.add_argument("--status", action="store_true", help="print the frontier's state")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Reset, seed and/or print the status, in that order."""
    server = Redis.from_url(args.redis_url)
    keys = Keys.for_spider(args.spider)
    if args.forget_state and not args.reset:
        print("--forget-state needs --reset")
        return 2
    if args.reset:
        deleted = reset(server, keys, keep_state=not args.forget_state)
        print(f"deleted {deleted} keys of {args.spider!r}")
    if args.urls:
        print(f"seeded {seed(server, keys, args.urls)} URLs into {keys.start_urls}")
    if args.status or not (args.urls or args.reset):
        print(json.dumps(status(server, keys), indent=2))
    return 0


def seed(server: Redis, keys: Keys, urls: list[str]) -> int:
    """Push seed messages ({"url": …}) for the workers; return how many."""
    messages = [json.dumps({"url": url}) for url in urls]
    server.rpush(keys.start_urls, *messages)
    return len(messages)


def reset(server: Redis, keys: Keys, keep_state: bool = True) -> int:
    """Delete the crawl's frontier (queue, dupefilter, leases, workers) and, unless
    `keep_state`, its article state; return how many keys were deleted."""
    state = keys.state + ":"
    deleted = 0
    batch: list[bytes | str] = []
    for key in server.scan_iter(match=keys.all_keys_pattern(), count=1000):
        name = key.decode() if isinstance(key, bytes) else str(key)
        if keep_state and name.startswith(state):
            continue
        batch.append(key)
        if len(batch) >= 1000:
            deleted += server.delete(*batch)
            batch = []
    if batch:
        deleted += server.delete(*batch)
    return deleted


def status(server: Redis, keys: Keys) -> dict[str, Any]:
    """Counts of the crawl's shared state and of each worker's leases and unsettled claims."""
    workers = {}
    for raw in sorted(server.smembers(keys.workers)):
        worker = raw.decode() if isinstance(raw, bytes) else str(raw)
        store = RedisStateStore(server, keys.state, worker)
        workers[worker] = {
            "alive": bool(server.exists(keys.heartbeat(worker))),
            "in_flight": server.hlen(keys.inflight(worker)),
            "unwritten_claims": server.hlen(store.claims_key),
            "pending_batches": server.hlen(store.batches_key),
        }
    counts = RedisStateStore(server, keys.state, "").counts()
    return {
        "seeds_waiting": server.llen(keys.start_urls),
        "queued": server.zcard(keys.queue),
        "seen_requests": server.scard(keys.dupefilter),
        "articles_known": counts["known"],
        "articles_emitted": counts["emitted"],
        "workers": workers,
    }
