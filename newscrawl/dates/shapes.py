"""Common English and numeric date shapes read with our own tables, before any dateparser call.

`read(text, date_order)` gives what `absolute.parse(text, "en", date_order)` gives for the
shapes it knows ("apr 10, 2023", "19 nov 2019 05:44", "december 19th, 2025 at 3:00 pm",
"02/10/2020", "2019/1/22", "april 2024", "apr 12"), and None for anything else or anything in
doubt (an impossible day, a 29 February without a year): the caller then asks dateparser.
tests/test_date_shapes.py compares it with dateparser on hand-written cases.
"""

from __future__ import annotations

import re
from datetime import datetime

from newscrawl.dates.absolute import Absolute, reading

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _month(n: int) -> str:
    """Group `month<n>`: a month name or abbreviation, optionally with a full stop."""
    return rf"(?P<month{n}>{_MONTH_NAMES})\.?"


def _day(n: int) -> str:
    """Group `day<n>`: a day number, optionally with an English ordinal suffix."""
    return rf"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"


def _year(n: int) -> str:
    """Group `year<n>`: a four-digit year."""
    return rf"(?P<year{n}>\d{{4}})"


_CLOCK = (
    r"(?:,?\s(?:at\s)?(?:(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s?(?P<ampm>[ap])m)?|(?P<bare_hour>\d{1,2})\s?(?P<bare_ampm>[ap])m))?"
)
#: Month-name dates: "apr 10, 2023", "19 nov 2019", "december 19th 2025", "april 2024", "apr 12".
_NAMED = re.compile(
    rf"(?:{_month(1)}\s{_day(1)}(?:,?\s{_year(1)})?|{_day(2)}\s{_month(2)},?(?:\s{_year(2)})?"
    rf"|{_month(3)}\s{_year(3)}){_CLOCK}"
)
#: Numeric dates with the year last ("02/10/2020", "1-27-2026") or first ("2019/1/22").
_NUMERIC = re.compile(
    rf"(?:(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})"
    rf"|(?P<y4>\d{{4}})(?P<sep2>[/.])(?P<m>\d{{1,2}})(?P=sep2)(?P<d>\d{{1,2}})){_CLOCK}"
)
#: First reference time of `absolute.parse`: a year-less date after it falls in the year before.
_FIRST_BASE = datetime(2001, 1, 1, 12, 0)


def read(text: str, date_order: str | None) -> Absolute | None:
    """The absolute reading of a common shape, or None (not a known shape, or in doubt)."""
    if match := _NAMED.fullmatch(text):
        return _named(text, match)
    if match := _NUMERIC.fullmatch(text):
        return _numeric(text, match, date_order)
    return None


def _named(text: str, match: re.Match[str]) -> Absolute | None:
    """A month-name date."""
    groups = match.groupdict()
    month = _MONTHS[groups["month1"] or groups["month2"] or groups["month3"]]
    year_text = groups["year1"] or groups["year2"] or groups["year3"]
    day_text = groups["day1"] or groups["day2"]
    if day_text is None:  # "april 2024": a month
        return _value(text, match, int(year_text), month, 1, dayless=True)
    if year_text is None:
        return _yearless(text, match, month, int(day_text))
    return _value(text, match, int(year_text), month, int(day_text))


def _numeric(text: str, match: re.Match[str], date_order: str | None) -> Absolute | None:
    """A numeric date in the page's day order (month first when the page states none)."""
    if match["y4"]:
        return _value(text, match, int(match["y4"]), int(match["m"]), int(match["d"]))
    order = date_order or "MDY"
    if order not in ("MDY", "DMY"):
        return None
    first, second = int(match["a"]), int(match["b"])
    month, day = (first, second) if order == "MDY" else (second, first)
    return _value(text, match, int(match["y"]), month, day)


def _clock(match: re.Match[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second) of the time after the date (midnight without one), or None
    when the time is impossible."""
    if match["bare_hour"]:
        hour, minute, second, ampm = int(match["bare_hour"]), 0, 0, match["bare_ampm"]
    elif match["hour"]:
        hour, minute, ampm = int(match["hour"]), int(match["minute"]), match["ampm"]
        second = int(match["second"] or 0)
    else:
        return 0, 0, 0
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _value(
    text: str, match: re.Match[str], year: int, month: int, day: int, dayless: bool = False
) -> Absolute | None:
    """The Absolute of a dated value (None when the date or time is impossible)."""
    clock = _clock(match)
    if clock is None or (dayless and clock != (0, 0, 0)):
        return None
    try:
        value = datetime(year, month, day, *clock)
    except ValueError:
        return None
    return reading(text, value, dayless=dayless)


def _yearless(text: str, match: re.Match[str], month: int, day: int) -> Absolute | None:
    """A date without its year, in the year `absolute.parse` gives it (its first base's past)."""
    clock = _clock(match)
    if clock is None or (month, day) in ((1, 1), (2, 29)):
        return None  # on the base's day, or not in every year: left to dateparser
    try:
        value = datetime(_FIRST_BASE.year, month, day, *clock)
    except ValueError:
        return None
    if value > _FIRST_BASE:
        value = value.replace(year=_FIRST_BASE.year - 1)
    return reading(text, value, yearless=True)
