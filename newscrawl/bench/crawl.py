"""`newscrawl bench crawl`: crawl a local synthetic site with our pipelines and with a naive one.

Generates N Daily8-style article pages (`newscrawl.demo.synth`), serves them from memory on
127.0.0.1, and runs `scrapy crawl daily8` against them in this invocation with a naive pipeline
that calls `trafilatura.extract` on the reactor thread (the baseline) and with newscrawl's
pipelines (extraction in the process pool); `--rounds N` repeats the pair in alternating order
(AB BA AB…) and reports the median speed-up of the pairs, since shared machines drift. For each
run it prints pages/s, CPU % of all the crawl's processes (100 % = one core), peak RSS of all of
them (crawl process + pool workers) and their RSS at 10 %, 50 % and 100 % of the crawl.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import trafilatura

from newscrawl.crawl import REPO_ROOT, crawl_command, crawl_env
from newscrawl.demo.memserver import MemorySiteServer, serve_pages
from newscrawl.demo.synth import synth_pages
from newscrawl.items import FetchedPage

MB = 1024 * 1024
SAMPLE_SECONDS = 0.1
CHECKPOINTS = (0.1, 0.5, 1.0)
#: Crawl settings shared by both runs: no politeness delays against our own local server.
CRAWL_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "INFO",
}
NAIVE_PIPELINES = {"newscrawl.bench.crawl.NaivePipeline": 100}


class NaivePipeline:
    """The baseline: plain trafilatura on the reactor thread, one core."""

    def process_item(self, item: Any) -> Any:
        """Extract the page's text in this thread."""
        if not isinstance(item, FetchedPage):
            return item
        text = trafilatura.extract(item.html, include_comments=False)
        return {"url": item.url, "articleBody": text}


@dataclass
class Sample:
    """One reading of the crawl's process tree."""

    seconds: float
    done: int
    rss: int


@dataclass
class RunResult:
    """What one crawl measured."""

    label: str
    records: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    returncode: int = 0
    samples: list[Sample] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        """Records written per second of crawl."""
        return self.records / self.seconds if self.seconds else 0.0

    @property
    def cpu_percent(self) -> float:
        """CPU of all the crawl's processes over the crawl's wall time (100 = one core)."""
        return 100 * self.cpu_seconds / self.seconds if self.seconds else 0.0

    @property
    def peak_rss(self) -> int:
        """Largest summed RSS seen."""
        return max((s.rss for s in self.samples), default=0)

    def rss_at(self, fraction: float, total: int) -> int:
        """Summed RSS when `fraction` of the article pages had been served."""
        goal = fraction * total
        fallback = self.samples[-1].rss if self.samples else 0
        return next((s.rss for s in self.samples if s.done >= goal), fallback)


class TreeSampler(threading.Thread):
    """Sample RSS and CPU of a process and all its descendants until it exits."""

    def __init__(self, pid: int, server: MemorySiteServer) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.server = server
        self.start_time = time.monotonic()
        self.samples: list[Sample] = []
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        """Sample every SAMPLE_SECONDS."""
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(SAMPLE_SECONDS)

    def sample(self) -> None:
        """Add one reading (processes that vanish mid-read are skipped)."""
        rss = 0
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for process in processes:
            try:
                with process.oneshot():
                    rss += process.memory_info().rss
                    times = process.cpu_times()
                self.cpu[process.pid] = times.user + times.system
            except psutil.Error:
                continue
        done = self.server.served_articles
        self.samples.append(Sample(time.monotonic() - self.start_time, done, rss))

    @property
    def cpu_seconds(self) -> float:
        """CPU seen across all processes (a worker's last <0.1 s before exit is missed)."""
        return sum(self.cpu.values())


def crawl_once(label: str, server: MemorySiteServer, extra: dict[str, Any], out: Path) -> RunResult:
    """Run one `scrapy crawl daily8` against the server and measure it (files under `out`)."""
    out.mkdir(parents=True, exist_ok=True)
    feed = out / f"{label}.jsonl"
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings = {
        **CRAWL_SETTINGS,
        **extra,
        "FEEDS": json.dumps({str(feed): {"format": "jsonl"}}),
        "NEWSCRAWL_STATE_DIR": str(out / f"{label}-state"),
    }
    argv = crawl_command("daily8", {"start_url": f"{base}/en", "also_allow": "localhost"}, settings)
    server.served_articles = 0
    started = time.monotonic()
    with (out / f"{label}.log").open("w") as log:
        process = subprocess.Popen(argv, cwd=REPO_ROOT, env=crawl_env(), stderr=log)
        sampler = TreeSampler(process.pid, server)
        sampler.start()
        returncode = process.wait()
    seconds = time.monotonic() - started
    sampler.stop.set()
    sampler.join()
    records = len(feed.read_text("utf-8").splitlines()) if feed.exists() else 0
    return RunResult(label, records, seconds, sampler.cpu_seconds, returncode, sampler.samples)


