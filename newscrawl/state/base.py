"""The state-store interface and its value objects (no storage code here)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the store knows about one article (times are ISO strings, UTC)."""

    article_id: str
    first_seen: str
    last_seen: str
    fingerprint: str | None = None  # content fingerprint of the last emitted version
    last_emitted: str | None = None
    version: int = 0  # 0: never emitted

    def unchanged(self, fingerprint: str) -> bool:
        """Whether this content was already emitted as the latest version."""
        return self.version > 0 and self.fingerprint == fingerprint


#: Outcomes of a claim: emit as a new article / a new version; or don't emit.
NEW, CHANGED, UNCHANGED, CLAIMED = "new", "changed", "unchanged", "claimed"


@dataclass(frozen=True, slots=True)
class Claim:
    """The answer to "may I emit this content of this article?": a version, or 0 and why not."""

    article_id: str
    version: int  # the version to emit; 0: don't emit
    outcome: str  # NEW, CHANGED (version > 0); UNCHANGED, CLAIMED (someone is emitting it)

    @property
    def granted(self) -> bool:
        """Whether the caller must emit the record (as `version`)."""
        return self.version > 0


@dataclass(frozen=True, slots=True)
class Emission:
    """One record durably written to the output: its article, content and version."""

    article_id: str
    fingerprint: str
    version: int


@dataclass(frozen=True, slots=True)
class PendingBatch:
    """A journal entry: a batch about to be appended to `path` from byte `offset` on."""

    batch_id: int
    path: str
    offset: int


class StateStore(Protocol):
    """Durable crawl state of one spider.

    The crawl `claim`s an (article, content) before buffering its record: a granted claim
    reserves the next version for the caller until the record is emitted, so that no one else
    (another record of the same run, another worker) emits that article meanwhile.
    The writer calls `begin_batch` (committed) before appending a batch to an output file and
    `record_emitted` (one transaction, which also closes the journal entry) after the batch is
    fsynced; a batch still pending at start-up is reconciled from the file itself, then the
    claims that no written record settled are released (`release_claims`).
    """

    def get(self, article_id: str) -> ArticleState | None:
        """The article's state, or None when it was never seen."""
        ...

    def seen(self, article_id: str, at: str) -> ArticleState:
        """Record that the article was seen at `at`; return its state."""
        ...

    def claim(self, article_id: str, fingerprint: str, at: str, url: str) -> Claim:
        """Record a sighting at `at`; reserve the next version unless unchanged or claimed."""
        ...

    def release_claims(self) -> list[str]:
        """Drop this process's (or worker's) unsettled claims; return their URLs."""
        ...

    def begin_batch(self, path: str, offset: int) -> int:
        """Durably journal a batch about to be written at `offset` of `path`; return its id."""
        ...

    def record_emitted(self, batch_id: int | None, emissions: Iterable[Emission], at: str) -> None:
        """Mark the records emitted, settle their claims, close the batch's entry, atomically."""
        ...

    def pending_batches(self) -> list[PendingBatch]:
        """Journal entries of batches whose emission was never recorded (a killed run)."""
        ...

    def discard_batch(self, batch_id: int) -> None:
        """Close a journal entry that wrote nothing."""
        ...

    def close(self) -> None:
        """Commit what is pending and release the store."""
        ...
