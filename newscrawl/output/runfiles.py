"""Names of the per-run files: NEWSCRAWL_OUTPUT_DIR/<spider>/<run start, UTC>[-<worker>].jsonl."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

SUMMARY_SUFFIX = ".summary.json"


def run_stamp(started: datetime) -> str:
    """The run's start as Scrapy's FEEDS `%(time)s` writes it: `2026-11-28T02-17-00+00-00`."""
    return started.astimezone(UTC).replace(microsecond=0).isoformat().replace(":", "-")


STAMP = r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d[+-]\d\d-\d\d"


def new_run_file(spider_dir: Path, started: datetime, suffix: str = "") -> Path:
    """A JSONL path for this run that no earlier run used (`-2`, `-3`… within one second).

    `suffix` (`-<worker id>` for a distributed worker) ends every name of one writer's files.
    """
    stamp = run_stamp(started)
    candidate, n = spider_dir / f"{stamp}{suffix}.jsonl", 1
    while candidate.exists() or summary_path(candidate).exists():
        n += 1
        candidate = spider_dir / f"{stamp}-{n}{suffix}.jsonl"
    return candidate


def run_files(spider_dir: Path, suffix: str = "") -> list[Path]:
    """The run files of one writer, by name: every `*.jsonl`, or those named with `suffix`.

    >>> names = ["2026-11-28T00-00-00+00-00-w1.jsonl", "2026-11-28T00-00-00+00-00-a-w1.jsonl"]
    >>> [bool(run_file_name(suffix="-w1").fullmatch(n)) for n in names]
    [True, False]
    """
    if not spider_dir.is_dir():
        return []
    if not suffix:
        return sorted(spider_dir.glob("*.jsonl"))
    pattern = run_file_name(suffix)
    return sorted(p for p in spider_dir.iterdir() if pattern.fullmatch(p.name))


def run_file_name(suffix: str) -> re.Pattern[str]:
    """The names `new_run_file` gives with `suffix`."""
    return re.compile(STAMP + r"(?:-\d+)?" + re.escape(suffix) + r"\.jsonl")


def summary_path(jsonl: Path) -> Path:
    """The run summary beside a run's JSONL file."""
    return jsonl.with_name(jsonl.name.removesuffix(".jsonl") + SUMMARY_SUFFIX)
