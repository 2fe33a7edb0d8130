"""Absolute and year-less dates ("03-06-2025", "March 3", "10/12(火) 19:31") via dateparser."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from newscrawl.dates.model import Precision

log = logging.getLogger(__name__)

#: Two fixed reference times: a string parsed identically against both does not depend on now.
_BASES = (datetime(2001, 1, 1, 12, 0), datetime(2003, 7, 15, 6, 30))
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?$"
)
_CLOCK = re.compile(r"\d{1,2}[:h時]\s?\d{1,2}(?P<sec>[:分]\s?\d{1,2})?|\d\s?[ap]\.?m\b|\d時")


@dataclass(frozen=True)
class Absolute:
    """A calendar value read off the text; `yearless` values take their year from the base."""

    value: datetime
    precision: Precision
    aware: bool
    yearless: bool = False
    short_year: bool = False


def iso(text: str) -> Absolute | None:
    """Strict ISO-8601 date or datetime (offset kept)."""
    if not _ISO.match(text):
        return None
    try:
        value = datetime.fromisoformat(text.upper())
    except ValueError:
        return None
    precision: Precision = "day"
    if len(text) > 10:
        precision = "second" if text.count(":") >= 2 and len(text) > 16 else "minute"
    return Absolute(value, precision, value.tzinfo is not None)


@lru_cache(maxsize=64)
def _parser(locale: str | None, base: int, date_order: str | None) -> DateDataParser:
    """A reusable DateDataParser for one locale, reference time and date order."""
    settings: dict[str, object] = {
        "RELATIVE_BASE": _BASES[base],
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": ("first", "last")[base],
    }
    if date_order:
        settings["DATE_ORDER"] = date_order
    locales = [locale] if locale else None
    return DateDataParser(locales=locales, settings=settings, try_previous_locales=False)


def _parse(text: str, locale: str | None, base: int, date_order: str | None) -> datetime | None:
    try:
        data = _parser(locale, base, date_order).get_date_data(text)
    except Exception:
        log.debug("dateparser failed on %r", text, exc_info=True)
        return None
    return data.date_obj if data else None


_DAY_MONTH = re.compile(r"^\d{1,2}[/.-]\d{1,2}(?![/.-]?\d)")


@lru_cache(maxsize=16384)
def parse(text: str, locale: str | None, date_order: str | None) -> Absolute | None:
    """An absolute reading of `text`, or None when it is unparsable or relative to now."""
    if _DAY_MONTH.match(text) and (date_order or "YMD").startswith("Y"):
        date_order = "MDY"  # a two-part numeric date never starts with the year
    first = _parse(text, locale, 0, date_order)
    if first is None:
        return None
    second = _parse(text, locale, 1, date_order)
    if second is None:
        return None
    dayless = first.day != second.day
    if first.replace(year=2000, day=1) != second.replace(year=2000, day=1):
        return None
    value = first.replace(day=1) if dayless else first
    return reading(text, value, dayless=dayless, yearless=first.year != second.year)


def reading(
    text: str, value: datetime, *, dayless: bool = False, yearless: bool = False
) -> Absolute:
    """The Absolute of `value` read from `text`: its precision and how its year was written."""
    short = not yearless and _short_year(text, value.year)
    return Absolute(
        value, _precision(text, value, dayless), value.tzinfo is not None, yearless, short
    )


_FOUR_DIGITS = re.compile(r"\d{4}")


def _short_year(text: str, year: int) -> bool:
    """Whether the year is written with two digits ("14.11.24", "Nov 14 '24")."""
    if _FOUR_DIGITS.search(text):
        return False
    return re.search(rf"(?<!\d){year % 100:02d}(?!\d)", text) is not None


def _precision(text: str, value: datetime, dayless: bool) -> Precision:
    """Second or minute when the text shows a clock (or the value has a time), else day or
    month."""
    clock = _CLOCK.search(text)
    if clock:
        return "second" if clock.group("sec") else "minute"
    if value.time() != datetime.min.time():
        return "minute"
    return "month" if dayless else "day"


def place_century(value: datetime, today: date) -> datetime | None:
    """A two-digit year's value in the century that puts it on or before `today`'s year (+1)."""
    year = today.year // 100 * 100 + value.year % 100
    if year > today.year + 1:
        year -= 100
    try:
        return value.replace(year=year)
    except ValueError:  # 29 February of a year that is not a leap year
        return None


def place_year(value: datetime, today: date) -> datetime | None:
    """Most recent occurrence of a year-less `value` on or before `today` (+1 day slack)."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = value.replace(year=year)
        except ValueError:
            continue
        if candidate.date() <= today + timedelta(days=1):
            return candidate
    return None
