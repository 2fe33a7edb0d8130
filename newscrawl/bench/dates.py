"""`newscrawl bench dates`: reldates-dev, our resolver next to plain dateparser."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import dateparser

from newscrawl.dates import resolve
from newscrawl.dates.evaluate import family, is_correct, load_rows, source_repo
from newscrawl.shared_data import shared_data_dir

Row = dict[str, Any]
Predictor = Callable[[Row], str | None]


def register(subparsers: Any) -> None:
    """Add `bench dates`."""
    parser: argparse.ArgumentParser = subparsers.add_parser("dates", help=__doc__)
    parser.add_argument("--data", type=Path, help="reldates-dev.jsonl (default: shared data)")
    parser.set_defaults(func=run)


def ours(with_lang: bool) -> Predictor:
    """Our resolver, with or without the row's language as a hint."""

    def predict(row: Row) -> str | None:
        zone = (row.get("settings") or {}).get("TIMEZONE")
        found = resolve(
            row["text"],
            datetime.fromisoformat(row["base"]),
            languages=[row["lang"]] if with_lang else None,
            timezone=zone,
        )
        return found.iso() if found else None

    return predict


def plain_dateparser(row: Row) -> str | None:
    """The README's baseline: dateparser.parse with RELATIVE_BASE only."""
    base = datetime.fromisoformat(row["base"]).replace(tzinfo=None)
    found = dateparser.parse(row["text"], settings={"RELATIVE_BASE": base})
    return found.isoformat() if found else None


def score(rows: list[Row], predict: Predictor) -> tuple[list[bool], list[float]]:
    """Correctness and milliseconds per row, in file order."""
    correct, millis = [], []
    for row in rows:
        start = time.perf_counter()
        predicted = predict(row)
        millis.append((time.perf_counter() - start) * 1000)
        correct.append(is_correct(predicted, row))
    return correct, millis


def _breakdown(rows: list[Row], correct: list[bool], key: Callable[[Row], str]) -> dict[str, str]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for row, ok in zip(rows, correct, strict=True):
        groups[key(row)].append(ok)
    return {k: f"{sum(v) / len(v):6.1%} of {len(v)}" for k, v in sorted(groups.items())}


def _timing(millis: list[float]) -> str:
    ordered = sorted(millis)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"median {statistics.median(millis):.3f} ms, p95 {p95:.3f} ms, first {millis[0]:.1f} ms"


def run(args: argparse.Namespace) -> int:
    """Score all systems and print accuracy by source and family, and timings."""
    path = args.data or ((shared_data_dir() or Path(".")) / "reldates-dev.jsonl")
    if not path.is_file():
        print(f"no data at {path}; pass --data or set NEWSCRAWL_SHARED_DATA")
        return 2
    rows = list(load_rows(path))
    systems: dict[str, Predictor] = {
        "ours (no language hint)": ours(False),
        "ours (row language as hint)": ours(True),
        "plain dateparser.parse": plain_dateparser,
    }
    print(f"reldates-dev: {len(rows)} rows, metric (d)")
    for name, predict in systems.items():
        correct, millis = score(rows, predict)
        print(f"\n== {name}: {sum(correct) / len(rows):.1%} ({sum(correct)}/{len(rows)})")
        print(f"   time: {_timing(millis)}")
        if name.startswith("ours"):
            _, warm_ms = score(rows, predict)
            print(f"   time, second pass (cached): {_timing(warm_ms)}")
        for label, key in (("source", _source), ("family", _family)):
            print(f"   by {label}:")
            for group, figure in _breakdown(rows, correct, key).items():
                print(f"     {group:<28} {figure}")
    return 0


def _source(row: Row) -> str:
    return source_repo(row["source"])


def _family(row: Row) -> str:
    return family(row["lang"])


def main() -> int:
    """Stand-alone entry point (`python -m newscrawl.bench.dates`)."""
    parser = argparse.ArgumentParser(prog="newscrawl bench")
    register(parser.add_subparsers(dest="benchmark", required=True))
    args = parser.parse_args(["dates", *sys.argv[1:]])
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
