"""`resolve`: cleaned text → interpretation (cached, base-free) → value against the base."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from newscrawl.dates import absolute, grammar, lexicon, locales, shapes
from newscrawl.dates.absolute import Absolute
from newscrawl.dates.grammar import Expression
from newscrawl.dates.model import Precision, ResolvedDate
from newscrawl.dates.normalize import clean, expand_compact, segments
from newscrawl.dates.span import find_date_span

log = logging.getLogger(__name__)

#: Values further than this from the fetch time are rejected as absurd for a news page.
MAX_YEARS = 100
Interpretation = Expression | Absolute
#: A CJK calendar date ("2023年5月12日", "5月12日", "2023년 5월 12일"): a month number followed by
#: a day number is a date, never a duration, so the relative tables must not read it.
_CJK_CALENDAR = re.compile(r"\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]")


def resolve(
    text: str,
    fetched_at: datetime,
    *,
    languages: Sequence[str] | None = None,
    timezone: str | None = None,
    date_order: str | None = None,
) -> ResolvedDate | None:
    """Resolve a date chip against the (aware) fetch time; None when it holds no date."""
    if fetched_at.tzinfo is None:
        raise ValueError("fetched_at must be timezone-aware")
    zone = _zone(timezone)
    try:
        found = interpret(clean(text), tuple(languages or ()), (date_order or "").upper() or None)
        return None if found is None else _materialise(found, text, fetched_at, zone, timezone)
    except Exception:  # never let a page's odd text crash a crawl
        log.debug("could not resolve %r", text, exc_info=True)
        return None


#: Resolutions made for one page, by every input of `resolve`: (text, fetch time, languages,
#: timezone, date order) → value. Extraction fills it, the date stage reads it.
Resolutions = dict[
    tuple[str, datetime, tuple[str, ...], str | None, str | None], ResolvedDate | None
]


def resolve_known(
    text: str,
    fetched_at: datetime,
    known: Resolutions | None,
    *,
    languages: Sequence[str] | None = None,
    timezone: str | None = None,
    date_order: str | None = None,
) -> ResolvedDate | None:
    """`resolve`, taken from `known` when it was made with the same inputs (and added to it)."""
    if known is None:
        return resolve(
            text, fetched_at, languages=languages, timezone=timezone, date_order=date_order
        )
    key = (text, fetched_at, tuple(languages or ()), timezone, date_order)
    if key not in known:
        known[key] = resolve(
            text, fetched_at, languages=languages, timezone=timezone, date_order=date_order
        )
    return known[key]


@lru_cache(maxsize=64)
def _zone(name: str | None) -> tzinfo:
    """The site's zone (UTC when unknown)."""
    return ZoneInfo(name) if name else UTC


@lru_cache(maxsize=32768)
def interpret(
    cleaned: str, languages: tuple[str, ...], date_order: str | None
) -> Interpretation | None:
    """Base-independent reading of a cleaned chip (whole, then its segments, then its span)."""
    if not cleaned:
        return None
    found = _interpret_whole(cleaned, languages, date_order)
    if found is not None:
        return found
    for part in segments(cleaned):
        if part != cleaned and (found := _interpret_whole(part, languages, date_order)):
            return found
    span = find_date_span(cleaned, languages or None)
    if span and (span[1] - span[0]) < len(cleaned):
        return _interpret_whole(cleaned[span[0] : span[1]], languages, date_order)
    return None


def _interpret_whole(
    text: str, languages: tuple[str, ...], date_order: str | None
) -> Interpretation | None:
    """Try ISO, our tables, our common shapes (where dateparser would read the text as
    English), dateparser's hinted locales, then detected locales."""
    found: Interpretation | None = absolute.iso(text)
    if found is None and not _CJK_CALENDAR.search(text):
        found = _from_tables(text, languages)
    if found is None:
        hints = locales.hinted(languages)
        if _english_first(hints):
            found = shapes.read(text, date_order)
        if found is None:
            found = _from_locales(text, hints, date_order)
        if found is None:
            found = _from_locales(text, _unhinted_locales(text), date_order)
    return found


