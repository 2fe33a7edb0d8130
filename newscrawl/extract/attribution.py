"""The source line under the title: who originally published the article, and when it says."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from lxml.html import HtmlElement

from newscrawl.dates import find_date_span
from newscrawl.extract.document import Document, short_text, squash, text_of
from newscrawl.profiles import Profile, normalise_phrase

#: Words that label a date rather than name a source ("time" is an icon ligature on Daily8).
DATE_LABELS = frozenset(
    {
        "time",
        "schedule",
        "clock",
        "access_time",
        "updated",
        "published",
        "posted",
        "last updated",
        "published on",
        "updated on",
    }
)
SEPARATORS = " •|·-—–,:/\u00a0"
MAX_CHIP_CHARS = 100
MAX_NAME_WORDS = 8
SCAN_LIMIT = 60
TEASER_LEVELS = 1
TEASER_WORDS = 4
MAX_TEASER_LINKS = 20


@dataclass(frozen=True, slots=True)
class Chip:
    """A source/date chip: "Korea Herald6 days ago", "time4 days ago • Reuters"."""

    publisher: str | None
    raw_date: str
    text: str


def plausible_name(text: str) -> bool:
    """Whether a fragment next to a date can be a source name."""
    words = text.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(text) <= 60
        and normalise_phrase(text) not in DATE_LABELS
        and any(c.isalpha() for c in text)
    )


def strip_label(text: str) -> str:
    """Drop a trailing date label glued before the date ("Reuterstime" stays "Reuters")."""
    lowered = text.casefold()
    for label in sorted(DATE_LABELS, key=len, reverse=True):
        if lowered.endswith(label) and len(text) > len(label):
            candidate = text[: -len(label)].rstrip(SEPARATORS)
            if candidate and (not text[-len(label) - 1].isalpha() or label == "time"):
                return candidate
    return text


def split_chip(text: str, languages: Sequence[str] | None = None) -> Chip | None:
    """Split a chip into source and the date text exactly as shown."""
    text = squash(text)
    span = find_date_span(text, languages)
    if span is None:
        return None
    start, end = span
    before = text[:start].strip(SEPARATORS)
    after = text[end:].strip(SEPARATORS)
    if normalise_phrase(before) in DATE_LABELS:
        before = ""
    before = strip_label(before) if before else before
    publisher = next((p for p in (before, after) if p and plausible_name(p)), None)
    return Chip(publisher=publisher, raw_date=text[start:end].strip(), text=text)


def headline_element(doc: Document, title: str | None) -> HtmlElement | None:
    """The body element that displays the headline (h1 first, else any element with its text)."""
    body = doc.root.find("body")
    if body is None:
        return None
    target = normalise_phrase(title) if title else None
    for element in body.iter("h1"):
        if target is None or is_phrase(element, target):
            return element
    if target is None:
        return None
    for element in body.iter():
        if isinstance(element.tag, str) and is_phrase(element, target):
            return element
    return None


def in_teaser_card(node: HtmlElement) -> bool:
    """Whether the node sits in a teaser card: its parent holds a headline link.

    A listing card's "Reuters 2 hours ago" describes the linked story, not this page.
    """
    for ancestor in list(node.iterancestors())[:TEASER_LEVELS]:
        for anchor in itertools.islice(ancestor.iter("a"), MAX_TEASER_LINKS):
            if anchor.get("href") and len(text_of(anchor).split()) >= TEASER_WORDS:
                return True
    return False


def is_phrase(element: HtmlElement, phrase: str) -> bool:
    """Whether the element's text, normalised, is `phrase` (casefold never shortens text)."""
    text = short_text(element, len(phrase))
    return text is not None and normalise_phrase(text) == phrase


def chips_after(start: HtmlElement) -> list[HtmlElement]:
    """Short elements that follow `start` in document order (candidates for the source line)."""
    found: list[HtmlElement] = []
    for element in start.itersiblings():
        for node in element.iter():
            if isinstance(node.tag, str) and short_text(node, MAX_CHIP_CHARS) is not None:
                found.append(node)
            if len(found) >= SCAN_LIMIT:
                return found
    parent = start.getparent()
    if parent is not None and parent.tag not in ("body", "html") and len(found) < SCAN_LIMIT:
        found.extend(chips_after(parent)[: SCAN_LIMIT - len(found)])
    return found


def source_line(
    doc: Document, profile: Profile, head: HtmlElement | None, languages: Sequence[str] | None
) -> tuple[Chip | None, HtmlElement | None]:
    """The source/date chip of the article (profile selector first, then near the headline)."""
    selected = doc.elements(profile.select("source_line"))
    nearby = chips_after(head) if head is not None else []
    for element in selected + nearby:
        text = short_text(element, MAX_CHIP_CHARS)
        chip = split_chip(text, languages) if text else None
        if chip and (element in selected or not in_teaser_card(element)):
            return chip, element
    return None, None
