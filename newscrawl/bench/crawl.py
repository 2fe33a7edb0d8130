"""`newscrawl bench crawl` (placeholder while being written)."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """Add `bench crawl`."""
