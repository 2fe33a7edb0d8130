"""Choose an article's publication date among its candidates (rule: docs/dates-choice.md).

Every candidate is resolved against the fetch time; implausible ones are dropped; the
candidates then vote for a calendar day with the weight of their basis, and the best-ranked
candidate on the winning day becomes `datePublished` (so a machine timestamp gives the time
of a day that a visible "May 17, 2024" chose).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newscrawl.dates import Resolutions, ResolvedDate, resolve_known
from newscrawl.extract.dates import HTMLDATE_BASIS, LABELLED_BASIS
from newscrawl.extract.model import DateCandidate

#: Vote of each basis for its day. Visible = shown by the headline; "-updated" = labelled as an
#: update; "-modified" = machine-readable modification stamps (they only tip a close vote).
BASIS_WEIGHTS: dict[str, int] = {
    "meta": 3,
    "jsonld": 3,
    "url": 3,
    "visible": 3,
    "visible-updated": 2,
    "itemprop": 1,
    "time-element": 1,
    "htmldate": 1,
    "jsonld-created": 1,
    "jsonld-modified": 1,
    "meta-modified": 1,
    "labelled": 1,
}
#: Which candidate speaks for the winning day (and breaks ties between days), first to last.
BASIS_ORDER: tuple[str, ...] = (
    "jsonld",
    "meta",
    "itemprop",
    "time-element",
    "url",
    "visible",
    "visible-updated",
    "htmldate",
    "jsonld-created",
    "jsonld-modified",
    "meta-modified",
    "labelled",
)
#: Resolver bases never accepted for a date read off the page ("5 min read" is no date).
REJECTED_RESOLUTIONS = frozenset({"bare-duration"})
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d\d\b")
FUTURE_SLACK = timedelta(days=1)
#: A numeric date whose order is a guess ("03/10/2023": March 10 or 3 October).
_AMBIGUOUS = re.compile(r"\s*(0?[1-9]|1[0-2])[./-](0?[1-9]|1[0-2])[./-]\d")
#: Precisions too coarse to name a day.
COARSE = frozenset({"week", "month", "year"})
#: A shown date more than this before the day machine stamps chose is the original publication.
ORIGINAL_GAP = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A candidate with its resolution and the calendar day it votes for."""

    candidate: DateCandidate
    value: ResolvedDate
    day: str


def weight(basis: str) -> int:
    """Vote of a basis (unknown bases — e.g. a profile's own — count like visible ones)."""
    return BASIS_WEIGHTS.get(basis, BASIS_WEIGHTS["visible"])


def unplaced(item: Resolved) -> bool:
    """A shown year-less date ("July 31") that no stamp gave a year."""
    yearless = item.value.basis == "absolute" and not _YEAR.search(item.candidate.raw)
    placed = item.day != day_of(item.value)
    return yearless and not placed and item.candidate.basis.startswith("visible")


def vote(item: Resolved, shown_years: bool = False) -> int:
    """Weight of a candidate; a shown year-less date no stamp placed counts one less, and not
    at all on a page that shows a date with its year (`shown_years`)."""
    if not unplaced(item):
        return weight(item.candidate.basis)
    return 0 if shown_years else weight(item.candidate.basis) - 1


def rank(basis: str) -> int:
    """Position of a basis in BASIS_ORDER (unknown bases after the visible ones)."""
    return BASIS_ORDER.index(basis) if basis in BASIS_ORDER else BASIS_ORDER.index("visible") + 1


def day_of(value: ResolvedDate) -> str:
    """The calendar day as written at the start of the ISO value (no zone conversion)."""
    return value.iso()[:10]


def plausible(value: ResolvedDate, fetched_at: datetime) -> bool:
    """Not a bare duration, not after the fetch (one day of zone slack)."""
    if value.basis in REJECTED_RESOLUTIONS:
        return False
    moment = value.value
    day = moment.date() if isinstance(moment, datetime) else moment
    return day <= (fetched_at + FUTURE_SLACK).date()


def resolve_all(
    candidates: Sequence[DateCandidate],
    fetched_at: datetime,
    *,
    languages: Sequence[str] | None,
    timezone: str | None,
    date_order: str | None,
    relative: bool = True,
    known: Resolutions | None = None,
) -> list[Resolved]:
    """Resolve every candidate; unparsable and implausible ones are left out, and so are
    relative ones ("3 days ago") when not `relative` (the fetch time is unknown). A
    resolution already in `known` (made with the same inputs) is not made again."""
    found = []
    for candidate in candidates:
        value = resolve_known(
            candidate.raw,
            fetched_at,
            known,
            languages=languages,
            timezone=timezone,
            date_order=date_order,
        )
        if value is not None and not relative and value.basis == "relative":
            continue
        if value is not None and plausible(value, fetched_at):
            found.append(Resolved(candidate, value, day_of(value)))
    return found


def dated(item: Resolved) -> bool:
    """Whether a candidate states its year (a machine stamp, or shown text with a year)."""
    return bool(_YEAR.search(item.candidate.raw)) or not item.candidate.basis.startswith("visible")


def place_yearless(found: list[Resolved]) -> list[Resolved]:
    """A shown date without a year ("Apr 12") takes the year of a stamp on the same month-day."""
    stamped = [r for r in found if dated(r)]
    placed = []
    for item in found:
        if dated(item):
            placed.append(item)
            continue
        same = next((d.day for d in stamped if d.day[5:] == item.day[5:]), None)
        placed.append(Resolved(item.candidate, item.value, same) if same else item)
    return placed


