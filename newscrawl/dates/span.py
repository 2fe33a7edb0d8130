"""`find_date_span`: where a date expression sits inside a longer, possibly glued, string."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newscrawl.dates.lexicon import DEFAULT_ORDER
from newscrawl.dates.tables import COMPACT_UNITS, TABLES

_UNIT_TOKENS = frozenset(
    {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
)
_DIRECTION = frozenset({"ago", "in", "later"})
_DAY_WORDS = frozenset({"now", "today", "yesterday", "tomorrow", "2 day ago", "3 day ago"})
_NUMERIC_DATE = (
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
    r"|\d{1,2}/\d{1,2}(?=\s*[(（])"
    r"|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日"
)
_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?!\d)(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?(?:,?\s+\d{4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}"
)
#: Month names of the other languages the resolver reads (de, fr, es, it, pt, nl), for dates
#: written day first: "12. März 2023", "12 de marzo de 2023", "3 augustus 2023".
_FOREIGN_MONTH_NAMES = (
    "januar jänner februar märz april mai juni juli august september oktober november dezember",
    "janvier février avril juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre",
    "diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre",
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro",
    "januari februari maart mei augustus",
)
_FOREIGN_MONTH_WORDS = frozenset(" ".join(_FOREIGN_MONTH_NAMES).split())
_FOREIGN_MONTHS = "|".join(sorted(_FOREIGN_MONTH_WORDS, key=len, reverse=True))
#: Three-letter month forms between numbers: "04-ago-2021", "12.Mär.2024", "3/okt/2023".
_SHORT_MONTHS = "|".join(sorted({n[:3] for n in _FOREIGN_MONTH_WORDS}))
_FOREIGN = (
    rf"\d{{1,2}}\.?\s*(?:de\s+)?(?:{_FOREIGN_MONTHS})(?![^\W\d_])\.?(?:,?\s+(?:de\s+)?\d{{4}})?"
    rf"|\d{{1,2}}[-/.](?:{_SHORT_MONTHS})\.?[-/.]\d{{4}}"
)
_CLOCK_TAIL = (
    r"(?:\s*[,]?\s*(?:\([^)]{1,3}\)|（[^）]{1,3}）)?\s*"
    r"(?:at|à|um|alle|a las|às|в|o|saat|by)?\s*"
    r"(?<!\d)(?:\d{1,2}[:h.]\d{2}(?::\d{2})?|\d{1,2}時\d{1,2}分|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*[ap]\.?m\.?)?)?"
)


def _alternation(words: Sequence[str]) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _language_pattern(lang: str) -> str:
    """Relative-date pattern for one table language."""
    table = TABLES[lang]
    words = table["words"]
    spaced = table.get("spaced", True)
    units = [w for w, t in words.items() if t in _UNIT_TOKENS]
    compact = list(COMPACT_UNITS) if lang == "en" else []
    numbers = [w for w, t in words.items() if t.replace(".", "").isdigit() or t == "last"]
    directions = [w for w, t in words.items() if t in _DIRECTION]
    day_words = [w for w, t in words.items() if t in _DAY_WORDS]
    end = r"(?![^\W\d_])" if spaced else ""
    start = r"(?<![^\W\d_])" if spaced else ""
    gap = r"\s+" if spaced else r"\s*"
    digits = r"\d+(?:[.,]\d+)?\s*"
    unit = f"(?:{_alternation(units)}){end}"
    counted = f"(?:{digits}(?:{_alternation(units + compact)}){end})"
    if numbers:
        counted += f"|(?:(?:{_alternation(numbers)}){gap}{unit})"
    amounts = rf"(?:(?:{counted})[\s,]*(?:and\s+)?)+"
    direction = f"(?:{_alternation(directions)}){end}" if directions else "(?!)"
    alternatives = [
        rf"{start}{direction}\s*(?:{amounts}|{unit})",
        rf"(?:{amounts}|{start}{unit})\s*{direction}",
        amounts,
    ]
    if day_words:
        alternatives.insert(0, f"{start}(?:{_alternation(day_words)}){end}")
    return "|".join(alternatives)


@lru_cache(maxsize=256)
def _compiled(lang: str) -> re.Pattern[str]:
    """One language's relative pattern followed by an optional clock time."""
    return re.compile(rf"(?:{_language_pattern(lang)}){_CLOCK_TAIL}", re.IGNORECASE)


#: Longest date expression considered when extending a match.
_MAX_SPAN = 80
_GENERIC = re.compile(rf"(?:{_NUMERIC_DATE}|{_MONTHS}|{_FOREIGN}){_CLOCK_TAIL}", re.IGNORECASE)


def _trimmed_end(text: str, start: int, end: int) -> int:
    """`end` moved left over trailing spaces and commas."""
    return start + len(text[start:end].rstrip(" ,"))


def _all_patterns() -> list[re.Pattern[str]]:
    """The generic numeric/month pattern and every table language's relative pattern."""
    return [_GENERIC, *(_compiled(lang) for lang in DEFAULT_ORDER)]


@lru_cache(maxsize=1)
def _any_pattern() -> re.Pattern[str]:
    """All patterns as one alternation: its leftmost match is the leftmost of any of them."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in _all_patterns()), re.IGNORECASE)


def _longest_at(pattern: re.Pattern[str], text: str, start: int) -> int | None:
    """End of the longest non-empty reading of `pattern` starting at `start`, or None."""
    match = pattern.match(text, start)
    if match is None or _trimmed_end(text, start, match.end()) == start:
        return None
    for end in range(min(len(text), start + _MAX_SPAN), match.end(), -1):
        if pattern.fullmatch(text, start, end):
            return _trimmed_end(text, start, end)
    return _trimmed_end(text, start, match.end())


def find_date_span(text: str, languages: Sequence[str] | None = None) -> tuple[int, int] | None:
    """(start, end) of the leftmost, longest date expression in `text`, or None.

    Every language's pattern is tried whatever `languages` says (a hint only changes the
    order, never the leftmost-longest answer), so the result depends on the text alone.
    """
    return _span_of(text)


@lru_cache(maxsize=8192)
def _span_of(text: str) -> tuple[int, int] | None:
    """`find_date_span` of one text (cached: chips and source lines repeat across pages)."""
    position = 0
    while (found := _any_pattern().search(text, position)) is not None:
        start = found.start()
        ends = [end for p in _all_patterns() if (end := _longest_at(p, text, start)) is not None]
        if ends:
            return start, max(ends)
        position = start + 1
    return None
