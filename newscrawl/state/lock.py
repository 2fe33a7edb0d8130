"""An exclusive, non-blocking lock on a file (released by the kernel if the process dies)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class StateLocked(RuntimeError):
    """Another process holds the lock."""


class FileLock:
    """`flock(LOCK_EX | LOCK_NB)` on `path`, held until `release` or process exit."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise StateLocked(f"{path} is locked by another newscrawl run") from None

    def release(self) -> None:
        """Unlock and close."""
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
