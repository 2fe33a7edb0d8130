"""Main text with trafilatura, on the tree our chrome layer has already cleaned."""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement


def extract_text(root: HtmlElement, url: str) -> str:
    """Trafilatura's plain-text main content of the (cleaned) tree; empty when none."""
    text = trafilatura.extract(
        root,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        output_format="txt",
        with_metadata=False,
        deduplicate=False,
    )
    return text or ""
