"""`newscrawl bench quality`: our extraction vs plain trafilatura on ../shared/data page sets."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from newscrawl.evaluation import metrics as m
from newscrawl.evaluation.cases import PAGE_SETS, read_cases
from newscrawl.shared_data import REPO_ROOT, shared_data_dir

BASELINE_FILE = REPO_ROOT / "benchmarks" / "quality-baseline.json"
TOLERANCE = 0.005
#: Figures where lower is better (a rise is a regression).
LOWER_IS_BETTER = ("without_leaked", "non_articles_emitted")


@dataclass
class Prediction:
    """What one extractor said about one page, and how long it took."""

    body: str | None
    headline: str | None
    date: str | None
    is_article: bool
    seconds: float
    authors: list[str] = field(default_factory=list)


def predict_ours(case: dict[str, Any]) -> Prediction:
    """Our full extraction (generic profile) + date resolution, as the crawl does it."""
    from newscrawl.page import dated_article
    from newscrawl.profiles import load_profile

    start = time.perf_counter()
    fetched = datetime.fromisoformat(case["fetched_at"]) if case.get("fetched_at") else None
    profile = load_profile("generic")
    url = case.get("url") or f"https://example.invalid/{case['id']}"
    article = dated_article(case["html_bytes"], url, fetched, profile)
    seconds = time.perf_counter() - start
    return Prediction(
        article.articleBody,
        article.headline,
        article.datePublished,
        article.is_article,
        seconds,
        list(article.authors),
    )


def predict_trafilatura(case: dict[str, Any]) -> Prediction:
    """Plain trafilatura 2.3 with include_comments=False, metadata on, no URL passed."""
    import trafilatura

    start = time.perf_counter()
    doc = trafilatura.bare_extraction(
        case["html_bytes"], include_comments=False, with_metadata=True
    )
    seconds = time.perf_counter() - start
    if doc is None:
        return Prediction(None, None, None, False, seconds)
    data = doc if isinstance(doc, dict) else doc.as_dict()
    is_article = data.get("pagetype") in (None, "article")
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    text, title, date = data.get("text"), data.get("title"), data.get("date")
    return Prediction(text, title, date, is_article, seconds, authors)


EXTRACTORS: dict[str, Callable[[dict[str, Any]], Prediction]] = {
    "newscrawl": predict_ours,
    "trafilatura": predict_trafilatura,
}


def predict_both(case: dict[str, Any], names: tuple[str, ...] = tuple(EXTRACTORS)) -> dict:
    """The extractors on one case (in one worker process, so timings are comparable)."""
    out: dict[str, Any] = {"id": case["id"]}
    for name in names:
        extractor = EXTRACTORS[name]
        try:
            out[name] = asdict(extractor(case))
        except Exception as exc:  # a crash scores as an empty prediction
            out[name] = asdict(Prediction(None, None, None, False, 0.0))
            out[name]["error"] = repr(exc)
    return out


def score(cases: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every metric of the data README for one extractor over one group of cases."""
    body = [
        (c["expected"]["articleBody"], preds[c["id"]]["body"])
        for c in cases
        if c["expected"].get("articleBody")
    ]
    aeb, bow = m.aeb_summary(body), m.bow_summary(body)
    with_cases = [c for c in cases if c["expected"].get("with")]
    without_cases = [c for c in cases if c["expected"].get("without")]
    titles = [c for c in cases if c["expected"].get("headline")]
    dates = [c for c in cases if c["expected"].get("datePublished")]
    bylines = [c for c in cases if c["expected"].get("authors") is not None]
    others = [c for c in cases if c.get("page_type") not in (None, "article")]
    seconds = sum(preds[c["id"]]["seconds"] for c in cases) or 1e-9

    def mean(values: list[float]) -> float | None:
        return sum(values) / len(values) if values else None

    return {
        "aeb_p": aeb.precision,
        "aeb_r": aeb.recall,
        "aeb_f1": aeb.f1,
        "aeb_acc": aeb.accuracy,
        "bow_p": bow.precision,
        "bow_r": bow.recall,
        "bow_f1": bow.f1,
        "body_cases": aeb.cases,
        "with_found": mean(
            [
                m.snippet_found(c["expected"]["with"], preds[c["id"]]["body"])
                / len(c["expected"]["with"])
                for c in with_cases
            ]
        ),
        "with_cases": len(with_cases),
        "without_leaked": mean(
            [
                m.snippet_found(c["expected"]["without"], preds[c["id"]]["body"])
                / len(c["expected"]["without"])
                for c in without_cases
            ]
        ),
        "without_cases": len(without_cases),
        "headline_exact": mean(
            [
                float(m.headline_matches(preds[c["id"]]["headline"], c["expected"]["headline"]))
                for c in titles
            ]
        ),
        "headline_cases": len(titles),
        "date_accuracy": mean(
            [
                float(m.date_matches(preds[c["id"]]["date"], c["expected"]["datePublished"]))
                for c in dates
            ]
        ),
        "date_cases": len(dates),
        "authors_match": mean(
            [
                float(m.authors_match(preds[c["id"]].get("authors"), c["expected"]["authors"]))
                for c in bylines
            ]
        ),
        "authors_cases": len(bylines),
        "non_articles_emitted": mean([float(preds[c["id"]]["is_article"]) for c in others]),
        "non_article_cases": len(others),
        "pages_per_s": len(cases) / seconds,
    }