def _english_first(hints: list[locales.Locale]) -> bool:
    """Whether dateparser would try English first: the first hint is "en", or no hint (then
    both the numeric locales and detection, in dateparser's popularity order, start with it)."""
    return not hints or hints[0].shortname == "en"


def _unhinted_locales(text: str) -> list[locales.Locale]:
    """Locales to try without a usable hint; digits-only text needs no language detection."""
    if not any(char.isalpha() for char in text):
        return locales.for_numeric()
    return list(locales.detect(text))


def _from_tables(text: str, languages: tuple[str, ...]) -> Expression | None:
    """Fast path: our own per-language tables, hinted languages first."""
    hinted = [lang for code in languages if (lang := lexicon.table_language(code))]
    expanded = expand_compact(text)
    for lang in dict.fromkeys([*hinted, *lexicon.DEFAULT_ORDER]):
        canonical = lexicon.translate(expanded, lang)
        if canonical and (expr := grammar.parse(canonical)):
            return expr
    return None


def _from_locales(
    text: str, candidates: list[locales.Locale], date_order: str | None
) -> Interpretation | None:
    """dateparser translation into our grammar, else dateparser's absolute parser."""
    for loc in candidates:
        english = locales.translate(text, loc.shortname)
        if english and (expr := grammar.parse(english)):
            return expr
    for loc in candidates:
        if found := absolute.parse(text, loc.shortname, date_order):
            return found
    return None


def _materialise(
    found: Interpretation, raw: str, fetched_at: datetime, zone: tzinfo, tz_name: str | None
) -> ResolvedDate | None:
    """Turn an interpretation into a ResolvedDate against the fetch time."""
    base = fetched_at.astimezone(zone)
    if isinstance(found, Expression):
        result = grammar.apply(found, base)
        if result is None:
            return None
        value, precision = result
        basis = "bare-duration" if found.bare and found.terms and not found.now else "relative"
        return _checked(value, precision, raw, basis, tz_name is None, base)
    return _absolute(found, raw, base, tz_name)


def _absolute(
    found: Absolute, raw: str, base: datetime, tz_name: str | None
) -> ResolvedDate | None:
    """Place an absolute value in the site zone (or keep the text's own offset)."""
    value = found.value
    if found.short_year:
        placed = absolute.place_century(value.replace(tzinfo=None), base.date())
        if placed is None:
            return None
        value = placed.replace(tzinfo=value.tzinfo)
    if found.yearless:
        placed = absolute.place_year(value.replace(tzinfo=None), base.date())
        if placed is None:
            return None
        value = placed.replace(tzinfo=value.tzinfo)
    assumed = tz_name is None and not found.aware
    if not found.aware:
        value = value.replace(tzinfo=base.tzinfo)
    out: date | datetime = value
    if found.precision in ("day", "week", "month", "year"):
        out = value.date()
    return _checked(out, found.precision, raw, "absolute", assumed, base)


def _checked(
    value: date | datetime,
    precision: Precision,
    raw: str,
    basis: str,
    assumed: bool,
    base: datetime,
) -> ResolvedDate | None:
    """Reject absurd values (more than MAX_YEARS from the fetch time)."""
    if abs(value.year - base.year) > MAX_YEARS or (
        abs(value.year - base.year) == MAX_YEARS and _sooner(value, base)
    ):
        return None
    return ResolvedDate(value, precision, raw, basis, assumed)


def _sooner(value: date | datetime, base: datetime) -> bool:
    """True when `value` lies more than exactly MAX_YEARS before or after base."""
    day = value.date() if isinstance(value, datetime) else value
    try:
        lo = base.date().replace(year=base.year - MAX_YEARS)
        hi = base.date().replace(year=base.year + MAX_YEARS)
    except ValueError:
        return False
    return day < lo or day > hi
