"""Helpers for subprocess crawls of a served demo site with a state and an output folder."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from newscrawl.crawl import crawl_command, crawl_env, run_crawl


def crawl_settings(tmp: Path, **extra: object) -> dict[str, object]:
    """Settings of a fast demo crawl writing under `tmp`."""
    return {
        "NEWSCRAWL_OUTPUT_DIR": tmp / "output",
        "NEWSCRAWL_STATE_DIR": tmp / "state",
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        **extra,
    }


def spider_args(base_url: str) -> dict[str, str]:
    """Arguments of the daily8 spider for a served demo site."""
    return {"start_url": f"{base_url}/en", "also_allow": "localhost"}


def crawl(base_url: str, tmp: Path, **extra: object) -> subprocess.CompletedProcess[str]:
    """Run a crawl to completion."""
    result = run_crawl("daily8", spider_args(base_url), crawl_settings(tmp, **extra), timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def start_crawl(base_url: str, tmp: Path, log: Path, **extra: object) -> subprocess.Popen[bytes]:
    """Start a crawl in the background (its log goes to `log`)."""
    argv = crawl_command("daily8", spider_args(base_url), crawl_settings(tmp, **extra))
    with log.open("ab") as handle:
        return subprocess.Popen(argv, env=crawl_env(), stdout=handle, stderr=handle)


def run_files(tmp: Path) -> list[Path]:
    """The run JSONL files, oldest first."""
    return sorted((tmp / "output" / "daily8").glob("*.jsonl"))


def read_lines(path: Path) -> list[dict[str, Any]]:
    """Records of a JSONL file, asserting it has no partial line."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), f"partial last line in {path}"
    return [json.loads(line) for line in data.splitlines()]


def summary_of(path: Path) -> dict[str, Any]:
    """The run summary beside a run file."""
    summary: dict[str, Any] = json.loads(
        path.with_name(path.name.removesuffix(".jsonl") + ".summary.json").read_text("utf-8")
    )
    return summary


def wait_for_line(log: Path, text: str, start: int, timeout: float = 90) -> bool:
    """Wait until `text` appears in `log` after byte `start`; False on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with log.open("rb") as handle:
            handle.seek(start)
            if text.encode() in handle.read():
                return True
        time.sleep(0.05)
    return False
