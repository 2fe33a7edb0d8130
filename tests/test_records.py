"""Record schema, field order, and date resolution against the fetch time."""

from __future__ import annotations

from datetime import datetime

import jsonschema
import pytest

from newscrawl.extract.model import Article, DateCandidate, RelatedCard
from newscrawl.items import ArticleItem, record_schema
from newscrawl.profiles import load_profile
from newscrawl.records import RECORD_FIELDS, resolve_article_dates, to_record
from newscrawl.validation import record_problem
from tests.demo_site import expected_records


def article(**overrides: object) -> Article:
    """A valid article as the extraction stage returns it."""
    base = Article(
        url="https://www.daily8.com/en/article/" + "a" * 32,
        dateDownloaded="2026-11-27T23:35:00+00:00",
        articleId="daily8:" + "a" * 32,
        canonicalUrl="https://www.daily8.com/en/article/" + "a" * 32,
        headline="A headline",
        articleBody="Some text.",
        publisher="Korea Herald",
        inLanguage="en",
        date_candidates=[DateCandidate("6 days ago", "visible")],
        related=[
            RelatedCard(
                "Other",
                "https://www.daily8.com/en/article/" + "b" * 32,
                datePublishedRaw="9 minutes ago",
            )
        ],
        profile="daily8",
    )
    for key, value in overrides.items():
        setattr(base, key, value)
    return base


def test_item_fields_are_the_record_fields() -> None:
    assert set(ArticleItem.fields) == set(RECORD_FIELDS)
    assert set(record_schema()["properties"]) == set(RECORD_FIELDS)


def test_resolves_against_fetch_time_not_the_clock() -> None:
    item = article()
    assert resolve_article_dates(item, load_profile("daily8"))
    assert (item.datePublished, item.datePublishedPrecision) == ("2026-11-21", "day")
    assert item.datePublishedRaw == "6 days ago"
    assert item.related[0].datePublished == "2026-11-27T23:26:00+00:00"
    assert item.related[0].datePublishedPrecision == "minute"


def test_dmy_date_uses_the_profile_order() -> None:
    item = article(date_candidates=[DateCandidate("03-06-2025", "visible")])
    resolve_article_dates(item, load_profile("daily8"))
    assert item.datePublished == "2025-06-03"


def test_unparseable_date_keeps_raw_and_reports_failure() -> None:
    item = article(date_candidates=[DateCandidate("sometime soon-ish", "visible")])
    assert not resolve_article_dates(item, load_profile("daily8"))
    assert item.datePublished is None and item.datePublishedRaw == "sometime soon-ish"


def test_valid_record_passes_schema() -> None:
    item = article()
    resolve_article_dates(item, load_profile("daily8"))
    record = to_record(item)
    assert tuple(record) == RECORD_FIELDS
    jsonschema.validate(record, record_schema())
    assert record_problem(record) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("headline", ""),
        ("url", "ftp://x"),
        ("authors", "Kim"),
        ("datePublished", "6 days ago"),
        ("articleBody", None),
        ("inLanguage", "EN"),
        ("version", 0),
        ("datePublishedPrecision", "fortnight"),
        ("related", [{"url": "javascript:void(0)"}]),
        ("unexpectedField", 1),
    ],
)
def test_invalid_records_fail_schema(field: str, value: object) -> None:
    record = to_record(article())
    record[field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, record_schema())
    problem = record_problem(record)  # the crawl's compiled validator agrees
    assert problem is not None
    assert problem[0] == (field if field in record_schema()["properties"] else "record")


def test_missing_required_field_is_a_record_problem() -> None:
    record = to_record(article())
    del record["headline"]
    assert record_problem(record) == ("record", "data must contain ['headline'] properties")


def test_expected_demo_dates_are_iso() -> None:
    for expected in expected_records():
        datetime.fromisoformat(expected["datePublished"])


def test_date_stage_reuses_the_shown_dates_extraction_resolved(monkeypatch) -> None:
    from newscrawl.dates import resolver
    from newscrawl.extract import extract_article

    html = "<html><body><h1>Harbour works</h1><p>May 17, 2024</p><p>" + "word " * 80 + "</p>"
    when = datetime.fromisoformat("2026-11-27T23:35:00+00:00")
    profile = load_profile("generic")
    resolved: resolver.Resolutions = {}
    page = extract_article(html, "https://x.org/a/harbour", when, profile, resolutions=resolved)
    assert any(key[0] == "May 17, 2024" for key in resolved)
    made: list[str] = []
    real = resolver.resolve
    monkeypatch.setattr(
        resolver, "resolve", lambda text, *a, **k: made.append(text) or real(text, *a, **k)
    )
    resolve_article_dates(page, profile, known=resolved)
    assert "May 17, 2024" not in made
    assert page.datePublished == "2024-05-17" and page.datePublishedBasis == "visible"
