"""Is this page an article, or a listing that only links to articles?"""

from __future__ import annotations

from typing import Any

from newscrawl.extract.document import Document, text_of
from newscrawl.profiles import Profile

MIN_ARTICLE_WORDS = 80
MIN_OG_ARTICLE_WORDS = 20
MIN_HEADLINE_WORDS = 4
LISTING_LINKS = 6
LISTING_OG_TYPES = frozenset({"website", "profile", "product", "video.other", "music.song"})


def headline_links(doc: Document) -> int:
    """Distinct links whose text reads like a headline (teaser cards of a listing)."""
    targets = {
        a.get("href")
        for a in doc.root.iter("a")
        if a.get("href") and len(text_of(a).split()) >= MIN_HEADLINE_WORDS
    }
    return len(targets)


def page_type(doc: Document, profile: Profile, ld: dict[str, Any] | None, body: str) -> str:
    """'article' or 'listing': the profile's URL rules first, then page evidence.

    `doc` is the tree after chrome removal, so related rails no longer count as teasers.
    """
    by_url = profile.classify_url(doc.url)
    if by_url:
        return by_url
    words = len(body.split())
    if ld is not None and words >= MIN_ARTICLE_WORDS // 2:
        return "article"
    og_type = (doc.first(("meta[property='og:type']::attr(content)",)) or "").lower()
    if og_type in LISTING_OG_TYPES or headline_links(doc) >= LISTING_LINKS:
        return "listing"
    if og_type == "article" and words >= MIN_OG_ARTICLE_WORDS:
        return "article"
    return "article" if words >= MIN_ARTICLE_WORDS else "listing"
