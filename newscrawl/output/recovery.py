"""Start-up recovery after a killed run: reconcile journaled batches, cut torn last lines."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from newscrawl.output.jsonl import complete_lines, fsync_file, repair_torn_tail
from newscrawl.output.runfiles import run_files
from newscrawl.state import Emission, PendingBatch, StateStore, content_fingerprint

logger = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    """What start-up recovery found and fixed."""

    batches_reconciled: int = 0
    records_reconciled: int = 0
    batches_discarded: int = 0
    torn_files: list[str] = field(default_factory=list)
    bad_lines: int = 0
    released_urls: list[str] = field(default_factory=list)  # claims never written


def recover(store: StateStore, spider_dir: Path, now: str, suffix: str = "") -> RecoveryReport:
    """Make the store agree with the output files, release the claims no written record
    settled (their URLs must be crawled again), then repair every torn last line.

    `suffix` limits the repair to the files of one writer (a distributed worker's).
    """
    report = RecoveryReport()
    for batch in store.pending_batches():
        reconcile_batch(store, batch, now, report)
    report.released_urls = store.release_claims()
    if report.released_urls:
        logger.warning(
            "released %d claim(s) a killed run made but never wrote", len(report.released_urls)
        )
    for path in run_files(spider_dir, suffix):
        cut_torn_tail(path, report)
    return report


def reconcile_batch(
    store: StateStore, batch: PendingBatch, now: str, report: RecoveryReport
) -> None:
    """Records a killed run wrote but never marked emitted count as emitted now."""
    path = Path(batch.path)
    if not path.is_file() or path.stat().st_size <= batch.offset:
        store.discard_batch(batch.batch_id)
        report.batches_discarded += 1
        return
    cut_torn_tail(path, report)
    fsync_file(path)
    emissions = []
    for line in complete_lines(path, batch.offset):
        emission = emission_of(line)
        if emission is None:
            report.bad_lines += 1
            logger.error("unreadable line in %s after byte %d; ignored", path, batch.offset)
            continue
        emissions.append(emission)
    store.record_emitted(batch.batch_id, emissions, now)
    report.batches_reconciled += 1
    report.records_reconciled += len(emissions)
    logger.warning(
        "recovered %d record(s) a killed run wrote to %s but had not marked emitted",
        len(emissions),
        path,
    )


def emission_of(line: bytes) -> Emission | None:
    """The emission a written line stands for (None when the line is not a record)."""
    try:
        record = json.loads(line)
        return Emission(record["articleId"], content_fingerprint(record), int(record["version"]))
    except (ValueError, KeyError, TypeError):
        return None


def cut_torn_tail(path: Path, report: RecoveryReport) -> None:
    """Truncate a partial last line, logging it."""
    removed = repair_torn_tail(path)
    if removed:
        report.torn_files.append(str(path))
        logger.warning("removed a partial last line (%d bytes) from %s", removed, path)
