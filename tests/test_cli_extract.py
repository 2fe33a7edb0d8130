"""`newscrawl extract`: files and manifests in, JSONL records out, bad inputs counted."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newscrawl.cli import main
from newscrawl.cli.extract import Progress
from newscrawl.records import RECORD_FIELDS

ARTICLE = (
    "<html><head><title>Quiet harbour reopens</title></head><body><article>"
    "<h1>Quiet harbour reopens</h1>"
    + "<p>"
    + "The small harbour reopened to fishing boats on Monday after repairs. " * 6
    + "</p>"
    + "<p>"
    + "Local crews rebuilt the old stone wall over the winter months. " * 6
    + "</p>"
    + "</article></body></html>"
)
LISTING = (
    "<html><head><title>Latest</title></head><body><main>"
    + "".join(
        f'<div class="card"><a href="/story/{i}"><h3>Story number {i} about the harbour</h3></a>'
        f"<p>A short summary of story {i} that tells the reader what happened there today.</p>"
        "</div>"
        for i in range(6)
    )
    + "</main></body></html>"
)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    """Run `newscrawl extract` and return exit code, records and stderr."""
    code = main(["extract", *args])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return code, records, captured.err


def test_plain_and_gzipped_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "a.html"
    plain.write_text(ARTICLE, encoding="utf-8")
    packed = tmp_path / "b.html.gz"
    packed.write_bytes(gzip.compress(ARTICLE.encode()))
    code, records, _ = run_cli(
        [str(plain), str(packed), "--url", "https://news.example/a", "--fetched-at", "2026-01-02"],
        capsys,
    )
    assert code == 0
    assert [r["id"] for r in records] == ["a.html", "b.html.gz"]
    for record in records:
        assert list(record)[2:] == list(RECORD_FIELDS)
        assert record["is_article"] is True
        assert record["headline"] == "Quiet harbour reopens"
        assert "stone wall" in record["articleBody"]
        assert record["dateDownloaded"] == "2026-01-02T00:00:00+00:00"


def test_manifest_and_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "l.html.gz").write_bytes(gzip.compress(LISTING.encode()))
    (tmp_path / "html" / "a.html").write_text(ARTICLE, encoding="utf-8")
    manifest = tmp_path / "cases.jsonl"
    rows = [
        {"id": "l", "html": "html/l.html.gz", "url": "https://news.example/latest"},
        {"id": "a", "html": "html/a.html", "url": "https://news.example/a", "fetched_at": None},
    ]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli(["--manifest", str(manifest), "-o", str(out)], capsys)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and "2 records, 0 failed" in err
    assert [(r["id"], r["is_article"]) for r in records] == [("l", False), ("a", True)]
    assert records[0]["articleBody"] is None


def test_bad_inputs_are_reported_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.html"
    good.write_text(ARTICLE, encoding="utf-8")
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"not gzip at all")
    missing = tmp_path / "missing.html"
    code, records, err = run_cli([str(broken), str(missing), str(good)], capsys)
    assert code == 1
    assert [r["id"] for r in records] == ["good.html"]
    assert "broken.html.gz" in err and "missing.html" in err
    assert "1 records, 2 failed" in err


def test_bad_manifest_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "cases.jsonl"
    manifest.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    code, records, err = run_cli(["--manifest", str(manifest)], capsys)
    assert code == 1 and records == []
    assert "cases.jsonl:1" in err and "cases.jsonl:2" in err


def test_no_input_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 2
    assert "--manifest" in capsys.readouterr().err


class FakeTTY(io.StringIO):
    """A text stream that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    bar = Progress(2, quiet)
    bar.step(0)
    bar.close()
    assert quiet.getvalue() == ""
    tty = FakeTTY()
    bar = Progress(2, tty)
    bar.step(0)
    bar.step(1)
    bar.close()
    assert "2/2" in tty.getvalue() and "(1 failed)" in tty.getvalue()
    assert tty.getvalue().endswith("\n")
