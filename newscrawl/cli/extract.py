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

from newscrawl.page import dated_article
from newscrawl.profiles import available_profiles, load_profile
from newscrawl.records import to_record


def register(subparsers: Any) -> None:
    """Add the `extract` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract", help="extract records from saved HTML (plain or .gz) or a JSONL manifest"
    )
    parser.add_argument("files", nargs="*", type=Path, help="HTML files (plain or .gz)")
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


def parse_time(text: str | None) -> datetime | None:
    """An aware datetime from ISO text (UTC assumed when naive); None when missing (the page
    then counts as fetched now, and relative dates stay unresolved: `dated_article`)."""
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def manifest_pages(manifest: Path) -> Iterator[dict[str, Any]]:
    """Pages listed in a JSONL manifest (paths relative to the manifest's folder)."""
    folder = manifest.parent
    with manifest.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
                yield {**case, "path": folder / case["html"]}
            except (ValueError, KeyError, TypeError) as exc:
                yield {"id": f"{manifest.name}:{number}", "error": f"bad manifest line: {exc!r}"}


def inputs(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """Pages to extract: manifest lines, then files given on the command line."""
    if args.manifest:
        yield from manifest_pages(args.manifest)
    for path in args.files:
        yield {"id": path.name, "path": path, "url": args.url, "fetched_at": args.fetched_at}


def count_inputs(args: argparse.Namespace) -> int | None:
    """How many pages there are (for the progress bar), or None when unknown."""
    total = len(args.files)
    if args.manifest:
        try:
            with args.manifest.open(encoding="utf-8") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            return None
    return total


def extract_one(page: dict[str, Any], profile_name: str) -> dict[str, Any]:
    """The crawl's record for one saved page, plus its id and is_article (no body otherwise)."""
    profile = load_profile(profile_name)
    url = page.get("url") or Path(page["path"]).resolve().as_uri()
    article = dated_article(
        read_html(Path(page["path"])), url, parse_time(page.get("fetched_at")), profile
    )
    record = {"id": page.get("id"), "is_article": article.is_article, **to_record(article)}
    if not article.is_article:
        record["articleBody"] = None
    return record


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.enabled = stream.isatty()
        self.done = 0

    def step(self, failed: int) -> None:
        """Count one page and redraw."""
        self.done += 1
        if not self.enabled:
            return
        if self.total:
            filled = int(self.WIDTH * self.done / self.total)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = f"\r[{bar}] {self.done}/{self.total}"
        else:
            line = f"\r{self.done} pages"
        self.stream.write(line + (f" ({failed} failed)" if failed else ""))
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.done:
            self.stream.write("\n")


def run(args: argparse.Namespace) -> int:
    """Extract every input and write one JSON line each; non-zero exit when any page failed."""
    if not args.files and not args.manifest:
        print("newscrawl extract: give HTML files or --manifest FILE", file=sys.stderr)
        return 2
    try:
        parse_time(args.fetched_at)
    except ValueError:
        print(f"newscrawl extract: bad --fetched-at {args.fetched_at!r}", file=sys.stderr)
        return 2
    out: TextIO = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    progress = Progress(count_inputs(args), sys.stderr)
    failed = written = 0
    try:
        for page in inputs(args):
            try:
                if "error" in page:
                    raise ValueError(page["error"])
                record = extract_one(page, args.profile)
            except (OSError, ValueError, EOFError, KeyError, TypeError) as exc:
                failed += 1
                progress.close()
                print(f"newscrawl extract: {page.get('id')}: {exc}", file=sys.stderr)
            else:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
            progress.step(failed)
    finally:
        progress.close()
        if args.output:
            out.close()
    print(f"newscrawl extract: {written} records, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
