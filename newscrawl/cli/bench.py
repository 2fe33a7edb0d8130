"""`newscrawl bench …`: benchmarks that print figures (ours next to a baseline)."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

#: Benchmark modules under `newscrawl.bench`; each defines `register(subparsers)`.
BENCHMARKS: tuple[str, ...] = ("quality", "dates", "extract", "crawl")


def register(subparsers: Any) -> None:
    """Add `bench` and one sub-command per benchmark module."""
    parser: argparse.ArgumentParser = subparsers.add_parser("bench", help=__doc__)
    bench_sub = parser.add_subparsers(dest="benchmark", required=True)
    for name in BENCHMARKS:
        importlib.import_module(f"newscrawl.bench.{name}").register(bench_sub)
