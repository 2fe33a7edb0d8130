"""Language-neutral clean-up of a date chip before any parsing."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newscrawl.dates.tables import COMPACT_UNITS, LABELS, SEPARATORS

_SPACES = re.compile(r"\s+")
_LABEL_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")\s*[:：]?\s+(?=\S)"
)
_COMPACT_RE = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*("
    + "|".join(re.escape(u) for u in sorted(COMPACT_UNITS, key=len, reverse=True))
    + r")(?![\w])",
)
_APOSTROPHES = str.maketrans({c: "'" for c in "ʼꞌ‵′’‘`´ʻʹ՚"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _mark_class() -> str:
    """Regex class body of the BMP's combining marks (Indic vowel signs, viramas, …)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


#: One letter of a word, combining marks included (Python's \w leaves them out).
LETTER = rf"(?:[^\W\d_]|[{_mark_class()}])"


def fold(text: str) -> str:
    """The character folding `clean` applies, for table phrases too."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return text.translate(_INVISIBLE).lower()


def to_ascii_digits(text: str) -> str:
    """Replace every Unicode decimal digit (Arabic-Indic, Devanagari, …) by its ASCII form."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text
    )


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """NFKC, ASCII digits, one apostrophe, lower case, collapsed spaces, labels stripped."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)  # leaked JSON escapes
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = to_ascii_digits(text).translate(_INVISIBLE).lower()
    text = _SPACES.sub(" ", text).strip(" \t\n,;:-–—•|·")
    return strip_labels(text)


def strip_labels(text: str) -> str:
    """Drop leading UI labels ("Updated:", "Published") repeatedly."""
    while True:
        stripped = _LABEL_RE.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def segments(text: str) -> list[str]:
    """Split a chip on source separators ("2 hours ago • Reuters") into its parts."""
    parts = [text]
    for sep in SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(sep)]
    return [part for part in parts if part]


def expand_compact(text: str) -> str:
    """Rewrite English compact units ("10h", "52m", "3 hrs") as canonical unit words."""
    return _COMPACT_RE.sub(lambda m: f"{m.group(1)} {COMPACT_UNITS[m.group(2)]} ", text).strip()
