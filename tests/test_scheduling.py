"""The cron / systemd-timer recipe: the flock wrapper never lets two runs overlap."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.crawl import REPO_ROOT, crawl_env
from newscrawl.demo.server import serve_site
from tests.demo_site import SITE, expected_records
from tests.incremental_crawl import read_lines, run_files, wait_for_line

DEPLOY = REPO_ROOT / "deploy"
WRAPPER = DEPLOY / "newscrawl-crawl.sh"


def wrapper_env(tmp: Path) -> dict[str, str]:
    """Environment of a wrapper run against tmp state and output folders."""
    return crawl_env() | {
        "NEWSCRAWL_HOME": str(REPO_ROOT),
        "NEWSCRAWL_PYTHON": sys.executable,
        "NEWSCRAWL_STATE_DIR": str(tmp / "state"),
        "NEWSCRAWL_OUTPUT_DIR": str(tmp / "output"),
    }


def wrapper_argv(base: str, *settings: str) -> list[str]:
    """argv of the wrapper crawling the served demo site."""
    argv = [str(WRAPPER), "daily8", "-a", f"start_url={base}/en", "-a", "also_allow=localhost"]
    for setting in ("AUTOTHROTTLE_ENABLED=False", *settings):
        argv += ["-s", setting]
    return argv


@pytest.mark.skipif(shutil.which("flock") is None, reason="flock (util-linux) is not installed")
def test_second_run_skips_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    log = tmp_path / "first.log"
    env = wrapper_env(tmp_path)
    with serve_site(SITE) as (base, requests):
        with log.open("wb") as handle:
            first = subprocess.Popen(
                wrapper_argv(base, "DOWNLOAD_DELAY=0.3", "CONCURRENT_REQUESTS=1"),
                env=env,
                stdout=handle,
                stderr=handle,
            )
        try:
            assert wait_for_line(log, "Spider opened", 0), log.read_text()[-3000:]
            second = subprocess.run(
                wrapper_argv(base), env=env, capture_output=True, text=True, timeout=120
            )
            assert first.poll() is None, "the first run ended before the second started"
        finally:
            assert first.wait(timeout=240) == 0, log.read_text()[-3000:]
    assert second.returncode == 0, second.stderr
    assert "still holds" in second.stderr and "skipping this run" in second.stderr
    assert "Spider opened" not in second.stderr  # no crawl was started
    assert requests.count("/robots.txt") == 1  # the first run's only
    files = run_files(tmp_path)
    assert len(files) == 1  # none from the second run
    assert len(read_lines(files[0])) == len(expected_records())
    lock = tmp_path / "state" / "run-daily8.lock"
    free = subprocess.run(["flock", "--nonblock", str(lock), "true"], timeout=30)
    assert free.returncode == 0  # released with the first run: no stale lock


def test_wrapper_needs_a_spider_name(tmp_path: Path) -> None:
    result = subprocess.run([str(WRAPPER)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 64 and "usage" in result.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze missing")
def test_systemd_units_verify(tmp_path: Path) -> None:
    for name in ("newscrawl.service", "newscrawl.timer"):
        text = (DEPLOY / name).read_text("utf-8").replace("/opt/newscrawl", str(REPO_ROOT))
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            "systemd-analyze",
            "verify",
            "--man=no",
            *map(str, sorted(tmp_path.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [x for x in result.stderr.splitlines() if "newscrawl" in x]
    assert result.returncode == 0 and not problems, result.stderr
    timer = (DEPLOY / "newscrawl.timer").read_text("utf-8")
    assert "Unit=newscrawl.service" in timer and "OnCalendar=hourly" in timer
    assert "deploy/newscrawl-crawl.sh" in (DEPLOY / "newscrawl.service").read_text("utf-8")


def test_cron_example_uses_the_wrapper() -> None:
    lines = [
        x
        for x in (DEPLOY / "crontab.example").read_text("utf-8").splitlines()
        if x and not x.startswith("#") and "=" not in x.split()[0]
    ]
    assert lines and all("deploy/newscrawl-crawl.sh" in x for x in lines)
    assert all(len(x.split()) > 5 for x in lines)  # five time fields, then the command
