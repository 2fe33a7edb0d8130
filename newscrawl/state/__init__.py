"""Crawl state: which articles were seen and durably emitted, with which content and version.

`StateStore` is the interface the crawl uses; `SQLiteStateStore` is the local implementation
(one database per spider in NEWSCRAWL_STATE_DIR), `RedisStateStore` the one distributed workers
share (REDIS_URL set; `newscrawl.state.redis_store`).
"""

from newscrawl.state.base import (
    CHANGED,
    CLAIMED,
    NEW,
    UNCHANGED,
    ArticleState,
    Claim,
    Emission,
    PendingBatch,
    StateStore,
)
from newscrawl.state.fingerprint import CONTENT_FIELDS, content_fingerprint
from newscrawl.state.sqlite import SQLiteStateStore

__all__ = [
    "CHANGED",
    "CLAIMED",
    "CONTENT_FIELDS",
    "NEW",
    "UNCHANGED",
    "ArticleState",
    "Claim",
    "Emission",
    "PendingBatch",
    "SQLiteStateStore",
    "StateStore",
    "content_fingerprint",
]
