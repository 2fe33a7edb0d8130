"""Date misses of one page set: per missed case the expected day, ours, and every candidate.

Run: `NEWSCRAWL_SHARED_DATA=… python -m newscrawl.evaluation.datemisses [--sets wcxb-dev]`.
Each miss prints its id, the expected and chosen day, the chosen raw text and basis, then
every resolved candidate (basis, day, raw) — the evidence docs/dates-choice.md sorts misses by.
Bodies are not extracted (dates do not read them), as `meta --skip-body` does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from newscrawl import datechoice
from newscrawl.evaluation.cases import read_cases
from newscrawl.evaluation.metrics import date_matches
from newscrawl.shared_data import shared_data_dir


def case_lines(case: dict[str, Any]) -> Iterator[str]:
    """The lines printed for one case when our date misses its expected one."""
    import newscrawl.extract as extract
    from newscrawl.profiles import load_profile
    from newscrawl.records import resolve_article_dates

    extract.extract_text = lambda root, url, counted=None: ""
    profile = load_profile("generic")
    fetched = datetime.fromisoformat(case["fetched_at"]) if case.get("fetched_at") else None
    url = case.get("url") or f"https://example.invalid/{case['id']}"
    article = extract.extract_article(case["html_bytes"], url, fetched or datetime.now(UTC))
    candidates = list(article.date_candidates)
    resolve_article_dates(article, profile, fetch_known=fetched is not None)
    expected = case["expected"]["datePublished"]
    if date_matches(article.datePublished, expected):
        return
    yield (
        f"{case['id']} expected {expected} ours {(article.datePublished or '-')[:10]} "
        f"{article.datePublishedBasis} {article.datePublishedRaw!r} {url[:90]}"
    )
    languages = list(profile.languages) or ([article.inLanguage] if article.inLanguage else None)
    found = datechoice.resolve_all(
        candidates,
        datetime.fromisoformat(article.dateDownloaded),
        languages=languages,
        timezone=profile.timezone,
        date_order=profile.date_order or article.date_order,
    )
    for item in datechoice.place_yearless(found):
        yield f"    {item.candidate.basis:16} {item.day}  {item.candidate.raw[:70]}"


def main(argv: list[str] | None = None) -> int:
    """Print the misses of each set (WCXB: articles only, as `bench quality` scores them)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="wcxb-dev")
    args = parser.parse_args(argv)
    data = shared_data_dir()
    if data is None:
        print("no shared data (set NEWSCRAWL_SHARED_DATA)", file=sys.stderr)
        return 2
    for set_name in args.sets.split(","):
        for case in read_cases(data / set_name):
            if not case["expected"].get("datePublished"):
                continue
            if set_name == "wcxb-dev" and case.get("page_type") != "article":
                continue
            for line in case_lines(case):
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