#: Endings of the modification bases (stamps and "Updated" dates).
_MODIFICATION = ("-modified", "-updated")
#: Published stamps other than JSON-LD's.
_OTHER_PUBLISHED = frozenset({"meta", "itemprop", "url"})


def regenerated(found: list[Resolved]) -> bool:
    """Whether the JSON-LD datePublished is on the day of its dateModified and no other
    published stamp exists (a CMS that rewrites both on every save)."""
    modified = {r.day for r in found if r.candidate.basis == "jsonld-modified"}
    return any(r.candidate.basis == "jsonld" and r.day in modified for r in found) and not any(
        r.candidate.basis in _OTHER_PUBLISHED for r in found
    )


def tally(found: list[Resolved]) -> dict[str, int]:
    """Votes per calendar day, days in the order they first appear."""
    votes: dict[str, int] = {}
    shown_years = any(
        item.candidate.basis.startswith("visible") and _YEAR.search(item.candidate.raw)
        for item in found
    )
    stale = regenerated(found)
    echoed = modification_days(found)
    for item in found:
        basis = item.candidate.basis
        if basis == HTMLDATE_BASIS and item.day in echoed:
            continue  # htmldate repeating a modification date adds no evidence
        demoted = stale and basis == "jsonld"
        votes[item.day] = votes.get(item.day, 0) + (1 if demoted else vote(item, shown_years))
    return votes


def modification_days(found: list[Resolved]) -> set[str]:
    """Days named by a modification stamp or an "Updated" date and by no published-side
    candidate (htmldate and the labelled fallback are neither)."""
    modified = _modified_days(found)
    published = {
        r.day
        for r in found
        if not r.candidate.basis.endswith(_MODIFICATION)
        and r.candidate.basis not in (HTMLDATE_BASIS, LABELLED_BASIS)
    }
    return modified - published


def choose(found: list[Resolved]) -> Resolved | None:
    """The best-ranked candidate on the day with the heaviest vote."""
    if not found:
        return None
    votes = tally(found)
    best = {
        day: min((r for r in found if r.day == day), key=lambda r: rank(r.candidate.basis))
        for day in votes
    }
    shown = independently_shown(found)
    day = max(votes, key=lambda d: (votes[d], d in shown, -rank(best[d].candidate.basis)))
    chosen = original_shown(found, best[day]) or best[day]
    day = chosen.day
    if chosen.day != day_of(chosen.value):
        return Resolved(chosen.candidate, _on_day(chosen.value, day), day)
    return chosen


def independently_shown(found: list[Resolved]) -> set[str]:
    """Days of unlabelled shown dates that state their year and that no modification stamp
    or "Updated" label shares: a tie between such a day and a machine day goes to the shown
    one (docs/dates-choice.md, rule 3)."""
    shown = {
        r.day
        for r in found
        if r.candidate.basis == "visible"
        and r.value.basis == "absolute"
        and r.value.precision not in COARSE
        and _YEAR.search(r.candidate.raw)
    }
    return shown - _modified_days(found)


def _modified_days(found: list[Resolved]) -> set[str]:
    """Days named by a modification stamp or an "Updated" date."""
    return {r.day for r in found if r.candidate.basis.endswith(_MODIFICATION)}


def original_shown(found: list[Resolved], winner: Resolved) -> Resolved | None:
    """The first unlabelled shown date, with its year, over a day before a machine winner
    that no unlabelled shown date backs.

    A page that shows an older date than its machine stamps was republished or migrated: the
    shown date is the original publication (docs/dates-choice.md, rule 4).
    """
    shown = [item for item in found if item.candidate.basis == "visible"]
    if winner.candidate.basis.startswith("visible") or any(i.day == winner.day for i in shown):
        return None
    latest = date.fromisoformat(winner.day) - ORIGINAL_GAP
    return next(
        (
            item
            for item in shown
            if item.value.basis == "absolute"
            and item.value.precision not in COARSE
            and _YEAR.search(item.candidate.raw)
            and not _AMBIGUOUS.match(item.candidate.raw)
            and date.fromisoformat(item.day) < latest
        ),
        None,
    )


def _on_day(value: ResolvedDate, day: str) -> ResolvedDate:
    """A year-less value moved to the year of the day it was placed on."""
    year = date.fromisoformat(day).year
    moved = value.value.replace(year=year)
    return ResolvedDate(moved, value.precision, value.raw, value.basis, value.timezone_assumed)


def decided_without(found: list[Resolved], basis: str) -> bool:
    """Whether `choose(place_yearless(...))` is the same with one more candidate of `basis`
    appended, whatever its day (`basis` must be a machine one, which states its year).

    So when no shown date waits for a year to be placed, the winning day leads every other
    day by more than that candidate's vote, and the winner's basis ranks no later than it.
    """
    if not found or not all(dated(item) for item in found):
        return False
    chosen = choose(found)
    if chosen is None:
        return False
    votes = tally(found)
    lead = votes[chosen.day] - max((v for d, v in votes.items() if d != chosen.day), default=0)
    return lead > weight(basis) and rank(chosen.candidate.basis) <= rank(basis)
