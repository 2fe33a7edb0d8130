"""`newscrawl extract`: records from saved HTML files or a manifest, no crawl."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newscrawl.extract import extract_article
from newscrawl.profiles import available_profiles, load_profile
from newscrawl.records import resolve_article_dates, to_record


def register(subparsers: Any) -> None:
    """Add the `extract` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract", help="extract records from saved HTML (plain or .gz) or a JSONL manifest"
    )
    parser.add_argument("files", nargs="*", type=Path, help="HTML files")
    parser.add_argument("--url", help="URL of the page(s) given as files")
    parser.add_argument("--fetched-at", help="ISO time the page was fetched (default: now)")
    parser.add_argument("--manifest", type=Path, help="JSONL: id, html (relative), url, fetched_at")
    parser.add_argument("--profile", default="generic", choices=available_profiles())
    parser.add_argument("-o", "--output", type=Path, help="write JSONL here (default: stdout)")
    parser.set_defaults(func=run)


def read_html(path: Path) -> bytes:
    """Bytes of a page file, gunzipped when it ends in .gz."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def parse_time(text: str | None) -> datetime:
    """An aware datetime from ISO text (UTC assumed when naive); now when missing."""
    if not text:
        return datetime.now(UTC)
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def inputs(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """Pages to extract: manifest lines, then files given on the command line."""
    if args.manifest:
        folder = args.manifest.parent
        with args.manifest.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    case = json.loads(line)
                    yield {**case, "path": folder / case["html"]}
    for path in args.files:
        yield {"id": path.name, "path": path, "url": args.url, "fetched_at": args.fetched_at}


def extract_one(page: dict[str, Any], profile_name: str) -> dict[str, Any]:
    """The crawl's record for one saved page, plus its id and is_article."""
    profile = load_profile(profile_name)
    url = page.get("url") or Path(page["path"]).resolve().as_uri()
    article = extract_article(
        read_html(Path(page["path"])), url, parse_time(page.get("fetched_at")), profile
    )
    resolve_article_dates(article, profile)
    return {"id": page.get("id"), "is_article": article.is_article, **to_record(article)}


def run(args: argparse.Namespace) -> int:
    """Extract every input and write one JSON line each."""
    out: TextIO = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for page in inputs(args):
            record = extract_one(page, args.profile)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    return 0
