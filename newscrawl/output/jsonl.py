"""Append-only JSONL files that never keep a partial line."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

TAIL_CHUNK = 64 * 1024


def encode_line(record: Mapping[str, Any], fields: Sequence[str]) -> bytes:
    """One JSON line (UTF-8, fields in the given order, newline-terminated)."""
    ordered = {name: record.get(name) for name in fields}
    return (json.dumps(ordered, ensure_ascii=False) + "\n").encode("utf-8")


def fsync_dir(folder: Path) -> None:
    """Make a new directory entry durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class DurableJsonlFile:
    """An output file created for one run; batches are appended whole and fsynced."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        fsync_dir(path.parent)

    def size(self) -> int:
        """Bytes in the file."""
        return os.fstat(self.fd).st_size

    def append(self, data: bytes) -> None:
        """Write all bytes, then fsync: on return they are durable."""
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        os.fsync(self.fd)

    def truncate(self, size: int) -> None:
        """Cut the file back to `size` bytes (undo a failed append) and fsync."""
        os.ftruncate(self.fd, size)
        os.fsync(self.fd)

    def close(self) -> None:
        """Close the file."""
        os.close(self.fd)


def complete_length(path: Path) -> int:
    """Length of the file up to and including its last newline (0 when it has none)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        end = size
        while end > 0:
            start = max(0, end - TAIL_CHUNK)
            handle.seek(start)
            chunk = handle.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                return start + newline + 1
            end = start
    return 0


def repair_torn_tail(path: Path) -> int:
    """Truncate a partial last line (a killed writer's); return the bytes removed."""
    size = path.stat().st_size
    keep = complete_length(path)
    if keep == size:
        return 0
    with path.open("r+b") as handle:
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return size - keep


def complete_lines(path: Path, offset: int = 0) -> Iterator[bytes]:
    """The complete (newline-terminated) lines of `path` from byte `offset` on."""
    with path.open("rb") as handle:
        handle.seek(offset)
        for line in handle:
            if not line.endswith(b"\n"):
                return
            yield line


def fsync_file(path: Path) -> None:
    """Flush a file's data that a killed process left in the page cache to disk."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
