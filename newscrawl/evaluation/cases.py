"""Read the evaluation page sets (cases.jsonl + gzipped pages) from ../shared/data."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PAGE_SETS: tuple[str, ...] = ("aeb-dev", "wcxb-dev", "aggregators-dev")


def read_cases(set_dir: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Cases of one page set, each with its page bytes under `html_bytes`."""
    with (set_dir / "cases.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            case = json.loads(line)
            case["html_bytes"] = gzip.decompress((set_dir / case["html"]).read_bytes())
            yield case
