"""`newscrawl bench extract`'s report: medians, their ratio, and the first round alone."""

from __future__ import annotations

from newscrawl.bench.extract import report


def test_report_shows_the_median_ratio_and_the_first_round_apart() -> None:
    rates = {"ours": [10.0, 30.0, 32.0], "trafilatura": [40.0, 40.0, 60.0]}
    lines = report(rates, 88).splitlines()
    assert lines[0] == "pages: 88, rounds: 3 (pages per CPU-second, one core)"
    assert lines[-2] == "ratio ours/trafilatura: 0.75"
    assert lines[-1] == "first round, every page new: ours 10.0, trafilatura 40.0, ratio 0.25"
