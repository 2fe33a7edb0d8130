"""From an extracted Article to the output record: date resolution and field order.

Both the crawl pipelines and `newscrawl extract` go through these functions, so a page
gives the same record whichever way it is processed.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import datetime
from typing import Any

from newscrawl.dates import ResolvedDate, resolve
from newscrawl.dates.order import infer_date_order
from newscrawl.extract.model import Article, DateCandidate
from newscrawl.profiles import Profile

logger = logging.getLogger(__name__)

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


def resolve_text(
    text: str, fetched_at: datetime, profile: Profile, date_order: str | None = None
) -> ResolvedDate | None:
    """Resolve one date string with the site's languages, timezone and date order.

    A page's text must never lose its record: a resolver error leaves the date unresolved.
    """
    try:
        return resolve(
            text,
            fetched_at,
            languages=list(profile.languages) or None,
            timezone=profile.timezone,
            date_order=profile.date_order or date_order,
        )
    except (ValueError, OverflowError, ArithmeticError, RecursionError) as exc:
        logger.warning("date %r not resolved: %r", text[:100], exc)
        return None


def page_date_order(article: Article) -> str | None:
    """Numeric date order settled by the unambiguous dates anywhere on the page."""
    texts: list[str | None] = [c.raw for c in article.date_candidates]
    texts += [card.datePublishedRaw for card in article.related]
    return infer_date_order(texts)


def ordered_candidates(candidates: list[DateCandidate]) -> list[DateCandidate]:
    """Candidates in the order of BASIS_ORDER (stable within one basis)."""
    rank = {basis: i for i, basis in enumerate(BASIS_ORDER)}
    return sorted(candidates, key=lambda c: rank.get(c.basis, len(rank)))


def resolve_article_dates(article: Article, profile: Profile) -> bool:
    """Fill the article's and its cards' resolved dates; False when the article's date failed."""
    fetched_at = datetime.fromisoformat(article.dateDownloaded)
    order = None if profile.date_order else page_date_order(article)
    candidates = ordered_candidates(article.date_candidates)
    for candidate in candidates:
        resolved = resolve_text(candidate.raw, fetched_at, profile, order)
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
            resolved = resolve_text(card.datePublishedRaw, fetched_at, profile, order)
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
