"""SQLite implementation of the state store (one database file per spider)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from newscrawl.state.base import (
    CHANGED,
    CLAIMED,
    NEW,
    UNCHANGED,
    ArticleState,
    Claim,
    Emission,
    PendingBatch,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id   TEXT PRIMARY KEY,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    fingerprint  TEXT,
    last_emitted TEXT,
    version      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pending_batches (
    batch_id INTEGER PRIMARY KEY AUTOINCREMENT,
    path     TEXT NOT NULL,
    offset   INTEGER NOT NULL
);
"""
COLUMNS = "article_id, first_seen, last_seen, fingerprint, last_emitted, version"


class SQLiteStateStore:
    """Crawl state in one SQLite file (WAL, synchronous=FULL: a commit survives a power cut).

    One process at a time (the crawl holds a file lock), so claims live in memory: a killed
    run's claims vanish with it, and their articles are simply fetched again by the next run.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.executescript(SCHEMA)
        self.db.commit()
        self.claims: dict[str, str] = {}  # article id → url, claimed and not yet emitted

    def get(self, article_id: str) -> ArticleState | None:
        """The article's state, or None when it was never seen."""
        row = self.db.execute(
            f"SELECT {COLUMNS} FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return ArticleState(*row) if row else None

    def seen(self, article_id: str, at: str) -> ArticleState:
        """Record a sighting (committed with the next batch; losing it in a crash is harmless)."""
        self.db.execute(
            "INSERT INTO articles (article_id, first_seen, last_seen) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET last_seen = excluded.last_seen",
            (article_id, at, at),
        )
        state = self.get(article_id)
        assert state is not None
        return state

    def claim(self, article_id: str, fingerprint: str, at: str, url: str) -> Claim:
        """Record a sighting; reserve the next version unless unchanged or already claimed."""
        state = self.seen(article_id, at)
        if article_id in self.claims:
            return Claim(article_id, 0, CLAIMED)
        if state.unchanged(fingerprint):
            return Claim(article_id, 0, UNCHANGED)
        self.claims[article_id] = url
        return Claim(article_id, state.version + 1, NEW if state.version == 0 else CHANGED)

    def release_claims(self) -> list[str]:
        """Forget the unsettled claims of this process; return their URLs."""
        urls, self.claims = list(self.claims.values()), {}
        return urls

    def begin_batch(self, path: str, offset: int) -> int:
        """Journal a batch about to be appended at `offset` of `path` (committed now)."""
        cursor = self.db.execute(
            "INSERT INTO pending_batches (path, offset) VALUES (?, ?)", (path, offset)
        )
        self.db.commit()
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def record_emitted(self, batch_id: int | None, emissions: Iterable[Emission], at: str) -> None:
        """Mark records emitted and close the batch's journal entry in one transaction."""
        emissions = list(emissions)
        with self.db:
            self.db.executemany(
                "INSERT INTO articles (article_id, first_seen, last_seen, fingerprint, "
                "last_emitted, version) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
                "last_emitted = excluded.last_emitted, version = excluded.version",
                [(e.article_id, at, at, e.fingerprint, at, e.version) for e in emissions],
            )
            if batch_id is not None:
                self.db.execute("DELETE FROM pending_batches WHERE batch_id = ?", (batch_id,))
        for e in emissions:
            self.claims.pop(e.article_id, None)

    def pending_batches(self) -> list[PendingBatch]:
        """Batches journaled but never recorded as emitted, oldest first."""
        rows = self.db.execute(
            "SELECT batch_id, path, offset FROM pending_batches ORDER BY batch_id"
        ).fetchall()
        return [PendingBatch(*row) for row in rows]

    def discard_batch(self, batch_id: int) -> None:
        """Close a journal entry that wrote nothing."""
        with self.db:
            self.db.execute("DELETE FROM pending_batches WHERE batch_id = ?", (batch_id,))

    def counts(self) -> dict[str, int]:
        """Articles known and articles emitted at least once."""
        known, emitted = self.db.execute(
            "SELECT COUNT(*), COUNT(last_emitted) FROM articles"
        ).fetchone()
        return {"known": known, "emitted": emitted}

    def close(self) -> None:
        """Commit pending sightings and close the database."""
        self.db.commit()
        self.db.close()
