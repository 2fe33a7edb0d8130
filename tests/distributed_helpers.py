"""Helpers for the distributed-crawl tests: a private redis-server, a large demo site, workers."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from redis import Redis

from newscrawl.crawl import crawl_command, crawl_env
from newscrawl.demo.sitegen import build_site, load_content
from tests.demo_site import FROZEN, SITE

REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """Run a private redis-server (no persistence) on a free port; yield its URL; stop it."""
    assert REDIS_SERVER is not None
    port = free_port()
    argv = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
    argv += ["no", "--dir", str(workdir)]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_for(lambda: _pings(url), 10, "redis-server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _pings(url: str) -> bool:
    """Whether the server answers."""
    try:
        return bool(Redis.from_url(url).ping())
    except Exception:
        return False


def wait_for(condition: Callable[[], object], timeout: float, message: str) -> None:
    """Poll `condition` until true; fail with `message` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.05)


def scaled_content(copies: int, seed: int = 8) -> dict[str, Any]:
    """The bundled demo content × `copies`: new ids, shuffled paragraphs, related kept in-copy."""
    base = load_content(SITE / "content.json")
    rng = random.Random(seed)
    articles = []
    for copy in range(copies):
        new_id = {
            a["id"]: hashlib.md5(f"{a['id']}/{copy}".encode()).hexdigest() for a in base["articles"]
        }
        for article in base["articles"]:
            paragraphs = list(article["paragraphs"])
            rng.shuffle(paragraphs)
            articles.append(
                article
                | {
                    "id": new_id[article["id"]],
                    "headline": f"{article['headline']} ({copy + 1})",
                    "paragraphs": paragraphs,
                    "related": [new_id[r] for r in article["related"]],
                }
            )
    rng.shuffle(articles)
    return base | {"articles": articles}


def build_scaled_site(site_dir: Path, copies: int) -> set[str]:
    """Write a scaled demo site; return its article ids as the crawl reports them."""
    content = scaled_content(copies)
    build_site(content, site_dir, with_expected=False)
    return {f"daily8:{a['id']}" for a in content["articles"]}


def start_worker(
    worker: str, base_url: str, redis_url: str, out: Path, log: Path, **settings: object
) -> subprocess.Popen[bytes]:
    """Start `scrapy crawl daily8` as a worker on the shared frontier (stderr to `log`), in a
    process group of its own with its extraction pool (`kill_worker` ends them all)."""
    values: dict[str, object] = {
        "REDIS_URL": redis_url,
        "NEWSCRAWL_WORKER_ID": worker,
        "NEWSCRAWL_OUTPUT_DIR": out,
        "NEWSCRAWL_FETCHED_AT": FROZEN,
        "NEWSCRAWL_WORKER_TTL": 2,
        "NEWSCRAWL_BATCH_SIZE": 5,  # small fsynced batches, flushed often: kills land mid-batch
        "NEWSCRAWL_BATCH_SECONDS": 0.3,
        "MAX_IDLE_TIME_BEFORE_CLOSE": 1,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        # A killed worker's politeness slots expire after DOWNLOAD_TIMEOUT + 10 s (local pages).
        "DOWNLOAD_TIMEOUT": 5,
        "LOG_LEVEL": "INFO",
    } | settings
    argv = crawl_command(
        "daily8", {"start_url": f"{base_url}/en", "also_allow": "localhost"}, values
    )
    with log.open("ab") as stderr:
        return subprocess.Popen(
            argv,
            env=crawl_env(),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )


def kill_worker(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL a worker and its extraction pool (a crash, a power cut); reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


def run_files(out: Path) -> list[Path]:
    """A worker's run files, oldest first."""
    return sorted(out.glob("daily8/*.jsonl"))


def records(out: Path, files: list[Path] | None = None) -> list[dict[str, Any]]:
    """Every record in a worker's output folder (or in `files`)."""
    return [
        json.loads(line)
        for path in (run_files(out) if files is None else files)
        for line in path.read_text("utf-8").splitlines()
    ]


def lines_written(out: Path) -> int:
    """Complete lines in a worker's run files (safe while the worker writes)."""
    return sum(path.read_bytes().count(b"\n") for path in run_files(out))
