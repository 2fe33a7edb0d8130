"""The per-run writer: buffer records, append a batch, fsync, then record the emission."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newscrawl.output.jsonl import DurableJsonlFile, encode_line
from newscrawl.state import Emission, StateStore


@dataclass
class BatchWriter:
    """Buffers records; `flush` makes them durable in the file, then emitted in the store.

    The order is what makes a kill at any moment safe: journal the batch (committed), append
    and fsync the lines, then mark them emitted and close the journal in one transaction. A run
    killed before the commit is reconciled at the next start from the journal and the file.
    """

    file: DurableJsonlFile
    store: StateStore
    fields: Sequence[str]
    clock: Callable[[], str]
    pending: list[tuple[bytes, Emission]] = field(default_factory=list)
    written: int = 0
    batches: int = 0

    def add(self, record: Mapping[str, Any], emission: Emission) -> None:
        """Buffer one record (not yet emitted)."""
        self.pending.append((encode_line(record, self.fields), emission))

    def __len__(self) -> int:
        return len(self.pending)

    def flush(self) -> int:
        """Write the buffered records durably and record them emitted; return how many."""
        if not self.pending:
            return 0
        batch, self.pending = self.pending, []
        offset = self.file.size()
        batch_id = self.store.begin_batch(str(self.file.path), offset)
        try:
            self.file.append(b"".join(line for line, _ in batch))
        except OSError:
            self.file.truncate(offset)
            self.store.discard_batch(batch_id)
            raise
        self.store.record_emitted(batch_id, [e for _, e in batch], self.clock())
        self.written += len(batch)
        self.batches += 1
        return len(batch)

    def discard(self) -> int:
        """Drop what is buffered (never written, never marked: the next run fetches it again)."""
        count, self.pending = len(self.pending), []
        return count
