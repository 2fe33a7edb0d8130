"""A tiny grammar over canonical English tokens ("2 hour ago", "yesterday 12:00").

It turns a token string into an `Expression` (signed unit amounts, an optional
time of day, weekday or "now"); `apply` resolves it against a local base time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from newscrawl.dates.model import Precision

#: Canonical units, finest first, with aliases produced by dateparser's translation.
UNITS: dict[str, str] = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
ORDER: tuple[str, ...] = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
)
#: How a fractional amount of a unit is carried into the next finer unit.
_FINER: dict[str, tuple[str, int]] = {
    "century": ("year", 100),
    "decade": ("year", 10),
    "year": ("month", 12),
    "month": ("day", 30),
    "fortnight": ("day", 14),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}
_PRECISION: dict[str, Precision] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
WEEKDAYS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        )
    )
    for name in names.split()
}
_IGNORED = frozenset({"", ",", ".", "at", "and", "by", "on", "the", "of", "about", "around"})
_TOKEN = re.compile(
    r"(?P<clock>\d{1,2}[:h]\d{2}(?::\d{2})?)(?:\s*(?P<ampm1>[ap])\.?m\.?)?"
    r"|(?P<hourampm>\d{1,2})\s*(?P<ampm2>[ap])\.?m\.?(?!\w)"
    r"|(?P<number>[+-]?\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sign>[+-])"
    r"|(?P<other>\S)"
)


@dataclass
class Expression:
    """A parsed relative expression."""

    terms: dict[str, float] = field(default_factory=dict)
    clock: tuple[int, int, int, Precision] | None = None
    weekday: int | None = None
    now: bool = False
    bare: bool = True


class _Parser:
    """Single-use recursive-descent parser over one token string."""

    def __init__(self, text: str) -> None:
        self.expr = Expression()
        self.pending: float | None = None
        self.sign = -1
        self.direction = 0  # -1 past (ago), +1 future (in/later), 0 unstated
        self.explicit_sign = False
        self.implicit: str | None = None
        self.text = text

    def parse(self) -> Expression | None:
        """Consume every token or fail."""
        for match in _TOKEN.finditer(self.text):
            if not self._token(match):
                return None
        if self.pending is not None or not self._meaningful():
            return None
        return self._finish()

    def _meaningful(self) -> bool:
        e = self.expr
        return bool(e.terms) or e.now or e.clock is not None or e.weekday is not None

    def _finish(self) -> Expression:
        if self.direction > 0 and not self.explicit_sign:
            self.expr.terms = {u: -v for u, v in self.expr.terms.items()}
        self.expr.bare = self.direction == 0 and not self.explicit_sign
        return self.expr

    def _token(self, m: re.Match[str]) -> bool:
        kind = m.lastgroup
        if kind == "clock" or kind == "ampm1":
            return self._clock(m.group("clock"), m.group("ampm1"))
        if kind == "ampm2":
            return self._hour_ampm(int(m.group("hourampm")), m.group("ampm2"))
        if kind == "number":
            return self._number(m.group("number"))
        if kind == "sign":
            self.sign = -1 if m.group("sign") == "-" else 1
            self.explicit_sign = True
            return True
        if kind == "word":
            return self._word(m.group("word"))
        return m.group(0) in _IGNORED

    def _number(self, raw: str) -> bool:
        if self.pending is not None:
            return False
        raw = raw.replace(",", ".")
        if self.implicit is not None and raw[0] not in "+-":
            unit, self.implicit = self.implicit, None  # "minutu 1": the count follows the unit
            self.expr.terms[unit] += self.sign * (float(raw) - 1.0)
            return True
        if raw[0] in "+-":
            self.sign = -1 if raw[0] == "-" else 1
            self.explicit_sign = True
            raw = raw[1:]
        self.pending = float(raw)
        return True

    def _word(self, word: str) -> bool:
        if word in UNITS:
            return self._unit(UNITS[word])
        handler = _WORDS.get(word)
        if handler is not None:
            return handler(self)
        if word in WEEKDAYS and self.expr.weekday is None:
            self.expr.weekday = WEEKDAYS[word]
            self.pending = None
            return True
        return word in _IGNORED

    def _unit(self, unit: str) -> bool:
        amount = 1.0 if self.pending is None else self.pending
        self.implicit = unit if self.pending is None and unit not in self.expr.terms else None
        self.pending = None
        self.expr.terms[unit] = self.expr.terms.get(unit, 0.0) + self.sign * amount
        return True

    def _clock(self, raw: str, ampm: str | None) -> bool:
        if self.expr.clock is not None or self.pending is not None:
            return False
        parts = [int(p) for p in re.split(r"[:h]", raw)]
        minute = parts[1]
        second = parts[2] if len(parts) > 2 else 0
        hour = _ampm(parts[0], ampm)
        if hour is None or hour > 23 or minute > 59 or second > 59:
            return False
        self.expr.clock = (hour, minute, second, "second" if len(parts) > 2 else "minute")
        return True

    def _hour_ampm(self, hour: int, ampm: str) -> bool:
        converted = _ampm(hour, ampm)
        if converted is None or self.expr.clock is not None:
            return False
        self.expr.clock = (converted, 0, 0, "hour")
        return True

    def _past(self) -> bool:
        self.direction = -1
        return True

    def _future(self) -> bool:
        self.direction = 1
        return True

    def _now(self) -> bool:
        self.expr.now = True
        return True

    def _days(self, n: int) -> bool:
        self.expr.terms["day"] = self.expr.terms.get("day", 0.0) - n
        self.direction = self.direction or -1
        return True

    def _modifier(self, amount: float) -> bool:
        if self.pending is not None:
            return False
        self.pending = amount
        self.direction = self.direction or -1
        return True


def _ampm(hour: int, ampm: str | None) -> int | None:
    """24-hour value of `hour` with an optional a/p marker."""
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if ampm == "p" else 0)


_WORDS = {
    "ago": _Parser._past,
    "before": _Parser._past,
    "in": _Parser._future,
    "later": _Parser._future,
    "after": _Parser._future,
    "now": _Parser._now,
    "today": lambda p: p._days(0),
    "yesterday": lambda p: p._days(1),
    "tomorrow": lambda p: p._days(-1),
    "last": lambda p: p._modifier(1.0),
    "this": lambda p: p._modifier(0.0),
    "next": lambda p: p._future() and p._modifier(1.0),
    "noon": lambda p: p._clock("12:00", None),
    "midnight": lambda p: p._clock("0:00", None),
    "a": lambda p: p._modifier(1.0),
    "an": lambda p: p._modifier(1.0),
}


def parse(text: str) -> Expression | None:
    """Parse canonical tokens, or None when any token is not understood."""
    return _Parser(text).parse()


def _integral_terms(terms: dict[str, float]) -> dict[str, int]:
    """Carry fractional amounts into finer units until every amount is whole."""
    out: dict[str, float] = dict(terms)
    for unit in reversed(ORDER):
        value = out.get(unit)
        if value is None or value == int(value):
            continue
        if unit not in _FINER:
            return {k: round(v) for k, v in out.items()}
        finer, factor = _FINER[unit]
        whole = float(int(value))
        out[unit] = whole
        out[finer] = out.get(finer, 0.0) + (value - whole) * factor
    return {k: round(v) for k, v in out.items() if v or k in terms}


def finest(terms: dict[str, int]) -> str:
    """The finest unit that occurs in `terms`."""
    return min(terms, key=ORDER.index)


def delta(terms: dict[str, int]) -> relativedelta:
    """A relativedelta for canonical unit amounts."""
    years = terms.get("year", 0) + 10 * terms.get("decade", 0) + 100 * terms.get("century", 0)
    days = terms.get("day", 0) + 7 * terms.get("week", 0) + 14 * terms.get("fortnight", 0)
    return relativedelta(
        years=years,
        months=terms.get("month", 0),
        days=days,
        hours=terms.get("hour", 0),
        minutes=terms.get("minute", 0),
        seconds=terms.get("second", 0),
    )


def apply(expr: Expression, base: datetime) -> tuple[date | datetime, Precision] | None:
    """Resolve `expr` against the aware local `base`; None when it makes no sense."""
    terms = _integral_terms(expr.terms)
    if expr.weekday is not None:
        return _weekday(expr, base, terms)
    if not terms:
        if expr.clock is not None:
            return _at_clock(base.date(), expr.clock, base, latest=base)
        return base.replace(microsecond=0), "minute"
    unit = finest(terms)
    if expr.clock is not None:
        if ORDER.index(unit) < ORDER.index("day"):
            return None
        return _at_clock(base.date() + delta(terms), expr.clock, base, latest=None)
    if ORDER.index(unit) >= ORDER.index("day"):
        return base.date() + delta(terms), _PRECISION[unit]
    return _instant(base, terms), _PRECISION[unit]


def _instant(base: datetime, terms: dict[str, int]) -> datetime:
    """Sub-day units move the instant (DST-safe); calendar units move the wall clock."""
    sub = timedelta(
        hours=terms.get("hour", 0), minutes=terms.get("minute", 0), seconds=terms.get("second", 0)
    )
    calendar = {k: v for k, v in terms.items() if k not in ("hour", "minute", "second")}
    wall = base + delta(calendar) if calendar else base
    tz = base.tzinfo
    return (wall.astimezone(tz) + sub).astimezone(tz).replace(microsecond=0)


def _at_clock(
    day: date, clock: tuple[int, int, int, Precision], base: datetime, latest: datetime | None
) -> tuple[datetime, Precision]:
    """`day` at a wall-clock time in base's zone; a bare time never lies in the future."""
    hour, minute, second, precision = clock
    if latest is not None and datetime.combine(day, time(hour, minute, second)) > (
        latest.replace(tzinfo=None) + timedelta(minutes=5)
    ):
        day -= timedelta(days=1)
    return datetime.combine(day, time(hour, minute, second), tzinfo=base.tzinfo), precision


def _weekday(
    expr: Expression, base: datetime, terms: dict[str, int]
) -> tuple[date | datetime, Precision] | None:
    """Most recent `expr.weekday` on or before base's day (a week earlier with "last")."""
    if any(u != "day" for u in terms):
        return None
    back = (base.weekday() - (expr.weekday or 0)) % 7
    day = base.date() - timedelta(days=back)
    if expr.clock is not None:
        return _at_clock(day, expr.clock, base, latest=None)
    return day, "day"
