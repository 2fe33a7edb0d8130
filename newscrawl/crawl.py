"""Run a spider as a `scrapy crawl` subprocess (used by `newscrawl demo`, benchmarks, tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def crawl_command(
    spider: str,
    spider_args: Mapping[str, str] | None = None,
    settings: Mapping[str, object] | None = None,
) -> list[str]:
    """The argv of `scrapy crawl SPIDER -a k=v … -s K=V …` with this interpreter."""
    argv = [sys.executable, "-m", "scrapy", "crawl", spider]
    for key, value in (spider_args or {}).items():
        argv += ["-a", f"{key}={value}"]
    for name, setting in (settings or {}).items():
        argv += ["-s", f"{name}={setting}"]
    return argv


def crawl_env() -> dict[str, str]:
    """Environment for a crawl subprocess: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def run_crawl(
    spider: str,
    spider_args: Mapping[str, str] | None = None,
    settings: Mapping[str, object] | None = None,
    cwd: Path = REPO_ROOT,
    capture: bool = True,
    timeout: float | None = 600,
    extra_argv: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run a crawl to completion in a subprocess and return it."""
    argv = crawl_command(spider, spider_args, settings) + list(extra_argv)
    return subprocess.run(
        argv,
        cwd=cwd,
        env=crawl_env(),
        capture_output=capture,
        text=True,
        timeout=timeout,
        check=False,
    )
