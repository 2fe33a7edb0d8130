"""`newscrawl bench extract`: our full extraction next to plain trafilatura, pages per CPU-second.

Both run in this process on the same pages (`aeb-dev` of the shared evaluation data, read at
run time), interleaved round by round so that load from other processes hits both alike.
"Ours" is what the crawl pipelines do per page: `dated_article` (extraction and date resolution),
after the warm-up every extraction worker inherits from the forkserver. The first round is
also shown alone: there every page is new to the process, as in a crawl, so per-text caches
(date texts, dateparser translations) have not seen it yet.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import trafilatura
from w3lib.encoding import html_to_unicode

from newscrawl.page import dated_article
from newscrawl.profiles import load_profile
from newscrawl.shared_data import shared_data_dir
from newscrawl.warmup import warm_up

#: Fetch time for pages whose case records none (relative dates need one).
DEFAULT_FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page, decoded the way the crawl hands it to the pipeline (text)."""

    html: str
    url: str
    fetched_at: datetime


def load_pages(set_dir: Path, limit: int | None = None, skip: int = 0) -> list[Page]:
    """Read a case set's pages (gunzipped, decoded as the page declares), the first `skip`
    left out."""
    pages: list[Page] = []
    for line in (set_dir / "cases.jsonl").read_text(encoding="utf-8").splitlines()[skip:]:
        case = json.loads(line)
        raw = gzip.decompress((set_dir / case["html"]).read_bytes())
        when = case.get("fetched_at")
        pages.append(
            Page(
                html_to_unicode(None, raw)[1],
                case.get("url") or f"https://example.org/{case['id']}",
                datetime.fromisoformat(when) if when else DEFAULT_FETCHED_AT,
            )
        )
        if limit and len(pages) >= limit:
            break
    return pages


def ours(page: Page, profile: str = "generic") -> None:
    """What the pipelines do per page: extraction plus date resolution."""
    dated_article(page.html, page.url, page.fetched_at, load_profile(profile))


def plain(page: Page) -> None:
    """Plain trafilatura, as a naive pipeline would call it."""
    trafilatura.extract(page.html, include_comments=False)


def cpu_seconds(run: Callable[[Page], Any], pages: list[Page]) -> float:
    """CPU time of this process to run `run` over every page once."""
    start = time.process_time()
    for page in pages:
        run(page)
    return time.process_time() - start


def measure(pages: list[Page], rounds: int) -> dict[str, list[float]]:
    """Pages per CPU-second of each contender, one figure per round, order alternating."""
    contenders: list[tuple[str, Callable[[Page], Any]]] = [("ours", ours), ("trafilatura", plain)]
    warm_up()  # what every extraction worker has before its first page
    plain(pages[0])  # trafilatura's own first-call set-up
    rates: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for index in range(rounds):
        for name, run in contenders if index % 2 == 0 else contenders[::-1]:
            rates[name].append(len(pages) / cpu_seconds(run, pages))
    return rates


def report(rates: dict[str, list[float]], pages: int) -> str:
    """The figures as printed: median and best per contender, and the ratio of medians."""
    lines = [f"pages: {pages}, rounds: {len(rates['ours'])} (pages per CPU-second, one core)"]
    for name, values in rates.items():
        lines.append(f"{name:12s} median {statistics.median(values):7.1f}  best {max(values):7.1f}")
    ratio = statistics.median(rates["ours"]) / statistics.median(rates["trafilatura"])
    lines.append(f"ratio ours/trafilatura: {ratio:.2f}")
    first = rates["ours"][0] / rates["trafilatura"][0]
    lines.append(
        f"first round, every page new: ours {rates['ours'][0]:.1f}, trafilatura "
        f"{rates['trafilatura'][0]:.1f}, ratio {first:.2f}"
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Entry point of `newscrawl bench extract`."""
    data = shared_data_dir()
    if data is None:
        print("no shared evaluation data (set NEWSCRAWL_SHARED_DATA)")
        return 2
    pages = load_pages(data / args.set, args.limit, args.skip)
    print(report(measure(pages, args.rounds), len(pages)))
    return 0


def register(subparsers: Any) -> None:
    """Add `bench extract`."""
    parser = subparsers.add_parser("extract", help=__doc__.splitlines()[0])
    parser.add_argument("--set", default="aeb-dev", help="case set under the shared data")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N pages")
    parser.set_defaults(func=run)
