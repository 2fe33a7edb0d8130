"""What extraction returns: an article with its date candidates and related cards."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class DateCandidate:
    """A date as the page states it, with where it was found."""

    raw: str
    basis: str  # where it was found: see newscrawl.datechoice.BASIS_ORDER


@dataclass(slots=True)
class RelatedCard:
    """A link card to another article (related rail, "More from…")."""

    headline: str
    url: str
    publisher: str | None = None
    datePublishedRaw: str | None = None
    datePublished: str | None = None
    datePublishedPrecision: str | None = None
    description: str | None = None


@dataclass(slots=True)
class Article:
    """Everything extraction found on one page; dates are resolved later by the date stage."""

    url: str
    dateDownloaded: str
    is_article: bool = True
    pageType: str = "article"
    articleId: str | None = None
    canonicalUrl: str | None = None
    headline: str | None = None
    articleBody: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    inLanguage: str | None = None
    datePublishedRaw: str | None = None
    datePublished: str | None = None
    datePublishedPrecision: str | None = None
    datePublishedBasis: str | None = None
    date_candidates: list[DateCandidate] = field(default_factory=list)
    date_order: str | None = None  # DMY/MDY/YMD read off the page (not part of the record)
    related: list[RelatedCard] = field(default_factory=list)
    profile: str = "generic"
    warnings: list[str] = field(default_factory=list)
    date_error: str | None = None  # why the date stage failed on this page, if it did
