"""`newscrawl bench crawl` smoke run: the output format, not the timing."""

from __future__ import annotations

import re

import pytest

from newscrawl.bench.crawl import MB, RunResult, Sample, speedup_lines
from newscrawl.cli import main
from newscrawl.demo.synth import synth_content, synth_pages


def test_synthetic_site_has_distinct_articles_with_related_links() -> None:
    articles = synth_content(40)["articles"]
    assert len({a["id"] for a in articles}) == 40
    assert len({tuple(a["paragraphs"]) for a in articles}) == 40
    ids = {a["id"] for a in articles}
    assert all(set(a["related"]) <= ids - {a["id"]} for a in articles)
    pages = synth_pages(40)
    assert sum("/article/" in p for p in pages) == 40
    assert "/en/page/2" in pages


def test_bench_crawl_prints_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "crawl", "--pages", "50", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    rows = {x.split()[0]: x.split()[1:] for x in out.splitlines() if re.match(r"\w+ +\d", x)}
    for run in ("baseline", "newscrawl"):
        records, *figures = rows[run]
        assert int(records) == 50
        assert len(figures) == 7 and all(re.fullmatch(r"\d+(\.\d+)?", f) for f in figures)
    assert re.search(r"^speed-up newscrawl/baseline: \d+\.\d\dx$", out, re.M)
    assert re.search(r"^newscrawl RSS growth 10%->100%: [+-]\d+ MB$", out, re.M)


def fake_run(label: str, pages_per_second: float) -> RunResult:
    """A measured run with only its speed and a flat memory trace."""
    samples = [Sample(0.1, 10, 100 * MB), Sample(1.0, 100, 110 * MB)]
    return RunResult(label, records=100, seconds=100 / pages_per_second, samples=samples)


def test_speed_up_is_the_median_of_adjacent_pairs() -> None:
    runs = [
        fake_run("baseline", 80),
        fake_run("newscrawl", 120),  # 1.50x
        fake_run("newscrawl", 140),
        fake_run("baseline", 70),  # 2.00x
        fake_run("baseline", 90),
        fake_run("newscrawl", 153),  # 1.70x
    ]
    speed, growth = speedup_lines(runs, 100)
    assert speed == "speed-up newscrawl/baseline: 1.70x (median of 3 rounds: 1.50x 2.00x 1.70x)"
    assert growth == "newscrawl RSS growth 10%->100%: +10 MB"


def test_no_speed_up_without_a_baseline() -> None:
    lines = speedup_lines([fake_run("newscrawl", 100)], 100)
    assert lines == ["newscrawl RSS growth 10%->100%: +10 MB"]
