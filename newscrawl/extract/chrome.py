"""Decide what is aggregator chrome: blocks removed before extraction, lines dropped after."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from newscrawl.extract.closing import is_signup_prompt
from newscrawl.extract.document import (
    Document,
    detach,
    phrase_elements,
    squash,
    text_of,
    text_prefix,
)
from newscrawl.extract.names import COMMENT_WORDS, names
from newscrawl.extract.prose import Prose
from newscrawl.extract.recall import story_block
from newscrawl.profiles import Profile, normalise_phrase

#: Tags that can carry a section heading such as "Comments" or "Related Articles".
HEADING_TAGS = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "strong", "b", "p", "header"]
)
MAX_HEADING_CHARS = 60


def contains_any(block: HtmlElement, protected: Iterable[HtmlElement]) -> bool:
    """Whether `block` is, or contains, one of the protected elements."""
    return any(block is p or block in p.iterancestors() for p in protected)


def heading_block(heading: HtmlElement, protected: list[HtmlElement]) -> HtmlElement | None:
    """The largest block that starts with `heading` and holds none of the protected elements."""
    start = normalise_phrase(text_of(heading))
    block: HtmlElement | None = None
    node = heading
    while node is not None and node.tag not in ("body", "html"):
        if contains_any(node, protected):
            break
        if not normalise_phrase(text_prefix(node, len(start))).startswith(start):
            break
        block = node
        node = node.getparent()
    return block


def heading_blocks(
    doc: Document, headings: frozenset[str], protected: list[HtmlElement]
) -> list[HtmlElement]:
    """Blocks opened by a chrome heading ("Comments", "Related Articles", "DOWNLOAD THE APP")."""
    blocks: list[HtmlElement] = []
    for element, text in phrase_elements(doc.root, headings, MAX_HEADING_CHARS):
        if element.tag not in HEADING_TAGS or not text:
            continue
        block = heading_block(element, protected)
        if block is not None and block not in blocks:
            blocks.append(block)
    return blocks


TABLE_TAGS = frozenset(["table", "thead", "tbody", "tfoot", "tr", "td", "th"])


def in_table(element: HtmlElement) -> bool:
    """Whether the element is part of a table (data rows are body text, never a source line).

    >>> from lxml.html import fromstring
    >>> in_table(fromstring("<table><tr><td>HD 225.86</td></tr></table>").find(".//td"))
    True
    >>> in_table(fromstring("<div><p>Reuters, 2 hours ago</p></div>").find(".//p"))
    False
    """
    return element.tag in TABLE_TAGS or any(a.tag in TABLE_TAGS for a in element.iterancestors())


def drop(element: HtmlElement) -> None:
    """Remove an element from its tree, keeping the text that follows it."""
    detach(element)


#: Page-layout tags that some sites (site builders) use for the section holding the story.
LAYOUT_TAGS = frozenset(["header"])
#: Words of running-text paragraphs that make a layout block the story, not chrome.
STORY_WORDS = 150


#: Tags the body extractor drops by itself; a story block with one of them becomes a <div>.
NEUTRAL_TAGS = frozenset(["aside", "footer", "nav", "form", "button"])


def is_story(element: HtmlElement, prose: dict[HtmlElement, int], page_prose: int) -> bool:
    """A block matched by a removal rule that is the story itself: a `<header>` holding
    paragraphs of running text, or any block (a "share" wrapper, an unclosed `<button>`) that
    holds most of the page's prose (`prose` is `prose_by_block`), unless it is hidden or a
    comment section."""
    words = prose.get(element, 0)
    if element.tag in LAYOUT_TAGS:
        return words >= STORY_WORDS
    if words < STORY_WORDS or 2 * words <= page_prose or element.get("aria-hidden") == "true":
        return False
    return not COMMENT_WORDS.search(names(element))


#: Words a section's `<header>` (its subheading, perhaps a line under it) holds at most.
SECTION_HEADER_WORDS = 30


def is_section_header(element: HtmlElement, block: HtmlElement | None) -> bool:
    """A `<header>` of a section inside the story block `block`: a short one holding a
    subheading (h2–h6) and no headline (h1), such as "#1. Wix: Best All-in-One Builder"."""
    if element.tag != "header" or block is None or block not in element.iterancestors():
        return False
    if next(element.iter("h1"), None) is not None:
        return False
    if next(element.iter("h2", "h3", "h4", "h5", "h6"), None) is None:
        return False
    return len(element.text_content().split()) <= SECTION_HEADER_WORDS


def remove_chrome(
    doc: Document, profile: Profile, protected: list[HtmlElement], counted: Prose | None = None
) -> int:
    """Remove chrome blocks in place (profile selectors, then heading-anchored); return count.

    Section headers inside the story block (`is_section_header`) stay. `counted` (the running
    text of `doc`'s tree, when the caller reads it afterwards) is kept true to the tree.
    """
    removable = doc.removable(profile.select("remove"))
    counted = Prose(doc.root) if counted is None else counted
    prose, page_prose = counted.words, counted.words.get(doc.root, 0)
    block = story_block(doc.root, prose)
    story = None if block is doc.root else block
    selected: list[HtmlElement] = []
    for element in removable:
        if is_story(element, prose, page_prose):
            if element.tag in NEUTRAL_TAGS:
                element.tag = "div"  # so the body extractor does not drop it either
        elif not contains_any(element, protected) and not is_section_header(element, story):
            selected.append(element)
    anchored = heading_blocks(doc, profile.chrome_headings, protected)
    removed = 0
    for element in selected + anchored:
        if element.getparent() is not None:
            counted.detach(element)
            removed += 1
    return removed


#: Whole lines that are an author box's label or a newsletter prompt's heading, with a name,
#: a pager's position, a teaser behind an ad/related label, or a site's copyright notice:
#: "Written by Jane Doe", "Join Our Genius Newsletter", "Page 1 of 8", "Advertisement: New AI
#: Book!", "You might also like: …", "© Copyright 2004-2025 Jane Doe. All Rights Reserved.".
LABEL_LINE = re.compile(
    r"(?i:written by)(?: [A-Z][\w.'-]*){1,4}|(?i:join our(?: [\w-]+){0,3} newsletter!?)"
    r"|(?i:page \d+ of \d+)"
    r"|(?i:(?:advertisement|sponsored|you (?:might|may) also like)\s*:.{0,150})"
    r"|(?i:(?:©|copyright\b).{0,120}all rights reserved\.?)"
)


#: Paywall and "support us" notes, and asks to rate the post: "This article is exclusive to
#: STAT+ subscribers", "This story is funded by readers like you", "please support us by
#: donating", "Did you make one of my recipes? Please take a moment to leave a star rating".
SUPPORT_NOTE = re.compile(
    r"funded by readers|exclusive to [\w+ ]{1,30} subscribers"
    r"|\bsupport (?:us|our journalism|independent journalism)\b"
    r"|\bbecome a (?:member|patron|paid subscriber)\b"
    r"|please consider (?:liking|sharing|subscribing|supporting|donating)"
    r"|\bleave a (?:star )?rating\b|\brate (?:this|the) recipe\b",
    re.I,
)
#: Words up to which a line holding a support note is that note, not a story paragraph (a
#: closing note names the newsletter or podcast before it asks: "X is a production of Y. If
#: you liked this article, please consider sharing …").
SUPPORT_NOTE_WORDS = 70


def is_chrome_line(line: str, profile: Profile, extra: frozenset[str]) -> bool:
    """Whether a whole line of extracted text is chrome."""
    key = normalise_phrase(line)
    if key in profile.chrome_phrases or key in extra or is_label_line(line):
        return True
    return is_support_note(line) or is_signup_prompt(line)


def is_support_note(line: str) -> bool:
    """Whether a short line is a paywall or "support us" note.

    >>> is_support_note("This story is funded by readers like you")
    True
    >>> is_support_note("PnP expanded to support USB devices and more dynamic environments.")
    False
    """
    return len(line.split()) <= SUPPORT_NOTE_WORDS and SUPPORT_NOTE.search(line) is not None


def is_label_line(line: str) -> bool:
    """Whether the line is an author-box label, a newsletter heading, a pager or a labelled teaser.

    >>> is_label_line("Written by Jane Doe"), is_label_line("Join Our Genius Newsletter")
    (True, True)
    >>> is_label_line("Page 1 of 8"), is_label_line("Page 1 of the report was missing")
    (True, False)
    >>> is_label_line("Advertisement: New AI Book!"), is_label_line("Advertisement spending fell.")
    (True, False)
    >>> is_label_line("Written by hand"), is_label_line("Join our team")
    (False, False)
    """
    return LABEL_LINE.fullmatch(line.strip()) is not None


def clean_lines(text: str, profile: Profile, extra: Iterable[str]) -> list[str]:
    """Paragraphs of extracted text without chrome lines."""
    drop_keys = frozenset(normalise_phrase(x) for x in extra if x)
    lines = (squash(line) for line in text.splitlines())
    return [line for line in lines if line and not is_chrome_line(line, profile, drop_keys)]
