"""Settle the claims a crashed earlier run of this worker left pending, using its output files."""

from __future__ import annotations

import glob
import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import Spider

from newscrawl.distributed.worker import Worker

logger = logging.getLogger(__name__)
_PARAM = re.compile(r"%\((\w+)\)s")


def feed_globs(feeds: dict[str, object], spider: str, worker: str) -> list[str]:
    """Glob patterns of the local files this worker's FEEDS write (other URIs are skipped).

    >>> feed_globs({"out/%(name)s/%(time)s-%(worker_id)s.jsonl": {}}, "daily8", "w1")
    ['out/daily8/*-w1.jsonl']
    """
    known = {"name": spider, "worker_id": worker}
    patterns = []
    for uri in feeds:
        parts = urlsplit(str(uri))
        if parts.scheme not in ("", "file") and not re.fullmatch(r"[a-zA-Z]", parts.scheme):
            continue
        path = parts.path if parts.scheme == "file" else str(uri)
        patterns.append(_PARAM.sub(lambda m: known.get(m[1], "*"), path))
    return patterns


def written_ids(patterns: list[str]) -> Iterator[str]:
    """Article ids of the records in the files matching the patterns (bad lines skipped)."""
    for pattern in patterns:
        for name in sorted(glob.glob(pattern)):
            with Path(name).open(encoding="utf-8", errors="replace") as lines:
                for line in lines:
                    try:
                        article_id = json.loads(line).get("articleId")
                    except (ValueError, AttributeError):
                        logger.warning("skipped a truncated or bad line in %s", name)
                        continue
                    if article_id:
                        yield str(article_id)


def reconcile_pending(worker: Worker, spider: Spider, requeue: Callable[[str], None]) -> None:
    """Confirm pending claims whose record was written; release and requeue the others."""
    pending = worker.emitted.pending()
    if not pending:
        return
    feeds = dict(worker.crawler.settings.getdict("FEEDS"))
    written = set(written_ids(feed_globs(feeds, spider.name, worker.id)))
    for article_id, url in pending.items():
        if article_id in written:
            worker.emitted.confirm(article_id)
            worker.count("claims/confirmed_on_start")
        else:
            worker.emitted.release(article_id)
            requeue(url)
            worker.count("claims/requeued_on_start")
            logger.warning("worker %s: record of %s was never written; requeued", worker.id, url)
