"""Is this page an article, or a listing, product, forum or documentation page?

Strong evidence decides first (the profile's URL rules, JSON-LD @type, og:type, URL shape);
without any, a page is an article when its extracted body holds running text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.extract.document import Document, text_of
from newscrawl.profiles import Profile

#: A body paragraph this long is running text.
PARAGRAPH_WORDS = 30
#: A body this long is an article even without long paragraphs.
MIN_ARTICLE_WORDS = 150
CHARS_PER_WORD = 4
#: Link text this long reads like a headline; a card has this many more words of summary …
TEASER_WORDS = 4
SUMMARY_WORDS = 12
CARD_DEPTH = 6
#: … and this many cards holding at least this share of the body's words make a listing.
LISTING_TEASERS = 4
LISTING_SHARE = 0.8

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SatiricalArticle",
    }
)
#: JSON-LD types that make a page something other than an article, with the page type.
OTHER_TYPES: dict[str, str] = {
    "DiscussionForumPosting": "forum",
    "QAPage": "forum",
    "Product": "product",
    "ProductGroup": "product",
    "Offer": "product",
    "SoftwareApplication": "product",
    "CollectionPage": "collection",
    "SearchResultsPage": "listing",
    "ProfilePage": "listing",
}
#: Types that outrank an article type on the same page (a forum thread marked as Article).
FORUM_TYPES = frozenset({"DiscussionForumPosting", "QAPage"})
OTHER_OG_TYPES: dict[str, str] = {
    "product": "product",
    "product.group": "collection",
    "product.item": "product",
    "profile": "listing",
}
OTHER_HOSTS = re.compile(
    r"^(?:(?P<documentation>docs?|wiki)|(?P<forum>forums?|discuss(?:ion)?|bbs|community)"
    r")\.|(?P<rtd>\.readthedocs\.io)$"
)
OTHER_PATHS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forum", re.compile(r"/(?:t/[^/]+/\d+|d/\d+-|viewtopic|showthread|threads?/|forums?/)", re.I)),
    ("product", re.compile(r"/(?:dp|products?|shop|cart)/", re.I)),
    ("collection", re.compile(r"/(?:collections|category|categories|tags?)/", re.I)),
    ("documentation", re.compile(r"/(?:docs?|documentation|api|reference)/", re.I)),
    ("listing", re.compile(r"/(?:news|blog|articles|press|events)/?$", re.I)),
)


def ld_types(doc: Document) -> set[str]:
    """Every schema.org @type named in the page's JSON-LD blocks."""
    found: set[str] = set()
    for script in doc.root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        found.update(_types(data))
    return found


def _types(data: Any) -> Iterator[str]:
    """@type values anywhere in a JSON-LD structure."""
    if isinstance(data, dict):
        kind = data.get("@type")
        if isinstance(kind, str):
            yield kind
        elif isinstance(kind, list):
            yield from (k for k in kind if isinstance(k, str))
        for value in data.values():
            yield from _types(value)
    elif isinstance(data, list):
        for value in data:
            yield from _types(value)


def type_from_url(url: str) -> str | None:
    """A non-article page type from the URL's host or path shape, or None."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if match := OTHER_HOSTS.search(host):
        kind = match.lastgroup or "documentation"
        return "documentation" if kind == "rtd" else kind
    for kind, pattern in OTHER_PATHS:
        if pattern.search(parts.path):
            return kind
    return None


def type_from_markup(doc: Document) -> str | None:
    """'article' or another page type from JSON-LD @type and og:type, or None."""
    types = ld_types(doc)
    if types & ARTICLE_TYPES and not types & FORUM_TYPES:
        return "article"
    for name in sorted(types & OTHER_TYPES.keys()):
        return OTHER_TYPES[name]
    og_type = (doc.first(("meta[property='og:type']::attr(content)",)) or "").lower()
    return OTHER_OG_TYPES.get(og_type)


def size(text: str) -> int:
    """Length in words; unspaced scripts (Chinese, Japanese, Thai) count one word per 4 chars."""
    return max(len(text.split()), len(text) // CHARS_PER_WORD)


def has_running_text(body: str) -> bool:
    """Whether the extracted body reads like an article (a long paragraph, or many words).

    >>> has_running_text("短い。" * 60), has_running_text("Home News Sport")
    (True, False)
    """
    if size(body) >= MIN_ARTICLE_WORDS:
        return True
    return any(size(p) >= PARAGRAPH_WORDS for p in body.splitlines())


def summary_cards(doc: Document) -> list[str]:
    """Summaries of teaser cards: blocks with one headline link to another page plus text."""
    summaries: list[str] = []
    seen: set[HtmlElement] = set()  # keeps the proxies alive, so identity is stable
    for anchor in doc.root.iter("a"):
        href = anchor.get("href")
        if not href or len(text_of(anchor).split()) < TEASER_WORDS:
            continue
        card = anchor
        for parent in list(anchor.iterancestors())[:CARD_DEPTH]:
            if len({a.get("href") for a in parent.iter("a") if a.get("href")}) > 1:
                break
            card = parent
        if card in seen:
            continue
        seen.add(card)
        rest = len(text_of(card).split()) - len(text_of(anchor).split())
        if rest >= SUMMARY_WORDS:
            summaries.append(text_of(card))
    return summaries


def is_listing(doc: Document, body: str) -> bool:
    """Whether the body is mostly teaser-card summaries (a listing of other pages)."""
    cards = summary_cards(doc)
    if len(cards) < LISTING_TEASERS:
        return False
    card_words = sum(len(c.split()) for c in cards)
    return card_words >= LISTING_SHARE * max(len(body.split()), 1)


def page_type(doc: Document, profile: Profile, by_markup: str | None, body: str) -> str:
    """'article', or the kind of non-article page: profile URL rules, markup, URL, text.

        `by_markup` is `type_from_markup` of the page before chrome removal (scripts are chrome).

        >>> from newscrawl.profiles import load_profile
        >>> from newscrawl.extract.document import parse_html
        >>> from lxml.html import HtmlElement

    from newscrawl.extract.document import parse_html
        >>> forum = parse_html("<p>hi</p>", "https://forum.example.org/t/help/12")
        >>> page_type(forum, load_profile(), None, "word " * 300)
        'forum'
        >>> story = parse_html("<p>hi</p>", "https://example.org/2026/story")
        >>> page_type(story, load_profile(), None, "word " * 300)
        'article'
    """
    url = doc.url
    by_url = profile.classify_url(url)
    if by_url:
        return by_url
    if by_markup:
        return by_markup
    by_shape = type_from_url(url)
    if by_shape:
        return by_shape
    if is_listing(doc, body):
        return "listing"
    return "article" if has_running_text(body) else "listing"
