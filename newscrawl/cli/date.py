"""`newscrawl date`: resolve one date chip, or a JSONL batch from stdin."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from newscrawl.dates import resolve


def register(subparsers: Any) -> None:
    """Add the `date` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser("date", help=__doc__)
    parser.add_argument("text", nargs="?", help="the date text, e.g. '6 days ago'")
    parser.add_argument("--fetched-at", help="ISO-8601 fetch time with offset")
    parser.add_argument("--lang", action="append", help="language hint (repeatable)")
    parser.add_argument("--tz", help="site time zone, IANA name")
    parser.add_argument("--date-order", help="DMY, MDY or YMD")
    parser.add_argument("--batch", action="store_true", help="read JSONL {text, base, lang?, tz?}")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Resolve the text (or every batch line) and print the result."""
    if args.batch:
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(resolve_record(json.loads(line), args), ensure_ascii=False))
        return 0
    if not args.text or not args.fetched_at:
        print("newscrawl date: TEXT and --fetched-at are required", file=sys.stderr)
        return 2
    found = resolve(
        args.text,
        _aware(args.fetched_at),
        languages=args.lang,
        timezone=args.tz,
        date_order=args.date_order,
    )
    if found is None:
        print("unresolved")
        return 1
    print(f"{found.iso()}\t{found.precision}\t{found.basis}")
    return 0


def resolve_record(record: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """One batch record with `value` and `precision` added."""
    lang = record.get("lang")
    found = resolve(
        str(record.get("text", "")),
        _aware(record["base"]),
        languages=[lang] if lang else args.lang,
        timezone=record.get("tz") or args.tz,
        date_order=args.date_order,
    )
    record["value"] = found.iso() if found else None
    record["precision"] = found.precision if found else None
    return record


def _aware(text: str) -> datetime:
    """Parse an ISO fetch time; a naive one is refused."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise SystemExit("fetch time needs an offset, e.g. 2025-06-10T09:30:00+00:00")
    return value
