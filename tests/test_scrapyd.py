"""Deploy the project to a real Scrapyd 1.6 on 127.0.0.1 and crawl the demo site through it.

Scrapyd lives in its own virtualenv (deploy/scrapyd-venv.sh, run by .ci/run): it needs
pkg_resources, so it is kept apart from the project's environment.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.crawl import REPO_ROOT
from newscrawl.demo.server import serve_site
from newscrawl.scrapyd import build_egg, deploy_target, schedule
from tests.demo_site import SITE, expected_records
from tests.incremental_crawl import read_lines

SCRAPYD_CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {tmp}/eggs
logs_dir = {tmp}/logs
dbs_dir = {tmp}/dbs
items_dir =
poll_interval = 0.2
max_proc = 2
"""


def scrapyd_python() -> Path:
    """The Scrapyd virtualenv's interpreter; skips the test when there is none."""
    configured = os.environ.get("NEWSCRAWL_SCRAPYD_PYTHON")
    python = Path(configured) if configured else REPO_ROOT / ".venv-scrapyd" / "bin" / "python"
    if not python.exists():
        pytest.skip(f"scrapyd is not installed ({python} missing; run deploy/scrapyd-venv.sh)")
    probe = subprocess.run([python, "-c", "import scrapyd"], capture_output=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip(f"scrapyd is not importable with {python}")
    return python


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[str]:
    """A Scrapyd daemon on 127.0.0.1 with its files in tmp_path; yields its URL."""
    python = scrapyd_python()
    port = free_port()
    (tmp_path / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, tmp=tmp_path))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    log = (tmp_path / "scrapyd.log").open("wb")
    daemon = subprocess.Popen(
        [python, "-m", "scrapyd"], cwd=tmp_path, env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get_json(f"{url}/daemonstatus.json")
                break
            except OSError:
                assert daemon.poll() is None, (tmp_path / "scrapyd.log").read_text()
                assert time.monotonic() < deadline, "scrapyd did not start"
                time.sleep(0.2)
        yield url
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
        log.close()


def wait_finished(url: str, job: str, timeout: float = 120) -> dict:
    """Wait for a Scrapyd job to finish; return its listjobs entry."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = get_json(f"{url}/listjobs.json?project=newscrawl")
        done = [j for j in jobs["finished"] if j["id"] == job]
        if done:
            return done[0]
        time.sleep(0.3)
    raise AssertionError(f"job {job} did not finish: {jobs}")


def test_deploy_and_crawl_through_scrapyd(scrapyd: str, tmp_path: Path) -> None:
    url, project = deploy_target(REPO_ROOT / "scrapy.cfg")
    assert project == "newscrawl" and url.startswith("http://127.0.0.1")
    from newscrawl.cli import main

    assert main(["deploy", "--url", scrapyd, "--version", "1"]) == 0
    spiders = get_json(f"{scrapyd}/listspiders.json?project=newscrawl")["spiders"]
    assert {"aggregator", "daily8"} <= set(spiders)
    out, state = tmp_path / "output", tmp_path / "state"
    with serve_site(SITE) as (base, _requests):
        job = schedule(
            scrapyd,
            project,
            "daily8",
            {"start_url": f"{base}/en", "also_allow": "localhost"},
            [
                ("NEWSCRAWL_OUTPUT_DIR", out),
                ("NEWSCRAWL_STATE_DIR", state),
                ("AUTOTHROTTLE_ENABLED", False),
                ("DOWNLOAD_DELAY", 0),
            ],
        )
        wait_finished(scrapyd, job)
    logs = list((tmp_path / "logs").rglob("*.log"))
    log_text = logs[0].read_text("utf-8") if logs else "(no job log)"
    files = sorted(out.glob("daily8/*.jsonl"))
    assert len(files) == 1, log_text[-3000:]
    assert len(read_lines(files[0])) == len(expected_records()), log_text[-3000:]
    assert "Spider closed (finished)" in log_text


def test_scrapyd_environment_runs_newscrawl_only_from_the_egg() -> None:
    isolated = subprocess.run(
        [scrapyd_python(), "-c", "import newscrawl"],
        cwd="/",
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        capture_output=True,
        timeout=60,
    )
    assert isolated.returncode != 0  # so the crawl above can only have used the deployed egg


def test_egg_holds_the_package_data_and_the_settings_entry_point(tmp_path: Path) -> None:
    import zipfile

    names = set(zipfile.ZipFile(build_egg(tmp_path, "7")).namelist())
    assert {"newscrawl/settings.py", "newscrawl/article.schema.json"} <= names
    assert "newscrawl/profiles/daily8.toml" in names and "EGG-INFO/entry_points.txt" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith("tests/")]