def groups(set_name: str, cases: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Report groups of a set: the whole set, plus its articles for WCXB."""
    named = {set_name: cases}
    if set_name == "wcxb-dev":
        named["wcxb-dev/articles"] = [c for c in cases if c.get("page_type") == "article"]
    return named


def _warm_worker() -> None:
    """Start each worker as the crawl's extraction workers start: warmed up, and with
    trafilatura's own first-call set-up done (so neither side's timing holds one-off costs)."""
    import trafilatura

    from newscrawl.warmup import warm_up

    warm_up()
    trafilatura.extract("<html><body><p>Warm-up.</p></body></html>")


def run_set(
    set_dir: Path, workers: int, limit: int | None, names: tuple[str, ...] = tuple(EXTRACTORS)
) -> tuple[dict[str, Any], list]:
    """Predict and score one page set: figures per group and extractor, plus per-case rows."""
    cases = list(read_cases(set_dir, limit))
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
        rows = list(pool.map(partial(predict_both, names=names), cases, chunksize=4))
    results: dict[str, Any] = {}
    for group, members in groups(set_dir.name, cases).items():
        results[group] = {name: score(members, {r["id"]: r[name] for r in rows}) for name in names}
    return results, rows


FIGURES = (
    ("aeb_f1", "AEB F1"),
    ("aeb_p", "AEB P"),
    ("aeb_r", "AEB R"),
    ("aeb_acc", "AEB acc"),
    ("bow_f1", "BoW F1"),
    ("bow_p", "BoW P"),
    ("bow_r", "BoW R"),
    ("with_found", "with found"),
    ("without_leaked", "without leaked"),
    ("headline_exact", "headline exact"),
    ("date_accuracy", "date day acc"),
    ("authors_match", "authors match"),
    ("non_articles_emitted", "non-articles as articles"),
    ("pages_per_s", "pages/s per core"),
)


def render(results: dict[str, Any]) -> str:
    """A readable table: one block per group, ours next to trafilatura."""
    lines = []
    for group, by_name in results.items():
        ours = by_name["newscrawl"]
        base = by_name.get("trafilatura") or dict.fromkeys(ours)
        lines.append(
            f"\n## {group}  (body cases {ours['body_cases']}, with {ours['with_cases']}, "
            f"without {ours['without_cases']}, headlines {ours['headline_cases']}, "
            f"dates {ours['date_cases']}, authors {ours['authors_cases']}, "
            f"non-articles {ours['non_article_cases']})"
        )
        lines.append(f"{'figure':28} {'newscrawl':>10} {'trafilatura':>12}")
        for key, label in FIGURES:
            a, b = ours.get(key), base.get(key)
            if a is None and b is None:
                continue
            lines.append(f"{label:28} {fmt(a):>10} {fmt(b):>12}")
        if base["pages_per_s"]:
            ratio = ours["pages_per_s"] / base["pages_per_s"]
            lines.append(f"{'speed ratio (ours/plain)':28} {ratio:>10.2f}")
    return "\n".join(lines)


def fmt(value: float | None) -> str:
    """Three decimals, or a dash."""
    return "–" if value is None else f"{value:.3f}"


def regressions(results: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Figures of ours that fell more than TOLERANCE behind the committed baseline."""
    found = []
    for group, figures in baseline.items():
        current = results.get(group, {}).get("newscrawl")
        if current is None:
            continue
        for key, old in figures.items():
            new = current.get(key)
            if old is None or new is None or key == "pages_per_s":
                continue
            worse = new - old > TOLERANCE if key in LOWER_IS_BETTER else old - new > TOLERANCE
            if worse:
                found.append(f"{group} {key}: {new:.4f} vs baseline {old:.4f}")
    return found


def register(subparsers: Any) -> None:
    """Add `bench quality`."""
    parser: argparse.ArgumentParser = subparsers.add_parser("quality", help=__doc__)
    parser.add_argument("--data", type=Path, help="shared data folder (default: ../shared/data)")
    parser.add_argument("--sets", default=",".join(PAGE_SETS), help="comma-separated page sets")
    parser.add_argument("--limit", type=int, help="first N cases of each set (quick runs)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write all figures here")
    parser.add_argument("--dump", type=Path, help="write per-case predictions here (JSONL)")
    parser.add_argument("--check", action="store_true", help="fail on regressions vs baseline")
    parser.add_argument("--write-baseline", action="store_true", help="store ours as baseline")
    parser.add_argument(
        "--ours-only", action="store_true", help="skip plain trafilatura (faster --check)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark, print the table, optionally check or write the baseline."""
    data = args.data or shared_data_dir()
    if data is None:
        print("no ../shared/data beside this checkout (use --data)", file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name in args.sets.split(","):
        names = ("newscrawl",) if args.ours_only else tuple(EXTRACTORS)
        set_results, rows = run_set(data / name, args.workers, args.limit, names)
        results.update(set_results)
        for row in rows if dump else ():
            dump.write(json.dumps({"set": name, **row}, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
    if dump:
        dump.close()
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    ours = {group: by_name["newscrawl"] for group, by_name in results.items()}
    if args.write_baseline:
        BASELINE_FILE.parent.mkdir(exist_ok=True)
        BASELINE_FILE.write_text(json.dumps(ours, indent=2, sort_keys=True) + "\n", "utf-8")
    if args.check:
        failed = regressions(results, json.loads(BASELINE_FILE.read_text("utf-8")))
        print("\n".join(["", "REGRESSIONS:", *failed]) if failed else "\nno regression vs baseline")
        return 1 if failed else 0
    return 0
