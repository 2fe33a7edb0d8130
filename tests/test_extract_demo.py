"""Extraction on the demo site's pages: every field against the expected records."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import pytest

from newscrawl.extract import extract_article
from newscrawl.profiles import load_profile
from newscrawl.records import resolve_article_dates, to_record
from tests.demo_site import FROZEN, SITE, chrome_in, expected_records, page_html

EXPECTED = expected_records()
FIELDS = (
    "headline",
    "publisher",
    "authors",
    "inLanguage",
    "articleBody",
    "canonicalUrl",
    "datePublishedRaw",
    "datePublished",
    "datePublishedPrecision",
)


def record_for(path: str, profile: str) -> dict:
    """Extract and date one demo page as the crawl would."""
    site_profile = load_profile(profile)
    article = extract_article(
        page_html(path),
        f"http://127.0.0.1:8000{path}",
        datetime.fromisoformat(FROZEN),
        site_profile,
    )
    resolve_article_dates(article, site_profile)
    return {"is_article": article.is_article, **to_record(article)}


def related_view(record: dict) -> list[dict]:
    """Related cards in the expected files' shape (path instead of URL)."""
    return [
        {
            "headline": c["headline"],
            "path": urlsplit(c["url"]).path,
            "publisher": c["publisher"],
            "datePublishedRaw": c["datePublishedRaw"],
            "datePublished": c["datePublished"],
        }
        for c in record["related"]
    ]


@pytest.mark.parametrize("profile", ["daily8", "generic"])
@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e["path"].rsplit("/", 1)[-1][:8])
def test_article_page_matches_expected(expected: dict, profile: str) -> None:
    record = record_for(expected["path"], profile)
    assert record["is_article"]
    for field in FIELDS:
        assert record[field] == expected[field], field
    cards = related_view(record)
    if profile == "generic":  # without a profile, "03-06-2025" alone cannot be settled
        cards = [
            settle_ambiguous(card, want)
            for card, want in zip(cards, expected["related"], strict=True)
        ]
    assert cards == expected["related"]


def settle_ambiguous(card: dict, expected: dict) -> dict:
    """Accept the other reading of an ambiguous DD-MM/MM-DD date (both parts ≤ 12)."""
    raw, value = card["datePublishedRaw"] or "", card["datePublished"] or ""
    parts = raw.split("-")
    if len(parts) == 3 and all(int(p) <= 12 for p in parts[:2]) and len(value) == 10:
        swapped = f"{value[:4]}-{value[8:10]}-{value[5:7]}"
        if swapped == expected["datePublished"]:
            return {**card, "datePublished": swapped}
    return card


@pytest.mark.parametrize("profile", ["daily8", "generic"])
@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e["path"].rsplit("/", 1)[-1][:8])
def test_no_chrome_in_body_or_headline(expected: dict, profile: str) -> None:
    record = record_for(expected["path"], profile)
    assert chrome_in(record["articleBody"]) == []
    assert chrome_in(record["headline"]) == []


LISTINGS = sorted(
    "/" + str(p.relative_to(SITE / "pages").with_suffix(""))
    for p in (SITE / "pages").rglob("*.html")
    if "/article/" not in str(p)
)


@pytest.mark.parametrize("profile", ["daily8", "generic"])
@pytest.mark.parametrize("path", LISTINGS)
def test_listing_pages_are_not_articles(path: str, profile: str) -> None:
    assert not record_for(path, profile)["is_article"]


def test_div_soup_and_long_related_pages_are_in_the_fixtures() -> None:
    soup = [e for e in EXPECTED if "<p>" not in page_html(e["path"])]
    assert soup and all("<article" not in page_html(e["path"]) for e in soup)
    longer = [
        e
        for e in EXPECTED
        if all(
            len(c["headline"]) and len(e["articleBody"]) < len(related_body(c["path"]))
            for c in e["related"]
        )
    ]
    assert longer, "a page whose related summaries are all longer than its article"


def related_body(path: str) -> str:
    """Expected body of the article at `path`."""
    return next(e["articleBody"] for e in EXPECTED if e["path"] == path)
