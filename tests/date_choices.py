"""Choosing among (raw, basis) date candidates, as the date stage does, for the date tests."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl import datechoice
from newscrawl.extract.model import DateCandidate

FETCHED = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def choose(*candidates: tuple[str, str], order: str | None = None) -> datechoice.Resolved | None:
    """The chosen candidate among (raw, basis) pairs."""
    found = datechoice.resolve_all(
        [DateCandidate(raw, basis) for raw, basis in candidates],
        FETCHED,
        languages=["en"],
        timezone=None,
        date_order=order,
    )
    return datechoice.choose(datechoice.place_yearless(found))


def chosen_day(*candidates: tuple[str, str]) -> str | None:
    """The calendar day of the chosen candidate (None: none chosen)."""
    chosen = choose(*candidates)
    return None if chosen is None else chosen.day
