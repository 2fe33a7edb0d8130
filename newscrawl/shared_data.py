"""Locate the third-party evaluation data in `../shared/data` (read at run time, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path | None:
    """Return the shared evaluation-data folder, or None when it is not beside this checkout."""
    candidates = [
        os.environ.get("NEWSCRAWL_SHARED_DATA"),
        Path.cwd().parent / "shared" / "data",
        REPO_ROOT.parent / "shared" / "data",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "README.md").is_file():
            return Path(candidate)
    return None
