"""The resolved-date value object shared by the resolver and the pipelines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

Precision = Literal["second", "minute", "hour", "day", "week", "month", "year"]

#: Precisions whose value is a calendar date (no time of day).
DATE_PRECISIONS: frozenset[str] = frozenset({"day", "week", "month", "year"})


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date read off a page, resolved against the fetch time."""

    value: date | datetime
    precision: Precision
    raw: str
    basis: str = "text"
    timezone_assumed: bool = False

    def iso(self) -> str:
        """ISO form: a date for day precision or coarser, else a datetime with offset."""
        if self.precision in DATE_PRECISIONS:
            day = self.value.date() if isinstance(self.value, datetime) else self.value
            return day.isoformat()
        assert isinstance(self.value, datetime)
        return self.value.isoformat()
