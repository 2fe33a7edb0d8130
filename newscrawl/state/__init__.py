"""Crawl state: which articles were seen and durably emitted, with which content and version.

`StateStore` is the interface the crawl uses; `SQLiteStateStore` is the local implementation
(one database per spider in NEWSCRAWL_STATE_DIR). Another backend (e.g. Redis, for distributed
workers) only has to implement the same protocol.
"""

from newscrawl.state.base import ArticleState, Emission, PendingBatch, StateStore
from newscrawl.state.fingerprint import CONTENT_FIELDS, content_fingerprint
from newscrawl.state.sqlite import SQLiteStateStore

__all__ = [
    "CONTENT_FIELDS",
    "ArticleState",
    "Emission",
    "PendingBatch",
    "SQLiteStateStore",
    "StateStore",
    "content_fingerprint",
]
