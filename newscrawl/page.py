"""One saved or fetched page → one dated Article: the work every entry point shares.

The crawl's extraction workers, `newscrawl extract` and the benchmarks all call
`dated_article`, so a page gives the same record whichever way it is processed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial

from newscrawl.dates import Resolutions
from newscrawl.extract import extract_article
from newscrawl.extract.dates import htmldate_candidate
from newscrawl.extract.model import Article
from newscrawl.profiles import Profile
from newscrawl.records import resolve_article_dates

logger = logging.getLogger(__name__)


def dated_article(
    html: str | bytes, url: str, fetched_at: datetime | None, profile: Profile
) -> Article:
    """Extract the page, then resolve its dates against `fetched_at`.

    Without `fetched_at` (a saved page whose fetch time is unknown) the page counts as fetched
    now, and relative dates ("3 days ago") are left unresolved.
    A failure of the date stage never loses the page: the article keeps its raw date text
    and `date_error` says what went wrong, for the caller to log and count.
    """
    known = fetched_at is not None
    fetched_at = fetched_at or datetime.now(UTC)
    resolved: Resolutions = {}  # dates extraction resolves, reused by the date stage
    article = extract_article(
        html, url, fetched_at, profile, with_htmldate=False, resolutions=resolved
    )
    htmldate = partial(htmldate_candidate, html, url, fetched_at)  # parses the page again
    try:
        resolve_article_dates(article, profile, htmldate, fetch_known=known, known=resolved)
    except Exception as exc:  # a date-stage bug must not cost the record
        logger.debug("date stage failed on %s", url, exc_info=True)
        if not article.date_candidates and (guess := htmldate()) is not None:
            article.date_candidates.append(guess)
        article.datePublished = None
        if article.date_candidates:
            article.datePublishedRaw = article.date_candidates[0].raw
        article.date_error = repr(exc)
    return article


def date_unresolved(article: Article) -> bool:
    """Whether the page showed date text that the date stage could not resolve."""
    return article.datePublished is None and bool(article.date_candidates)
