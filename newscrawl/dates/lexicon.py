"""Translate a cleaned chip into canonical English tokens using `tables`."""

from __future__ import annotations

import re
from functools import lru_cache

from newscrawl.dates.tables import TABLES

#: Languages tried, in order, when the caller names none.
DEFAULT_ORDER: tuple[str, ...] = tuple(TABLES)


@lru_cache(maxsize=None)
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """Compiled longest-first phrase alternation for one language."""
    table = TABLES[lang]
    words = table["words"]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if table.get("spaced", True):
        regex = rf"(?<!\w)(?:{alternation})(?!\w)"
    else:
        regex = rf"(?:{alternation})"
    return re.compile(regex), words


def translate(text: str, lang: str) -> str | None:
    """Canonical form of `text` in `lang`, or None when the language has no table."""
    if lang not in TABLES:
        return None
    pattern, words = _pattern(lang)
    out = pattern.sub(lambda m: f" {words[m.group(0)]} ", text)
    return " ".join(out.split())


def table_language(code: str) -> str | None:
    """Map a language code ("pt-BR", "zh_TW") to a table name, if one exists."""
    primary = code.replace("_", "-").split("-")[0].lower()
    return primary if primary in TABLES else None
