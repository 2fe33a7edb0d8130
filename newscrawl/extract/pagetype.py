"""Is this page an article, or a listing that only links to articles?"""

from __future__ import annotations

from typing import Any

from newscrawl.extract.document import Document
from newscrawl.profiles import Profile

MIN_ARTICLE_WORDS = 80
LISTING_OG_TYPES = frozenset({"website", "profile", "product", "video.other", "music.song"})


def page_type(doc: Document, profile: Profile, ld: dict[str, Any] | None, body: str) -> str:
    """'article' or 'listing': the profile's URL rules first, then page evidence."""
    by_url = profile.classify_url(doc.url)
    if by_url:
        return by_url
    words = len(body.split())
    if ld is not None and words >= MIN_ARTICLE_WORDS // 2:
        return "article"
    og_type = (doc.first(("meta[property='og:type']::attr(content)",)) or "").lower()
    if og_type in LISTING_OG_TYPES and words < 3 * MIN_ARTICLE_WORDS:
        return "listing"
    return "article" if words >= MIN_ARTICLE_WORDS else "listing"
