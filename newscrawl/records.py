"""From an extracted Article to the output record: date resolution and field order.

Both the crawl pipelines and `newscrawl extract` go through these functions, so a page
gives the same record whichever way it is processed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from newscrawl import datechoice
from newscrawl.dates import Resolutions, ResolvedDate, resolve
from newscrawl.extract.dates import HTMLDATE_BASIS
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
    text: str,
    fetched_at: datetime,
    profile: Profile,
    date_order: str | None = None,
    languages: list[str] | None = None,
) -> ResolvedDate | None:
    """Resolve one date string with the site's languages, timezone and date order.

    A page's text must never lose its record: a resolver error leaves the date unresolved.
    """
    try:
        return resolve(
            text,
            fetched_at,
            languages=list(profile.languages) or languages,
            timezone=profile.timezone,
            date_order=profile.date_order or date_order,
        )
    except (ValueError, OverflowError, ArithmeticError, RecursionError) as exc:
        logger.warning("date %r not resolved: %r", text[:100], exc)
        return None


def page_languages(article: Article, profile: Profile) -> list[str] | None:
    """The site's languages, else the page's own."""
    if profile.languages:
        return list(profile.languages)
    return [article.inLanguage] if article.inLanguage else None


def resolve_article_dates(
    article: Article,
    profile: Profile,
    htmldate: Callable[[], DateCandidate | None] | None = None,
    *,
    fetch_known: bool = True,
    known: Resolutions | None = None,
) -> bool:
    """Fill the article's and its cards' resolved dates; False when the article's date failed.

    `htmldate` gives htmldate's candidate when the extraction left it out; it is called (and
    the candidate added last) only when that candidate could change the chosen date.
    Without `fetch_known` (a saved page without its fetch time) relative dates ("3 days
    ago") are not resolved: they mean nothing against the time of the run. `known` holds the
    resolutions extraction made (`extract_article(..., resolutions=...)`): those made with the
    same inputs are not made again.
    """
    fetched_at = datetime.fromisoformat(article.dateDownloaded)
    languages = page_languages(article, profile)
    order = profile.date_order or article.date_order

    def resolve_all(candidates: list[DateCandidate]) -> list[datechoice.Resolved]:
        return datechoice.resolve_all(
            candidates,
            fetched_at,
            languages=languages,
            timezone=profile.timezone,
            date_order=order,
            relative=fetch_known,
            known=known,
        )

    found = resolve_all(article.date_candidates)
    late = htmldate if htmldate and not datechoice.decided_without(found, HTMLDATE_BASIS) else None
    if late is not None and (guess := late()) is not None:
        article.date_candidates.append(guess)
        found += resolve_all([guess])
    chosen = datechoice.choose(datechoice.place_yearless(found))
    if chosen is not None:
        article.datePublished = chosen.value.iso()
        article.datePublishedPrecision = chosen.value.precision
        article.datePublishedRaw = chosen.candidate.raw
        article.datePublishedBasis = chosen.candidate.basis
    elif article.date_candidates:
        article.datePublishedRaw = article.date_candidates[0].raw
    for card in article.related:
        if card.datePublishedRaw:
            resolved = resolve_text(card.datePublishedRaw, fetched_at, profile, order, languages)
            if resolved is not None and (fetch_known or resolved.basis != "relative"):
                card.datePublished = resolved.iso()
                card.datePublishedPrecision = resolved.precision
    return article.datePublished is not None or not article.date_candidates


def to_record(article: Article) -> dict[str, Any]:
    """The output record of an article, fields in RECORD_FIELDS order."""
    data = asdict(article)
    record = {name: data.get(name) for name in RECORD_FIELDS}
    record["related"] = [{k: card.get(k) for k in RELATED_FIELDS} for card in data["related"]]
    return record
