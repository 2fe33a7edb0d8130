"""Helpers for tests that use the bundled demo site and its expected records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newscrawl.demo.sitegen import ALT_ORIGIN, FROZEN_FETCHED_AT, page_file

SITE = Path(__file__).parent / "fixtures" / "daily8-site"
FROZEN = FROZEN_FETCHED_AT.isoformat()

#: Chrome strings that must never reach a headline or an article body.
CHROME_STRINGS = (
    "logo",
    "Try Our AI Features",
    "Explore what Daily8 AI can do",
    "Orange background",
    "No comments yet",
    "Comments",
    "Related Articles",
    "DOWNLOAD THE APP",
    "Download the App",
    "app-store",
    "play-store",
    "Get Started Now",
    "ago",
)


def expected_records() -> list[dict[str, Any]]:
    """The expected record of every demo article."""
    return [json.loads(p.read_text("utf-8")) for p in sorted((SITE / "expected").glob("*.json"))]


def page_html(path: str) -> str:
    """HTML of the demo page served at `path`, as the server sends it (port 8000)."""
    html = page_file(SITE, path).read_text(encoding="utf-8")
    return html.replace(ALT_ORIGIN, "http://localhost:8000")


def chrome_in(text: str | None) -> list[str]:
    """Chrome strings found in `text` ("logo"/"ago" only as whole words)."""
    if not text:
        return []
    words = set(text.replace(".", " ").replace(",", " ").split())
    found = [s for s in CHROME_STRINGS if s not in ("logo", "ago") and s in text]
    return found + [s for s in ("logo", "ago") if s in words]
