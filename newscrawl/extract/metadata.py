"""Headline, canonical URL, language, authors and machine-readable dates of a page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from newscrawl.extract.document import Document, squash
from newscrawl.extract.model import DateCandidate
from newscrawl.profiles import Profile

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
_BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\|)\s*", re.I)
_NOT_NAME = re.compile(
    r"\b(?:ago|hours?|minutes?|days?|updated|published|posted|am|pm|gmt|utc)\b|\d", re.I
)
META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)


def headline(doc: Document, profile: Profile) -> str | None:
    """The article title: profile/generic selectors, minus the site's title suffix."""
    title = doc.first(profile.select("headline"))
    if not title:
        return None
    for suffix in profile.title_suffixes:
        if title.endswith(suffix):
            title = title[: -len(suffix)].rstrip()
    return title or None


def canonical_url(doc: Document) -> str:
    """rel=canonical, else og:url, else the page URL."""
    href = doc.first(
        ("link[rel='canonical']::attr(href)", "meta[property='og:url']::attr(content)")
    )
    return doc.absolute(href) if href else doc.url


def language(doc: Document, profile: Profile) -> str | None:
    """Primary language subtag from html@lang or og:locale, else the profile's first language."""
    code = doc.first(
        (
            "html::attr(lang)",
            "meta[property='og:locale']::attr(content)",
            "meta[http-equiv='content-language']::attr(content)",
        )
    )
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


def _person_names(value: Any) -> list[str]:
    """Names from a JSON-LD author value (string, Person, or a list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v)]
    return []


def split_names(text: str) -> list[str]:
    """Split a byline ("By A and B") into clean names, dropping dates and labels."""
    text = _BYLINE_PREFIX.sub("", squash(text))
    names = []
    for part in _NAME_SPLIT.split(text):
        part = squash(_NOT_NAME.sub(" ", part)) if _NOT_NAME.search(part) else part
        words = part.split()
        if part and 1 <= len(words) <= 5 and part not in names:
            names.append(part)
    return names


def authors(doc: Document, profile: Profile, ld: dict[str, Any] | None) -> list[str]:
    """Authors from the visible byline, else JSON-LD, else meta author."""
    byline = doc.first(profile.select("byline"))
    if byline:
        return split_names(byline)
    if ld and (names := _person_names(ld.get("author"))):
        return [n for name in names for n in split_names(name)]
    meta = doc.first(("meta[name='author']::attr(content)",))
    return split_names(meta) if meta else []


def meta_content(metas: list[dict[str, str]], key: str) -> str | None:
    """What `meta[property=key]`, then `[name=key]`, then `[itemprop=key]` says (one scan)."""
    for attr in ("property", "name", "itemprop"):
        for meta in metas:
            if meta.get(attr) == key and (text := squash(meta.get("content"))):
                return text
    return None


def machine_dates(doc: Document, ld: dict[str, Any] | None) -> list[DateCandidate]:
    """Publication dates stated for machines: JSON-LD, meta tags, <time datetime>."""
    found: list[DateCandidate] = []
    if ld and isinstance(ld.get("datePublished"), str):
        found.append(DateCandidate(ld["datePublished"].strip(), "jsonld"))
    metas = [dict(meta.attrib) for meta in doc.root.iter("meta")]
    for key in META_DATE_KEYS:
        value = meta_content(metas, key)
        if value:
            found.append(DateCandidate(value, "meta"))
            break
    time_value = doc.first(("article time[datetime]::attr(datetime)",))
    if time_value:
        found.append(DateCandidate(time_value, "time-element"))
    return found
