"""Warm the extraction code once in the pool's forkserver, so every worker starts warm.

Importing this module runs `warm_up`. The extraction pool's forkserver imports it before it
forks any worker, so what is built lazily on first use — profiles, the date tables' compiled
lexicons, dateparser's English locales, trafilatura's and lxml's first-call set-up — is built
once and inherited by every worker, including each one that replaces a recycled worker.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from newscrawl.dates import lexicon
from newscrawl.page import dated_article
from newscrawl.profiles import available_profiles, load_profile

logger = logging.getLogger(__name__)

#: A small article page whose dates exercise the common chip forms.
SAMPLE_PAGE = """<!doctype html><html lang="en"><head><title>Warm-up story</title>
<meta property="og:type" content="article"></head><body><header><a href="/">Home</a></header>
<article><h1>Warm-up story</h1><p class="byline">By Ann Writer · The Example Times · 3 days ago
</p><time datetime="2026-01-02T03:04:05Z">02-01-2026</time>
<p>This paragraph is long enough to be the body of a story, so that the extractor runs its
whole article path, from the headline and the byline to the date chips shown on the page.</p>
<p>A second paragraph, updated 5 hours ago, mentions March 3, 2025 and 12/25/2025 too.</p>
</article><aside><h2>Related Articles</h2><a href="/a">Another story</a><span>a day ago</span>
</aside></body></html>"""
SAMPLE_URL = "https://example.invalid/news/warm-up-story"
SAMPLE_FETCHED_AT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)

_warm = False


def warm_up() -> None:
    """Build every lazily built structure the extraction of a page needs (once per process)."""
    global _warm
    if _warm:
        return
    _warm = True
    try:
        lexicon.build_all()
        for name in available_profiles():
            dated_article(SAMPLE_PAGE, SAMPLE_URL, SAMPLE_FETCHED_AT, load_profile(name))
    except Exception:  # a warm-up failure only costs speed; the workers still work
        logger.warning("extraction warm-up failed", exc_info=True)


warm_up()
