"""dateparser locale data: language detection and translation to canonical English."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from dateparser.conf import Settings
from dateparser.languages.loader import default_loader
from dateparser.languages.locale import Locale

from newscrawl.dates import screen

log = logging.getLogger(__name__)
_SETTINGS = Settings()


@cache
def locale_for(code: str) -> Locale | None:
    """dateparser's locale for a code such as "pt-BR", "zh_CN" or "de", else None."""
    code = code.replace("_", "-")
    for candidate in (code, code.split("-")[0]):
        try:
            return default_loader.get_locale(candidate)
        except (KeyError, ValueError):
            continue
    return None


def hinted(languages: Sequence[str]) -> list[Locale]:
    """Locales for the caller's language hints, unknown codes dropped."""
    found = [locale_for(code) for code in languages]
    return [loc for loc in found if loc is not None]


#: Every locale accepts a date written in digits alone; they differ only in day/month order,
#: and these two (MDY, DMY) read such dates as detection over all locales would.
NUMERIC_LOCALES = ("en", "en-GB")


def for_numeric() -> list[Locale]:
    """Locales for a date without letters, with no detection pass over 200 locales."""
    return hinted(NUMERIC_LOCALES)


def detect(text: str) -> Iterator[Locale]:
    """Locales whose vocabulary covers `text`, in dateparser's popularity order."""
    for loc in default_loader.get_locales():
        if _screened_out(loc, text):
            continue
        try:
            if loc.is_applicable(text, settings=_SETTINGS):
                yield loc
        except Exception:  # dateparser raises assorted errors on odd input
            log.debug("applicability check failed for %s", loc.shortname, exc_info=True)


def _screened_out(loc: Locale, text: str) -> bool:
    """Whether the cheap screen proves `loc` cannot read `text` (False when it cannot tell)."""
    try:
        return screen.cannot_apply(loc, text, _SETTINGS)
    except Exception:  # the full check then decides, as before
        log.debug("screen failed for %s", loc.shortname, exc_info=True)
        return False


@lru_cache(maxsize=16384)
def translate(text: str, shortname: str) -> str | None:
    """dateparser's English translation of `text` in locale `shortname` (cached)."""
    loc = locale_for(shortname)
    if loc is None:
        return None
    try:
        return " ".join(loc.translate(text, keep_formatting=False, settings=_SETTINGS).split())
    except Exception:
        log.debug("translation failed for %r in %s", text, shortname, exc_info=True)
        return None
