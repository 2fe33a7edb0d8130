"""Authors: JSON-LD author, meta author, visible byline — cleaned of labels, dates and handles.

>>> clean_byline("Written ByMiguel Zabludovsky")
'Miguel Zabludovsky'
>>> split_names("By Ann Lee and Bo Chan Updated: March 3, 2025")
['Ann Lee', 'Bo Chan']
>>> split_names("Hours Ago Steve O'Hear")
["Steve O'Hear"]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml.html import HtmlElement

from newscrawl.extract.document import Document, squash

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|article|story|text|words|author(?:ed)?)\s*)?"
    r"(?:by(?=\s|(?-i:[A-ZÀ-Þ]))|(?:von|par|por|di|door|av|af)(?=\s))\s*[:\-–—]?\s*"
    r"|^(?:authors?|writer|byline|autor(?:in)?|auteur)\s*[:\-–—]?\s+(?:by\s+)?",
    re.I,
)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    "|july|august|september|october|november|december"
)
#: Where a byline stops being names: a date, a time, a label glued after the name.
_STOP = re.compile(
    rf"\s*(?:\d|\b(?:{_MONTHS})\b\.?\s*\d|\b(?:updated|published|posted|last updated|last"
    r"|modified|on|at|am|pm|gmt|utc|ago|min read|read time|reviewed by|fact checked by"
    r"|edited by|follow|share|email|twitter|linkedin)\b)",
    re.I,
)
#: Relative-time chrome glued before a name ("Hours Ago Steve O'Hear").
_LEADING_TIME = re.compile(
    r"^(?:\d+\s*)?(?:an?\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+ago\b\s*",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\||/)\s*", re.I)
_HANDLE = re.compile(r"(?:https?://|www\.)\S+|@\w+")
#: Values that label the author slot instead of naming someone.
NOT_NAMES = frozenset(
    {
        "author",
        "authors",
        "admin",
        "administrator",
        "the author",
        "editor",
        "guest",
        "unknown",
        "staff",
        "by",
        "anonymous",
        "user",
        "webmaster",
    }
)
#: Credentials after a name stay with it ("Genevieve Carlton, Ph.D." is one author).
_CREDENTIAL = re.compile(
    r"^(?:ph\.?d\.?|m\.?d\.?|ms|msc|ma|mba|rd|rdn|cpa|cfp|jd|do|dds|rn|np|pa-c|fand|ld|cdn"
    r"|cepf®?|e-ryt\s*\d*|jr\.?|sr\.?|ii|iii|iv)$",
    re.I,
)
MAX_NAME_WORDS = 5
_CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})


def visible_text(element: HtmlElement) -> str:
    """Text of an element without its scripts and styles."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if not isinstance(node.tag, str) or node.tag in _CODE_TAGS:
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return squash(" ".join(parts))


def clean_byline(text: str) -> str:
    """A byline without its label, handles, leading relative time and trailing date/labels."""
    text = squash(_HANDLE.sub(" ", text))
    text = _LEADING_TIME.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text).strip(" :|-–—•·")
    stop = _STOP.search(text)
    if stop and stop.start() > 0:
        text = text[: stop.start()]
    elif stop:
        text = ""
    return text.strip(" ,;:|-–—•·")


def plausible_name(name: str) -> bool:
    """A person or organisation name, not a label or a login handle."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or name.casefold() in NOT_NAMES:
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    # a single lower-case or dotted word is a login ("andrew.keaveney", "kffnirmitap")
    return not (len(words) == 1 and (name.islower() or any(ch in name for ch in "._=/\\")))


def split_names(text: str) -> list[str]:
    """Names of a byline ("By A and B"), credentials kept with their name."""
    names: list[str] = []
    for part in _SPLIT.split(clean_byline(text)):
        part = squash(part)
        if names and _CREDENTIAL.match(part):
            names[-1] = f"{names[-1]}, {part}"
        elif plausible_name(part) and part not in names:
            names.append(part)
    return names


def _ld_names(value: Any) -> list[str]:
    """Names of a JSON-LD author value (string, Person/Organization, or a list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v)]
    return []


def json_ld_authors(ld: dict[str, Any] | None) -> list[str]:
    """Cleaned JSON-LD author names; each value names one author (not split at 'and')."""
    names: list[str] = []
    for raw in _ld_names((ld or {}).get("author")):
        name = clean_byline(raw)
        if plausible_name(name) and name not in names:
            names.append(name)
    return names


def byline_text(doc: Document, selectors: Iterable[str]) -> str | None:
    """Visible text of the first byline element that has some."""
    for element in doc.elements(tuple(selectors)):
        if text := visible_text(element):
            return text
    return None


_BYLINE_LINE = re.compile(
    r"^(?:(?:written|posted|reported|words|text|story)\s+)?by\b|^(?:author|autor|auteur)\s*:", re.I
)


_PREFIX_ONLY = re.compile(r"(?:(?:written|posted)\s+)?by\s*:?|(?:author|autor|auteur)\s*:", re.I)


def zone_byline(lines: Iterable[str]) -> list[str]:
    """Names of the first "By …" line next to the headline."""
    lines = list(lines)
    for number, line in enumerate(lines):
        if not _BYLINE_LINE.match(line):
            continue
        alone = bool(_PREFIX_ONLY.fullmatch(line)) and number + 1 < len(lines)
        if names := split_names(line + " " + lines[number + 1] if alone else line):
            return names
    return []


def authors(
    doc: Document,
    ld: dict[str, Any] | None,
    site_selectors: tuple[str, ...],
    generic_selectors: tuple[str, ...],
    zone: Iterable[str] = (),
) -> list[str]:
    """Site byline, JSON-LD author, meta author, a "By …" line by the headline, byline element."""
    if (
        site_selectors
        and (text := byline_text(doc, site_selectors))
        and (names := split_names(text))
    ):
        return names
    if names := json_ld_authors(ld):
        return names
    meta = doc.first(
        ("meta[name='author']::attr(content)", "meta[property='article:author']::attr(content)")
    )
    if meta and (names := split_names(meta)):
        return names
    if names := zone_byline(zone):
        return names
    text = byline_text(doc, generic_selectors)
    return split_names(text) if text else []
