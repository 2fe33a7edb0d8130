"""`newscrawl date`: placeholder until the resolver branch lands."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """Add nothing yet."""
