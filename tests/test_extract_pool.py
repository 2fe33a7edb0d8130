"""Extraction in the process pool: same records as in-process, crashes recovered, no loss."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from newscrawl.crawl import run_crawl
from newscrawl.demo.server import serve_site
from newscrawl.extract_pool import CRASH_MARKER_ENV, WATCH_SECONDS
from tests.demo_site import FROZEN, SITE, expected_records

#: The demo article whose headline makes a worker exit (the test-only crash hook).
CRASH_TEXT_PATH = expected_records()[0]["path"]


def crawl(out: Path, workers: int) -> tuple[list[dict], str]:
    """Crawl the demo site with a frozen clock; return the records and the log."""
    with serve_site(SITE) as (base, _):
        result = run_crawl(
            "daily8",
            {"start_url": f"{base}/en", "also_allow": "localhost"},
            {
                "NEWSCRAWL_OUTPUT_DIR": out,
                "NEWSCRAWL_STATE_DIR": out / "state",
                "NEWSCRAWL_FETCHED_AT": FROZEN,
                "NEWSCRAWL_EXTRACT_WORKERS": workers,
                "AUTOTHROTTLE_ENABLED": False,
                "DOWNLOAD_DELAY": 0,
            },
            timeout=300,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [x for f in sorted(out.glob("daily8/*.jsonl")) for x in f.read_text().splitlines()]
    return [json.loads(x) for x in lines], result.stderr


def by_id(records: list[dict]) -> dict[str, dict]:
    """Records by article id, host and port (which one is reached first varies) masked."""
    text = re.sub(r"(127\.0\.0\.1|localhost):\d+", "HOST", json.dumps(records))
    return {r["articleId"]: r for r in json.loads(text)}


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return crawl(tmp_path_factory.mktemp("in-process"), 0)[0]


def test_pool_gives_the_same_records_as_in_process(in_process, tmp_path: Path) -> None:
    pooled, log = crawl(tmp_path, 2)
    assert len(in_process) == len(expected_records())
    assert by_id(pooled) == by_id(in_process)
    assert "extract_pool/errors" not in log


def test_crashing_worker_is_recovered_and_no_record_lost(
    in_process, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headline = next(e["headline"] for e in expected_records() if e["path"] == CRASH_TEXT_PATH)
    monkeypatch.setenv(CRASH_MARKER_ENV, headline)  # inherited by the crawl and its workers
    pooled, log = crawl(tmp_path, 2)
    assert by_id(pooled) == by_id(in_process)
    assert "'newscrawl/extract_pool/errors'" in log
    assert "'newscrawl/extract_pool/restarts'" in log
    assert "extraction worker failed" in log


OWNER_SCRIPT = """
import asyncio, sys
from newscrawl.extract_pool import ExtractionPool

async def main():
    pool = ExtractionPool(2, None, 4)
    await pool.extract("<html><body><h1>Hi</h1><p>Some text.</p></body></html>",
                       "https://example.invalid/a", "2026-01-01T00:00:00+00:00", "generic")
    print(" ".join(str(pid) for pid in pool.executor._processes), flush=True)
    await asyncio.sleep(600)

asyncio.run(main())
"""


def test_workers_exit_when_the_crawl_process_is_killed() -> None:
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER_SCRIPT], stdout=subprocess.PIPE, text=True
    )
    try:
        assert owner.stdout is not None
        workers = [psutil.Process(int(pid)) for pid in owner.stdout.readline().split()]
        assert workers, "the pool started no worker"
    finally:
        owner.kill()
        owner.wait()
    _, alive = psutil.wait_procs(workers, timeout=10 * WATCH_SECONDS)
    assert not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]
