"""Translate a cleaned chip into canonical English tokens using `tables`."""

from __future__ import annotations

import re
from functools import cache

from newscrawl.dates.normalize import LETTER, fold
from newscrawl.dates.tables import TABLES

#: Languages tried, in order, when the caller names none.
DEFAULT_ORDER: tuple[str, ...] = tuple(TABLES)


class _Lexicon:
    """One language's phrases (exact and `*` stems) compiled into a single regex."""

    def __init__(self, lang: str) -> None:
        table = TABLES[lang]
        self.exact: dict[str, str] = {}
        self.stems: list[tuple[str, str]] = []
        for phrase, token in table["words"].items():
            key = fold(phrase)
            if key.endswith("*"):
                self.stems.append((key[:-1], token))
            else:
                self.exact.setdefault(key, token)
        self.stems.sort(key=lambda item: len(item[0]), reverse=True)
        alternatives = [re.escape(w) for w in sorted(self.exact, key=len, reverse=True)]
        alternatives += [re.escape(stem) + rf"{LETTER}*" for stem, _ in self.stems]
        body = "|".join(alternatives) or "(?!)"
        if table.get("spaced", True):
            self.regex = re.compile(rf"(?<!{LETTER})(?:{body})(?!{LETTER})")
        else:
            self.regex = re.compile(rf"(?:{body})")

    def token(self, match: re.Match[str]) -> str:
        """Canonical replacement for one matched phrase."""
        word = match.group(0)
        if word in self.exact:
            return f" {self.exact[word]} "
        for stem, token in self.stems:
            if word.startswith(stem):
                return f" {token} "
        return word


@cache
def _lexicon(lang: str) -> _Lexicon:
    return _Lexicon(lang)


def build_all() -> None:
    """Compile every language's lexicon now (a process that forks workers shares them)."""
    for lang in TABLES:
        _lexicon(lang)


def translate(text: str, lang: str) -> str | None:
    """Canonical form of `text` in `lang`, or None when the language has no table."""
    if lang not in TABLES:
        return None
    lexicon = _lexicon(lang)
    return " ".join(lexicon.regex.sub(lexicon.token, text).split())


_ALIASES = {"nn": "nb", "no": "nb", "da": "nb", "sv": "nb", "bs": "sr", "hr": "sr", "me": "sr"}


def table_language(code: str) -> str | None:
    """Map a language code ("pt-BR", "zh_TW", "nn-NO") to a table name, if one exists."""
    primary = code.replace("_", "-").split("-")[0].lower()
    primary = _ALIASES.get(primary, primary)
    return primary if primary in TABLES else None
