"""Headline, date and authors figures of our extraction on the shared page sets.

Run: `NEWSCRAWL_SHARED_DATA=… python -m newscrawl.evaluation.meta [--sets …] [--dump f.jsonl]`.
Headline and date use the definitions of `bench quality` (data README). The authors figures are
ours: `authors` = the predicted list equals the expected one after the headline normalisation of
each name (order kept; `[]` expected means "no author" and is matched by an empty prediction);
`authors-words` = the same sequence of case-folded words without "and"/"&"/commas, because the
sources keep "A, B and C" as one string that we split into three names.
`--skip-body` replaces body extraction by an empty text (metadata does not read the body),
which makes a run several times faster; figures of the other fields are unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newscrawl.evaluation import metrics as m
from newscrawl.evaluation.cases import read_cases
from newscrawl.shared_data import shared_data_dir

DEFAULT_SETS = ("wcxb-dev", "aggregators-dev")


_JOINERS = frozenset({"and", "und", "et", "y", "e"})


def authors_match(predicted: list[str] | None, expected: list[str]) -> bool:
    """Same names in the same order, each compared like a headline."""
    names = [m.normalise_title(n) for n in predicted or []]
    return names == [m.normalise_title(n) for n in expected]


def author_words(names: list[str] | None) -> list[str]:
    """Case-folded words of all names in order, without joiners ("A, B and C" = ["A","B","C"])."""
    words = m.tokens(" ".join(names or []).casefold())
    return [w for w in words if w not in _JOINERS]


def authors_words_match(predicted: list[str] | None, expected: list[str]) -> bool:
    """The names' words agree (a list split unlike the source's one string still counts)."""
    return author_words(predicted) == author_words(expected)


def predict(case: dict[str, Any], skip_body: bool) -> dict[str, Any]:
    """Our extraction and date stage on one case (generic profile, as the bench runs it)."""
    import newscrawl.extract as extract
    from newscrawl.profiles import load_profile
    from newscrawl.records import resolve_article_dates

    if skip_body:
        extract.extract_text = lambda root, url, counted=None: ""
    profile = load_profile("generic")
    fetched = datetime.fromisoformat(case["fetched_at"]) if case.get("fetched_at") else None
    url = case.get("url") or f"https://example.invalid/{case['id']}"
    article = extract.extract_article(
        case["html_bytes"], url, fetched or datetime.now(UTC), profile
    )
    resolve_article_dates(article, profile, fetch_known=fetched is not None)
    return {
        "id": case["id"],
        "headline": article.headline,
        "date": article.datePublished,
        "basis": article.datePublishedBasis,
        "authors": article.authors,
        "publisher": article.publisher,
    }


def _predict_skip(case: dict[str, Any]) -> dict[str, Any]:
    return predict(case, True)


def _predict_full(case: dict[str, Any]) -> dict[str, Any]:
    return predict(case, False)


def score(cases: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Headline exact, date day accuracy and authors exact, each with its case count."""
    figures: dict[str, Any] = {}
    checks = (
        ("headline", "headline", lambda p, e: m.headline_matches(p["headline"], e)),
        ("date", "datePublished", lambda p, e: m.date_matches(p["date"], e)),
        ("authors", "authors", lambda p, e: authors_match(p["authors"], e)),
        ("authors-words", "authors", lambda p, e: authors_words_match(p["authors"], e)),
    )
    for name, key, check in checks:
        members = [
            c for c in cases if c["expected"].get(key) is not None and c["expected"][key] != ""
        ]
        hits = sum(bool(check(preds[c["id"]], c["expected"][key])) for c in members)
        figures[name] = (hits / len(members) if members else None, len(members))
    return figures


def groups(set_name: str, cases: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The set, plus its articles for WCXB (as `bench quality` reports them)."""
    named = {set_name: cases}
    if set_name == "wcxb-dev":
        named["wcxb-dev/articles"] = [c for c in cases if c.get("page_type") == "article"]
    return named


def main(argv: list[str] | None = None) -> int:
    """Print the figures per set; optionally dump per-case predictions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-body", action="store_true")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)
    data = args.data or shared_data_dir()
    if data is None:
        print("no shared data (set NEWSCRAWL_SHARED_DATA or --data)", file=sys.stderr)
        return 2
    worker = _predict_skip if args.skip_body else _predict_full
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for set_name in args.sets.split(","):
        cases = list(read_cases(data / set_name, args.limit))
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            preds = {p["id"]: p for p in pool.map(worker, cases, chunksize=4)}
        for group, members in groups(set_name, cases).items():
            figures = score(members, preds)
            cells = [
                f"{name} {value:.3f} of {count}" if value is not None else f"{name} – of 0"
                for name, (value, count) in figures.items()
            ]
            print(f"{group:20} " + " | ".join(cells))
        for case in cases if dump else ():
            expected = {
                k: case["expected"].get(k) for k in ("headline", "datePublished", "authors")
            }
            row = {
                "set": set_name,
                **preds[case["id"]],
                "expected": expected,
                "page_type": case.get("page_type"),
            }
            dump.write(json.dumps(row, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
