"""`newscrawl demo`: crawl the bundled offline Daily8-style site into output/daily8/."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from newscrawl.crawl import REPO_ROOT, run_crawl
from newscrawl.demo.server import BUNDLED_SITE, serve_site


def register(subparsers: Any) -> None:
    """Add the `demo` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo", help="serve the bundled demo site on 127.0.0.1 and crawl it"
    )
    parser.add_argument("--serve-only", action="store_true", help="only serve the site")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument("--site", type=Path, default=BUNDLED_SITE, help="site folder to serve")
    parser.add_argument(
        "--output-dir", type=Path, default=REPO_ROOT / "output", help="JSONL output folder"
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=None,
        help="crawl state folder (default: a fresh temporary one, so every run writes all "
        "articles; give one to see incremental runs)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve the site; crawl it unless --serve-only."""
    with serve_site(args.site, args.port) as (base_url, _log):
        if args.serve_only:
            return serve_forever(base_url)
        if args.state_dir is not None:
            return crawl_demo(base_url, args.output_dir, args.state_dir)
        with tempfile.TemporaryDirectory(prefix="newscrawl-demo-state-") as state_dir:
            return crawl_demo(base_url, args.output_dir, Path(state_dir))


def serve_forever(base_url: str) -> int:
    """Keep serving until interrupted."""
    print(f"serving the demo site at {base_url}/en  (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0


def crawl_demo(base_url: str, output_dir: Path, state_dir: Path) -> int:
    """Crawl the served site with the daily8 spider and summarise the new output file."""
    before = set(output_dir.glob("daily8/*.jsonl"))
    result = run_crawl(
        "daily8",
        {"start_url": f"{base_url}/en", "also_allow": "localhost"},
        {
            "NEWSCRAWL_OUTPUT_DIR": output_dir,
            "NEWSCRAWL_STATE_DIR": state_dir,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "LOG_LEVEL": "WARNING",
        },
        capture=False,
    )
    written = sorted(set(output_dir.glob("daily8/*.jsonl")) - before)
    if result.returncode != 0 or not written:
        print(f"demo crawl failed (exit {result.returncode})")
        return result.returncode or 1
    print(summary_line(written[-1]))
    return 0


def summary_line(path: Path) -> str:
    """One line: where the file is, how many records, dates resolved, related cards."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    dated = sum(1 for r in records if r.get("datePublished"))
    cards = sum(len(r.get("related") or []) for r in records)
    return (
        f"wrote {path}: {len(records)} articles, {dated} with a resolved date, "
        f"{cards} related cards"
    )
