"""A cheap, sound test that a dateparser locale cannot read a text (skips its costly check).

`Locale.is_applicable` splits the simplified text with three regular expressions built from
every word of the locale (compiling them is most of the first detection's 1.5 CPU-s). For a
locale with word spacing, a word of the locale's dictionary and a relative phrase both start
and end at a non-letter, so every maximal letter run of the simplified text lies whole in one
token; that token is valid only if it is a dictionary word, a relative phrase, or a dropped
ordinal suffix ("st", "nd", "rd", "th"). Without word spacing, every letter lies in such a
token. `cannot_apply` tests exactly that necessary condition (runs as substrings of the
dictionary words or of the relative phrases' letter skeleton), so it never drops a locale that
`is_applicable` accepts; when a phrase uses regex syntax the skeleton does not model, the
locale is always checked in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex
from dateparser.conf import Settings
from dateparser.languages.dictionary import PARENTHESES_PATTERN
from dateparser.languages.locale import Locale
from dateparser.utils import normalize_unicode

#: A letter run as dateparser's boundaries see it: word characters but digits and "_".
_RUN = regex.compile(r"[^\W\d_]+", regex.UNICODE)
_LETTER = regex.compile(r"[^\W\d_]", regex.UNICODE)
#: Atoms of a relative phrase (parentheses already removed) and their quantifier.
_ATOM = regex.compile(
    r"(\\[ds]|\\[!-/:-@\[-`{-~]|\[[^\]\\^\-]*\]|\||[^\\\[\]?*+{.|^$])([?*+]?[+?]?)"
)
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_SEP = "\n"


@dataclass(frozen=True)
class _Vocabulary:
    """What one locale's tokens can hold: dictionary words and the relative skeleton."""

    words: str
    skeleton: str | None
    spaced: bool


def cannot_apply(loc: Locale, text: str, settings: Settings) -> bool:
    """True only when `loc.is_applicable(text)` is certainly False."""
    vocab = _vocabulary(loc, settings)
    if vocab.skeleton is None:
        return False
    simplified = _simplified(loc, text, settings)
    if vocab.spaced:
        return any(not _run_fits(run, vocab) for run in _RUN.findall(simplified))
    return any(not _run_fits(char, vocab) for char in _LETTER.findall(simplified))


def _run_fits(run: str, vocab: _Vocabulary) -> bool:
    """Whether a letter run can be (part of) a valid token of the locale."""
    if run in _ORDINALS or run in vocab.words:
        return True
    assert vocab.skeleton is not None
    return _folded(run).search(vocab.skeleton) is not None


@lru_cache(maxsize=4096)
def _folded(run: str) -> regex.Pattern[str]:
    """The run as a case-insensitive literal, with the relative phrases' own flags."""
    return regex.compile(regex.escape(run), regex.UNICODE | regex.IGNORECASE)


def _simplified(loc: Locale, text: str, settings: Settings) -> str:
    """The text as `is_applicable` hands it to the dictionary's split."""
    text = loc._translate_numerals(text)
    if settings.NORMALIZE:
        text = normalize_unicode(text)
    return loc._simplify(text, settings=settings)


@cache
def _vocabulary(loc: Locale, settings: Settings) -> _Vocabulary:
    """The locale's dictionary words (joined) and relative skeleton, built once."""
    dictionary = loc._get_dictionary(settings)
    words = _SEP.join([*dictionary._dictionary, *settings.SKIP_TOKENS])
    phrases = [PARENTHESES_PATTERN.sub("", phrase) for phrase in dictionary._relative_strings]
    skeletons = [_skeleton(phrase) for phrase in phrases]
    skeleton = None if None in skeletons else _SEP.join(s for s in skeletons if s is not None)
    return _Vocabulary(words, skeleton, not dictionary._no_word_spacing)


def _skeleton(phrase: str) -> str | None:
    """Letters any match of `phrase` can put side by side (others become separators), or None
    when the phrase uses syntax this does not model (letters under a quantifier other than a
    last optional letter, classes with letters, wildcards, other escapes)."""
    out: list[str] = []
    pos, open_end = 0, False
    for match in _ATOM.finditer(phrase):
        if match.start() != pos:
            return None
        pos = match.end()
        piece = _piece(*match.groups())
        if piece is None or (open_end and piece != _SEP):
            return None
        out.append(piece)
        open_end = match.group(2) == "?" and piece not in (_SEP, "")
    return "".join(out) if pos == len(phrase) else None


def _piece(atom: str, quantifier: str) -> str | None:
    """One atom's share of the skeleton: its letter, a separator, "" (may match nothing)."""
    if len(atom) == 1 and _LETTER.match(atom):
        return atom if quantifier in ("", "?") else None
    if atom.startswith("[") and _LETTER.search(atom):
        return None
    if atom == "|":
        return None if quantifier else _SEP
    return "" if quantifier.startswith(("?", "*")) else _SEP
