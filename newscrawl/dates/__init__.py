"""Resolve the dates printed on news pages ("6 days ago", "yesterday at 12:00", "03-06-2025").

`resolve(text, fetched_at)` returns a `ResolvedDate` whose `value` and `precision` mean:

* **second** – `value` is an aware datetime exact to the second ("30 seconds ago", an ISO
  timestamp with seconds).
* **minute** – aware datetime exact to the minute ("9 minutes ago", "yesterday at 12:00",
  "10/12 19:31"). "just now", "a few seconds ago" and "moments ago" are *minute*: the value is
  the fetch time, which such a chip only places within the same minute.
* **hour** – aware datetime exact to the hour ("3 hours ago", "yesterday at 2 pm"); the
  minutes it carries are those of the fetch time and mean nothing.
* **day** – a `date` in the site's zone ("6 days ago", "yesterday", "03-06-2025"): the
  calendar day, no clock time.
* **week** – a `date`: the fetch day minus whole weeks ("last week", "2 weeks ago"); only
  the week it falls in is meant.
* **month** – a `date` whose year and month are meant ("2 months ago", "March 2020").
* **year** – a `date` whose year alone is meant ("3 years ago").

Day arithmetic and wall-clock times happen in the site's `timezone` (IANA name); without
one UTC is used and `timezone_assumed` is True unless the text carries its own offset.
Year-less dates ("March 3", "2月15日 7時0分") take their most recent past occurrence.
Bare durations without "ago" ("15 hrs", "2 min", "3 days") are read as past, as aggregator
chips mean them; `basis` is then "bare-duration" so callers can reject them. Values more
than 100 years from the fetch time are rejected as absurd for a news page.
"""

from __future__ import annotations

from newscrawl.dates.model import DATE_PRECISIONS, Precision, ResolvedDate
from newscrawl.dates.resolver import Resolutions, resolve, resolve_known
from newscrawl.dates.span import find_date_span

__all__ = [
    "DATE_PRECISIONS",
    "Precision",
    "Resolutions",
    "ResolvedDate",
    "find_date_span",
    "resolve",
    "resolve_known",
]
