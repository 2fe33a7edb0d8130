"""Interim resolver (replaced by the full resolver branch)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from newscrawl.dates.model import ResolvedDate

__all__ = ["ResolvedDate", "find_date_span", "resolve"]

_AGO = re.compile(r"(?P<n>\d+|an?|one) (?P<unit>minute|hour|day|week|month|year)s? ago", re.I)
_DMY = re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})")


def find_date_span(text: str, languages: Sequence[str] | None = None) -> tuple[int, int] | None:
    """Where a date expression sits inside `text`."""
    match = _AGO.search(text) or _DMY.search(text)
    return match.span() if match else None


def resolve(
    text: str,
    fetched_at: datetime,
    *,
    languages: Sequence[str] | None = None,
    timezone: str | None = None,
    date_order: str | None = None,
) -> ResolvedDate | None:
    """Resolve `text` against the fetch time; None for impossible dates ("31-13-2025")."""
    try:
        return _resolve(text, fetched_at, timezone, date_order)
    except (ValueError, OverflowError):
        return None


def _resolve(
    text: str, fetched_at: datetime, timezone: str | None, date_order: str | None
) -> ResolvedDate | None:
    """Resolve `text` (may raise on out-of-range values)."""
    zone = ZoneInfo(timezone) if timezone else UTC
    local = fetched_at.astimezone(zone)
    if m := _AGO.search(text):
        n = 1 if m["n"].lower() in ("a", "an", "one") else int(m["n"])
        unit = m["unit"].lower()
        if unit == "minute":
            return ResolvedDate(
                (local - timedelta(minutes=n)).replace(second=0, microsecond=0), "minute", text
            )
        if unit == "hour":
            value = (local - timedelta(hours=n)).replace(minute=0, second=0, microsecond=0)
            return ResolvedDate(value, "hour", text)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        return ResolvedDate((local - timedelta(days=days)).date(), unit, text)  # type: ignore[arg-type]
    if m := _DMY.search(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        day, month = (b, a) if date_order == "MDY" else (a, b)
        return ResolvedDate(date(y, month, day), "day", text)
    return None
