"""Names of the per-run files: NEWSCRAWL_OUTPUT_DIR/<spider>/<run start, UTC>.jsonl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

SUMMARY_SUFFIX = ".summary.json"


def run_stamp(started: datetime) -> str:
    """The run's start as Scrapy's FEEDS `%(time)s` writes it: `2026-11-28T02-17-00+00-00`."""
    return started.astimezone(UTC).replace(microsecond=0).isoformat().replace(":", "-")


def new_run_file(spider_dir: Path, started: datetime) -> Path:
    """A JSONL path for this run that no earlier run used (`-2`, `-3`… within one second)."""
    stamp = run_stamp(started)
    candidate, n = spider_dir / f"{stamp}.jsonl", 1
    while candidate.exists() or summary_path(candidate).exists():
        n += 1
        candidate = spider_dir / f"{stamp}-{n}.jsonl"
    return candidate


def summary_path(jsonl: Path) -> Path:
    """The run summary beside a run's JSONL file."""
    return jsonl.with_name(jsonl.name.removesuffix(".jsonl") + SUMMARY_SUFFIX)
