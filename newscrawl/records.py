"""From an extracted Article to the output record: date resolution and field order.

Both the crawl pipelines and `newscrawl extract` go through these functions, so a page
gives the same record whichever way it is processed.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from newscrawl.dates import ResolvedDate, resolve
from newscrawl.extract.model import Article, DateCandidate
from newscrawl.profiles import Profile

#: Output fields, in the order every record is written.
RECORD_FIELDS: tuple[str, ...] = (
    "url",
    "canonicalUrl",
    "articleId",
    "version",
    "headline",
    "publisher",
    "authors",
    "inLanguage",
    "datePublished",
    "datePublishedRaw",
    "datePublishedPrecision",
    "datePublishedBasis",
    "dateDownloaded",
    "articleBody",
    "related",
)
#: Which date a page's several dates win, first to last (see README, "Choosing the date").
BASIS_ORDER: tuple[str, ...] = ("jsonld", "meta", "time-element", "visible")
RELATED_FIELDS = (
    "headline",
    "url",
    "publisher",
    "datePublished",
    "datePublishedRaw",
    "datePublishedPrecision",
    "description",
)


def resolve_text(text: str, fetched_at: datetime, profile: Profile) -> ResolvedDate | None:
    """Resolve one date string with the site's languages, timezone and date order."""
    return resolve(
        text,
        fetched_at,
        languages=list(profile.languages) or None,
        timezone=profile.timezone,
        date_order=profile.date_order,
    )


def ordered_candidates(candidates: list[DateCandidate]) -> list[DateCandidate]:
    """Candidates in the order of BASIS_ORDER (stable within one basis)."""
    rank = {basis: i for i, basis in enumerate(BASIS_ORDER)}
    return sorted(candidates, key=lambda c: rank.get(c.basis, len(rank)))


def resolve_article_dates(article: Article, profile: Profile) -> bool:
    """Fill the article's and its cards' resolved dates; False when the article's date failed."""
    fetched_at = datetime.fromisoformat(article.dateDownloaded)
    candidates = ordered_candidates(article.date_candidates)
    for candidate in candidates:
        resolved = resolve_text(candidate.raw, fetched_at, profile)
        if resolved is not None:
            article.datePublished = resolved.iso()
            article.datePublishedPrecision = resolved.precision
            article.datePublishedRaw = candidate.raw
            article.datePublishedBasis = candidate.basis
            break
    else:
        article.datePublishedRaw = candidates[0].raw if candidates else None
    for card in article.related:
        if card.datePublishedRaw:
            resolved = resolve_text(card.datePublishedRaw, fetched_at, profile)
            if resolved is not None:
                card.datePublished = resolved.iso()
                card.datePublishedPrecision = resolved.precision
    return article.datePublished is not None or not candidates


def to_record(article: Article) -> dict[str, Any]:
    """The output record of an article, fields in RECORD_FIELDS order."""
    data = asdict(article)
    record = {name: data.get(name) for name in RECORD_FIELDS}
    record["related"] = [{k: card.get(k) for k in RELATED_FIELDS} for card in data["related"]]
    return record
