"""Authors: JSON-LD author, meta author, visible byline — cleaned of labels, dates and handles.

>>> clean_byline("Written ByMiguel Zabludovsky")
'Miguel Zabludovsky'
>>> split_names("By Ann Lee and Bo Chan Updated: March 3, 2025")
['Ann Lee', 'Bo Chan']
>>> split_names("Hours Ago Steve O'Hear")
["Steve O'Hear"]
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from lxml.html import HtmlElement

from newscrawl.extract.document import Document, squash
from newscrawl.extract.headline import host_labels, is_site_name, site_names
from newscrawl.extract.names import names as class_and_id

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|article|story|text|words|author(?:ed)?)\s*)?"
    r"(?:by(?=\s|:|(?-i:[A-ZÀ-Þ]))|(?:von|par|por|di|door|av|af)(?=\s))\s*[:\-–—]?\s*"
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
    r"|edited by|follow|share|email|twitter|linkedin|sponsored)\b)",
    re.I,
)
#: A date or label glued to the end of a name ("Jeffrey ZeldmanNovember 2, 2025").
_GLUED_STOP = re.compile(
    r"(?<=[a-z])(?:Updated|Published|Posted|Last|Modified|Reviewed|On|"
    + "|".join(m.capitalize() for m in _MONTHS.split("|"))
    + r")\b"
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
#: Last words of a label that introduces a name ("Researched by", "Insights from").
_LABEL_ENDS = frozenset({"by", "from", "with", "of", "the", "for", "to"})
_CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})


def visible_text(element: HtmlElement) -> str:
    """Text of an element without its scripts and styles."""
    return squash(" ".join(text_pieces(element)))


def text_pieces(element: HtmlElement) -> list[str]:
    """The element's text nodes in reading order, without scripts and styles."""
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
    return parts


def clean_byline(text: str) -> str:
    """A byline without its label, handles, leading relative time and trailing date/labels."""
    text = squash(_HANDLE.sub(" ", html.unescape(text)))
    text = _GLUED_STOP.sub(" ", text)
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
    return text.strip(" ,;:|-–—•·●")


def plausible_name(name: str) -> bool:
    """A person or organisation name, not a label or a login handle."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or name.casefold() in NOT_NAMES:
        return False
    if len(words) > 1 and words[-1] in _LABEL_ENDS:  # "Researched by", "Insights from"
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    # a single lower-case or dotted word is a login ("andrew.keaveney", "kffnirmitap")
    return not (len(words) == 1 and any(ch in name for ch in "._=/\\"))


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
    return whole_names(_ld_names((ld or {}).get("author")))


def whole_names(values: Iterable[str]) -> list[str]:
    """Each value cleaned as one author's name (never split), implausible and repeated ones
    left out."""
    names: list[str] = []
    for raw in values:
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


#: Class or id words of an element that holds an author's name ("post-hero__author__name").
_AUTHOR_WORD = re.compile(r"(?:^|[\s_-])(?:author|byline|writer)(?:name|s)?(?=$|[\s_-])", re.I)
#: Class or id words of an author's picture, role, biography or links, not the name.
_NOT_NAME_PART = re.compile(
    r"(?:^|[\s_-])(?:avatar|image|img|photo|picture|pic|bio|description|desc|title|role|job"
    r"|position|social|follow|label|prefix|date|time)s?(?=$|[\s_-])",
    re.I,
)
#: Longest text an element naming authors holds (a bio or a comment is longer).
MAX_BYLINE_CHARS = 80


def named_author_elements(doc: Document) -> Iterator[HtmlElement]:
    """Elements whose class or id says they hold an author's name, in document order."""
    for element in doc.root.iter():
        if not isinstance(element.tag, str):
            continue
        name = f"{element.get('class', '')} {element.get('id', '')}"
        if "uthor" not in name and "yline" not in name and "riter" not in name:
            continue
        if _AUTHOR_WORD.search(name) and not _NOT_NAME_PART.search(name):
            yield element


#: An author page's address: ".../author/trevor-jackins" or ".../authors/trevor-jackins/".
_AUTHOR_PAGE = re.compile(r"/authors?/([^/?#]+)/?(?:[?#]|$)", re.I)


def author_links(doc: Document) -> Iterator[HtmlElement]:
    """Links to an author page whose text is the name in its address ("/authors/ann-lee")."""
    for link in doc.root.xpath("//a[contains(@href, '/author')]"):
        match = _AUTHOR_PAGE.search(link.get("href") or "")
        if match and (key := _letters(link.text_content())) and key == _letters(match[1]):
            yield link


def _letters(text: str) -> str:
    """Case-folded letters and digits of a text ("Trevor Jackins" and "trevor-jackins" agree)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def element_bylines(doc: Document, selectors: Iterable[str]) -> Iterator[list[str]]:
    """Names of each byline element outside comments and forms, in selector then page order."""
    elements = doc.elements(tuple(selectors))
    for element in chain(elements, named_author_elements(doc), author_links(doc)):
        text = visible_text(element)
        if len(text) > MAX_BYLINE_CHARS or in_comments_or_form(element):
            continue
        if names := split_names(text):
            yield first_piece_name(element) if len(names) == 1 else names


def first_piece_name(element: HtmlElement) -> list[str]:
    """The name of a byline element's first text piece that names someone: a role in a piece
    of its own after the name is not part of it ("Keith Barry" + "Senior Autos Reporter")."""
    for piece in text_pieces(element):
        if names := split_names(piece):
            return names[:1]
    return []


def in_comments_or_form(element: HtmlElement) -> bool:
    """Whether an element sits in a form or a comment thread (a commenter is not the author)."""
    for node in element.iterancestors():
        if node.tag == "form" or "comment" in class_and_id(node):
            return True
    return False


def shown_in(names: list[str], zone: list[str]) -> bool:
    """Whether the headline's zone shows every name."""
    shown = " ".join(zone).casefold()
    return bool(shown) and all(name.casefold() in shown for name in names)


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
    declared = declared_authors(doc, ld)
    if declared and not stand_ins(declared, doc, ld):
        return declared
    zone = list(zone)
    if names := zone_byline(zone):
        return names
    first: list[str] = []
    for names in element_bylines(doc, generic_selectors):
        if shown_in(names, zone):
            return names
        first = first or names
    return declared or first


#: Metas that name the author (the property form is Open Graph's; some sites use `name=`).
META_AUTHOR = tuple(
    f"meta[{attr}='{key}']::attr(content)"
    for attr, key in (
        ("name", "author"),
        ("property", "article:author"),
        ("name", "article:author"),
        ("property", "og:article:author"),
    )
)


def declared_authors(doc: Document, ld: dict[str, Any] | None) -> list[str]:
    """Authors the page declares to machines: JSON-LD author, else meta author."""
    if names := json_ld_authors(ld):
        return names
    meta = doc.first(META_AUTHOR)
    if meta and (names := split_names(meta)):
        return names
    return citation_authors(doc)


def citation_authors(doc: Document) -> list[str]:
    """Scholarly `citation_author` metas, one author each ("Kaufman, Jeff T." is one name)."""
    head = doc.root.find("head")
    metas = () if head is None else head.iter("meta")
    return whole_names(m.get("content", "") for m in metas if m.get("name") == "citation_author")


def stand_ins(names: list[str], doc: Document, ld: dict[str, Any] | None) -> bool:
    """Whether declared authors only stand in for a person: logins or the site's own name."""
    if all(len(name.split()) == 1 and name.islower() for name in names):
        return True
    sites, hosts = site_names(doc, ld, ()), host_labels(doc)
    return all(is_site_name(name, sites, host) for name in names for host in hosts)