def format_results(results: list[RunResult], pages: int) -> str:
    """The figures, one row per run, and the speed-up of adjacent baseline/newscrawl pairs."""
    head = (
        f"{'run':10s} {'records':>7s} {'sec':>6s} {'pages/s':>8s} {'CPU %':>6s} "
        f"{'peak MB':>8s} {'MB@10%':>7s} {'MB@50%':>7s} {'MB@100%':>8s}"
    )
    lines = [f"pages: {pages} articles", head]
    for r in results:
        at = [r.rss_at(f, pages) / MB for f in CHECKPOINTS]
        lines.append(
            f"{r.label:10s} {r.records:7d} {r.seconds:6.1f} {r.pages_per_second:8.1f} "
            f"{r.cpu_percent:6.0f} {r.peak_rss / MB:8.0f} {at[0]:7.0f} {at[1]:7.0f} {at[2]:8.0f}"
        )
        if r.returncode:
            lines.append(f"  ! {r.label} crawl exited with {r.returncode}")
    lines.extend(speedup_lines(results, pages))
    return "\n".join(lines)


def speedup_lines(results: list[RunResult], pages: int) -> list[str]:
    """Speed-up (median over rounds of adjacent pairs) and the worst RSS growth of our runs."""
    pairs = [results[i : i + 2] for i in range(0, len(results) - 1, 2)]
    ratios = [r for pair in pairs if (r := pair_ratio(pair)) is not None]
    ours = [r for r in results if r.label == "newscrawl"]
    lines = []
    if ratios:
        line = f"speed-up newscrawl/baseline: {statistics.median(ratios):.2f}x"
        if len(ratios) > 1:
            line += f" (median of {len(ratios)} rounds: " + " ".join(f"{r:.2f}x" for r in ratios)
            line += ")"
        lines.append(line)
    if ours:
        growth = max(r.rss_at(1.0, pages) - r.rss_at(0.1, pages) for r in ours) / MB
        lines.append(f"newscrawl RSS growth 10%->100%: {growth:+.0f} MB")
    return lines


def pair_ratio(pair: list[RunResult]) -> float | None:
    """newscrawl pages/s over baseline pages/s of one round (None without both)."""
    speed = {r.label: r.pages_per_second for r in pair}
    if not speed.get("baseline") or "newscrawl" not in speed:
        return None
    return speed["newscrawl"] / speed["baseline"]


def run_order(rounds: int, baseline: bool) -> list[str]:
    """Labels in run order: rounds alternate AB, BA, … so drift of the machine hits both alike.

    >>> run_order(3, True)
    ['baseline', 'newscrawl', 'newscrawl', 'baseline', 'baseline', 'newscrawl']
    >>> run_order(2, False)
    ['newscrawl', 'newscrawl']
    """
    if not baseline:
        return ["newscrawl"] * rounds
    pair = ["baseline", "newscrawl"]
    return [label for i in range(rounds) for label in (pair if i % 2 == 0 else pair[::-1])]


def ours_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Settings of the newscrawl run from the command line."""
    settings: dict[str, Any] = {}
    if args.workers is not None:
        settings["NEWSCRAWL_EXTRACT_WORKERS"] = args.workers
    if args.max_tasks is not None:
        settings["NEWSCRAWL_EXTRACT_MAX_TASKS"] = args.max_tasks
    if args.max_in_flight is not None:
        settings["NEWSCRAWL_EXTRACT_MAX_IN_FLIGHT"] = args.max_in_flight
    return settings


def run(args: argparse.Namespace) -> int:
    """Entry point of `newscrawl bench crawl`."""
    pages = synth_pages(args.pages, args.seed)
    settings = {
        "baseline": {"ITEM_PIPELINES": json.dumps(NAIVE_PIPELINES)},
        "newscrawl": ours_settings(args),
    }
    order = run_order(args.rounds, not args.no_baseline)
    with tempfile.TemporaryDirectory(prefix="newscrawl-bench-") as tmp, serve_pages(pages) as srv:
        results = [
            crawl_once(label, srv, settings[label], Path(tmp) / str(index))
            for index, label in enumerate(order)
        ]
        if args.keep_logs:
            Path(args.keep_logs).mkdir(parents=True, exist_ok=True)
            for log in Path(tmp).glob("*/*.log"):
                target = Path(args.keep_logs) / f"{log.parent.name}-{log.name}"
                target.write_bytes(log.read_bytes())
    print(format_results(results, args.pages))
    return max(r.returncode for r in results)


def register(subparsers: Any) -> None:
    """Add `bench crawl`."""
    parser = subparsers.add_parser("crawl", help=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="article pages (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="site generator seed")
    parser.add_argument("--workers", type=int, default=None, help="NEWSCRAWL_EXTRACT_WORKERS")
    parser.add_argument("--max-tasks", type=int, default=None, help="NEWSCRAWL_EXTRACT_MAX_TASKS")
    parser.add_argument(
        "--max-in-flight", type=int, default=None, help="NEWSCRAWL_EXTRACT_MAX_IN_FLIGHT"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive run")
    parser.add_argument(
        "--rounds", type=int, default=1, help="baseline/newscrawl pairs, alternating order"
    )
    parser.add_argument("--keep-logs", metavar="DIR", help="copy the crawl logs to DIR")
    parser.set_defaults(func=run)
