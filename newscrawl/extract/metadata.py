"""Headline, canonical URL, language, authors and machine-readable dates of a page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from newscrawl.extract.authors import authors as find_authors
from newscrawl.extract.dates import page_locale
from newscrawl.extract.document import Document
from newscrawl.extract.headline import choose_headline
from newscrawl.profiles import Profile, load_profile

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SatiricalArticle",
        "SocialMediaPosting",
    }
)


def headline(doc: Document, profile: Profile, ld: dict[str, Any] | None) -> str | None:
    """The article title: the site profile's selector, else chosen among the page's titles."""
    title = doc.first(profile.select("headline"))
    for suffix in profile.title_suffixes if title else ():
        if title and title.endswith(suffix):
            title = title[: -len(suffix)].rstrip()
    return title or choose_headline(doc, ld, json_ld_objects(doc))


def canonical_url(doc: Document) -> str:
    """rel=canonical, else og:url, else the page URL."""
    href = doc.first(
        ("link[rel='canonical']::attr(href)", "meta[property='og:url']::attr(content)")
    )
    return doc.absolute(href) if href else doc.url


def language(doc: Document, profile: Profile) -> str | None:
    """Primary language subtag of the page's locale, else the profile's first language."""
    code = page_locale(doc)
    if code:
        primary = re.split(r"[-_]", code.strip())[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", primary):
            return primary
    return profile.languages[0] if profile.languages else None


def json_ld_objects(doc: Document) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph members included; bad JSON is skipped."""
    for raw in doc.selector.css("script[type='application/ld+json']::text").getall():
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(item, list):
                stack.extend(item)


def json_ld_article(doc: Document) -> dict[str, Any] | None:
    """The first JSON-LD object typed as an article."""
    for item in json_ld_objects(doc):
        types = item.get("@type")
        names = set(types) if isinstance(types, list) else {types}
        if names & ARTICLE_TYPES:
            return item
    return None


def authors(
    doc: Document, profile: Profile, ld: dict[str, Any] | None, zone: Iterable[str] = ()
) -> list[str]:
    """Authors (rule in extract/authors.py): site byline, JSON-LD, meta author, generic byline."""
    generic = load_profile("generic").select("byline")
    site = tuple(s for s in profile.select("byline") if s not in generic)
    return find_authors(doc, ld, site, generic, zone)
