"""`newscrawl seed`: push seed URLs to the shared frontier of distributed workers; status; reset."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from redis import Redis

from newscrawl.distributed.frontier import Keys

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
    parser.add_argument("--reset", action="store_true", help="delete the crawl's state first")
    parser.add_argument("--status", action="store_true", help="print the frontier's state")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Reset, seed and/or print the status, in that order."""
    server = Redis.from_url(args.redis_url)
    keys = Keys.for_spider(args.spider)
    if args.reset:
        print(f"deleted {reset(server, keys)} keys of {args.spider!r}")
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


def reset(server: Redis, keys: Keys) -> int:
    """Delete every key of the crawl (queue, dupefilter, emitted ids, leases, workers)."""
    found = list(server.scan_iter(match=keys.all_keys_pattern(), count=1000))
    if found:
        server.delete(*found)
    return len(found)


def status(server: Redis, keys: Keys) -> dict[str, Any]:
    """Counts of the crawl's shared state and of each worker's leases and pending claims."""
    workers = {}
    for raw in sorted(server.smembers(keys.workers)):
        worker = raw.decode() if isinstance(raw, bytes) else str(raw)
        workers[worker] = {
            "alive": bool(server.exists(keys.heartbeat(worker))),
            "in_flight": server.hlen(keys.inflight(worker)),
            "pending_claims": server.hlen(keys.pending(worker)),
        }
    return {
        "seeds_waiting": server.llen(keys.start_urls),
        "queued": server.zcard(keys.queue),
        "seen_requests": server.scard(keys.dupefilter),
        "emitted": server.hlen(keys.emitted),
        "workers": workers,
    }
