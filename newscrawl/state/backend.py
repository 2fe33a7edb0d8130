"""The state a crawl opened: its store, how its run files are named, what it must release."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newscrawl.state.base import StateStore
from newscrawl.state.lock import FileLock
from newscrawl.state.sqlite import SQLiteStateStore


@dataclass
class OpenedState:
    """A store ready for the incremental output stage."""

    store: StateStore
    where: str  # for the log: the database, or the Redis keys
    suffix: str = ""  # ends this writer's run file names (`-<worker id>` when distributed)
    lock: FileLock | None = None
    requeues: bool = False  # the store queues a released claim's URL again (distributed)

    def close(self) -> None:
        """Close the store, release the lock."""
        self.store.close()
        if self.lock is not None:
            self.lock.release()


def open_local(state_dir: Path, spider: str) -> OpenedState:
    """The spider's SQLite state, locked for this process (raises `StateLocked`)."""
    lock = FileLock(state_dir / f"{spider}.lock")
    path = state_dir / f"{spider}.sqlite3"
    return OpenedState(SQLiteStateStore(path), str(path), lock=lock)
