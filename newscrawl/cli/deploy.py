"""`newscrawl deploy`: build the project egg and upload it to Scrapyd (scrapy.cfg [deploy])."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from newscrawl.crawl import REPO_ROOT
from newscrawl.scrapyd import add_version, build_egg, deploy_target


def register(subparsers: Any) -> None:
    """Add the `deploy` sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "deploy", help="upload the project to Scrapyd (the [deploy] target of scrapy.cfg)"
    )
    parser.add_argument("--target", default="default", help="[deploy:<target>] of scrapy.cfg")
    parser.add_argument("--url", help="Scrapyd URL (overrides scrapy.cfg)")
    parser.add_argument("--version", help="version label (default: a timestamp)")
    parser.add_argument("--egg-only", type=Path, metavar="DIR", help="only build the egg in DIR")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the egg; upload it unless --egg-only."""
    version = args.version or str(int(time.time()))
    if args.egg_only:
        print(f"built {build_egg(args.egg_only, version)}")
        return 0
    url, project = deploy_target(REPO_ROOT / "scrapy.cfg", args.target)
    url = args.url or url
    with tempfile.TemporaryDirectory(prefix="newscrawl-egg-") as folder:
        answer = add_version(url, project, version, build_egg(Path(folder), version))
    print(f"deployed {project} {version} to {url}: {answer.get('spiders', '?')} spiders")
    return 0
