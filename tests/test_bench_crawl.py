"""`newscrawl bench crawl` smoke run: the output format, not the timing."""

from __future__ import annotations

import re

import pytest

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
