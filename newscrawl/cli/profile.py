"""`newscrawl profile`: list profiles, and explain which profile rules match a saved page.

When a real page disagrees with a profile, `newscrawl profile explain page.html --profile daily8
--url …` shows each selector with what it matched, and what the generic fallback found instead,
so the TOML can be corrected.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newscrawl.cli.extract import read_html
from newscrawl.extract.document import parse_html, text_of
from newscrawl.profiles import PROFILE_DIR, available_profiles, load_profile

PREVIEW = 70


def register(subparsers: Any) -> None:
    """Add `profile list` and `profile explain`."""
    parser: argparse.ArgumentParser = subparsers.add_parser("profile", help="site profiles")
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help="bundled profiles").set_defaults(func=list_profiles)
    explain = sub.add_parser("explain", help="show which rules of a profile match a page")
    explain.add_argument("page", type=Path, help="saved HTML (plain or .gz)")
    explain.add_argument("--profile", default="generic", choices=available_profiles())
    explain.add_argument("--url", default="https://example.invalid/", help="the page's URL")
    explain.set_defaults(func=explain_page)


def list_profiles(args: argparse.Namespace) -> int:
    """Print each bundled profile with its description."""
    for name in available_profiles():
        profile = load_profile(name)
        print(f"{name:12} v{profile.version}  {PROFILE_DIR / (name + '.toml')}")
        if profile.description:
            print(f"{'':12} {profile.description}")
    return 0


def preview(text: str) -> str:
    """A one-line preview of matched text."""
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def explain_page(args: argparse.Namespace) -> int:
    """Print URL classification and every selector's matches for one page."""
    profile = load_profile(args.profile)
    doc = parse_html(read_html(args.page), args.url)
    print(f"profile {profile.name} v{profile.version}; URL {args.url}")
    print(
        f"  URL kind: {profile.classify_url(args.url) or 'unknown'}; "
        f"article id: {profile.article_id(args.url) or '-'}"
    )
    rules = {f"selectors.{k}": v for k, v in profile.selectors.items()}
    rules |= {f"related.{k}": v for k, v in profile.related.items() if k != "heading"}
    for rule, selectors in sorted(rules.items()):
        print(f"\n[{rule}]")
        for css in selectors:
            matches = doc.selector.css(css)
            texts = [m.get() if "::" in css else text_of(m.root) for m in matches]
            status = f"{len(matches)} match(es)" if matches else "no match"
            first = f": {preview(texts[0])!r}" if texts and texts[0] else ""
            print(f"  {css:50} {status}{first}")
    return 0
