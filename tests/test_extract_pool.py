"""Extraction in the process pool: same records as in-process, crashes recovered, no loss."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from newscrawl.crawl import run_crawl
from newscrawl.demo.server import serve_site
from newscrawl.extract_pool import CRASH_MARKER_ENV, STALL_MARKER_ENV, WATCH_SECONDS
from tests.demo_site import FROZEN, SITE, expected_records

#: The demo article whose headline makes a worker exit (the test-only crash hook).
CRASH_TEXT_PATH = expected_records()[0]["path"]


def crawl(out: Path, workers: int, **settings: object) -> tuple[list[dict], str]:
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
                **settings,
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


STALL_SCRIPT = """
import asyncio, json, time
from newscrawl.extract_pool import ExtractionPool, PoolStalled

PAGE = "<html><body><h1>{}</h1><p>Some text.</p></body></html>"
ARGS = ("https://example.invalid/a", "2026-01-01T00:00:00+00:00", "generic")

async def main():
    pool = ExtractionPool(1, None, 4, timeout=1.0)
    started = time.monotonic()
    try:
        await pool.extract(PAGE.format("stall here"), *ARGS)
        outcome = "answered"
    except PoolStalled:
        outcome = "stalled"
    waited = time.monotonic() - started
    stalled_pids = [p.pid for p in pool.executor._processes.values()]
    replaced = pool.restart(pool.executor)
    article = await pool.extract(PAGE.format("Hi"), *ARGS)
    pool.close()
    print(json.dumps({"outcome": outcome, "waited": waited, "pids": stalled_pids,
                      "replaced": replaced, "headline": article.headline}), flush=True)

asyncio.run(main())
"""


def test_a_stalled_worker_raises_after_the_timeout_and_is_stopped_on_restart() -> None:
    env = {**os.environ, STALL_MARKER_ENV: "stall here"}
    result = subprocess.run(
        [sys.executable, "-c", STALL_SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["outcome"] == "stalled" and 1.0 <= report["waited"] < 30
    assert report["replaced"] and report["headline"] == "Hi"
    assert report["pids"] and not any(psutil.pid_exists(pid) for pid in report["pids"])


def test_a_page_that_stalls_its_worker_is_dropped_and_the_crawl_goes_on(
    in_process, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headline = next(e["headline"] for e in expected_records() if e["path"] == CRASH_TEXT_PATH)
    # The page's own <title>: related cards on other pages repeat the headline itself.
    monkeypatch.setenv(STALL_MARKER_ENV, f"<title>{headline}")  # inherited by the workers
    pooled, log = crawl(tmp_path, 2, NEWSCRAWL_EXTRACT_TIMEOUT=3)
    stalled = CRASH_TEXT_PATH.rsplit("/", 1)[1]
    expected = {k: v for k, v in by_id(in_process).items() if not k.endswith(stalled)}
    assert by_id(pooled) == expected
    assert "'newscrawl/extract_pool/stalls': 2" in log
    assert "'newscrawl/dropped/extraction_error': 1" in log
    assert "extraction stalled on" in log


RECYCLE_SCRIPT = """
import asyncio, json
from newscrawl.extract_pool import ExtractionPool, worker_processes

PAGE = "<html><body><h1>Page {}</h1><p>Some text.</p></body></html>"
ARGS = ("https://example.invalid/a", "2026-01-01T00:00:00+00:00", "generic")

async def main():
    pool = ExtractionPool(1, 2, 8, timeout=20.0)
    pids = set()
    async def one(n):
        article = await pool.extract(PAGE.format(n), *ARGS)
        pids.update(p.pid for p in worker_processes(pool.start()))
        return article.headline
    headlines = await asyncio.gather(*(one(n) for n in range(20)))
    pool.close()
    print(json.dumps({"headlines": headlines, "recycles": pool.recycles, "pids": sorted(pids)}))

asyncio.run(main())
"""


def test_the_pool_is_recycled_after_its_quota_with_pages_queued() -> None:
    # With max_tasks_per_child, CPython 3.11-3.14 stops scheduling here (python/cpython#115634).
    result = subprocess.run(
        [sys.executable, "-c", RECYCLE_SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["headlines"] == [f"Page {n}" for n in range(20)]
    assert report["recycles"] == 10
    assert report["pids"]  # which workers are seen between pages depends on timing
    assert not any(psutil.pid_exists(pid) for pid in report["pids"])


RETIRED_STALL_SCRIPT = """
import asyncio, json
from newscrawl.extract_pool import ExtractionPool, PoolStalled

PAGE = "<html><body><h1>{}</h1><p>Some text.</p></body></html>"
ARGS = ("https://example.invalid/a", "2026-01-01T00:00:00+00:00", "generic")

async def main():
    pool = ExtractionPool(1, 1, 4, timeout=1.0)  # retired after every page
    try:
        await pool.extract(PAGE.format("stall here"), *ARGS)
        outcome, broken = "answered", None
    except PoolStalled as exc:
        outcome, broken = "stalled", exc.executor
    retired = [r for r in pool._retired if r.executor is broken]
    pids = [p.pid for r in retired for p in r.processes]
    replaced = pool.restart(broken)
    article = await pool.extract(PAGE.format("Hi"), *ARGS)
    pool.close()
    print(json.dumps({"outcome": outcome, "retired": len(retired), "pids": pids,
                      "replaced": replaced, "headline": article.headline}), flush=True)

asyncio.run(main())
"""


def test_a_stalled_worker_of_a_retired_pool_is_stopped_on_restart() -> None:
    env = {**os.environ, STALL_MARKER_ENV: "stall here"}
    result = subprocess.run(
        [sys.executable, "-c", RETIRED_STALL_SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["outcome"] == "stalled" and report["retired"] == 1
    assert report["replaced"] and report["headline"] == "Hi"
    assert report["pids"] and not any(psutil.pid_exists(pid) for pid in report["pids"])
