"""Running text scattered over many blocks, under an undated headline: a service or hub page.

A story's paragraphs sit together in one block (or a few); a service page, a course page or a
section hub spreads its running text over many panels and cards, one or two paragraphs each.
A page whose largest group of running-text paragraphs (grouped by the block two levels above
them) holds under a quarter of the page's running text, and whose headline has no date or
byline next to it (a listicle's entries are scattered too, but it is dated), is scattered
when it also carries several short blurbs beside its running text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml.html import HtmlElement

from newscrawl.extract.document import Document
from newscrawl.extract.pagetype import PARAGRAPH_WORDS

#: A paragraph of running text has this many words.
RUNNING_WORDS = PARAGRAPH_WORDS
#: Paragraphs are grouped by their ancestor this many levels up (wrappers of one or two levels
#: around each paragraph are common in page builders).
GROUP_LEVELS = 2
#: The largest group holding less than this share of the running text is a scattered page …
MAIN_SHARE = 0.25
#: … when the page has at least this many running-text paragraphs, and this many short blurbs
#: (paragraphs of BLURB_WORDS words or more, but not running text: feature blurbs, card
#: summaries; a catalogue of long descriptions has few).
MIN_PARAGRAPHS = 3
MIN_BLURBS = 5
BLURB_WORDS = 8
#: The headline's date or byline sits within this many levels above it, in a block of at most
#: HEADER_WORDS words.
HEADER_LEVELS = 3
HEADER_WORDS = 400
#: A year, a numeric date, an English month and day, a "By Name" byline.
DATELINE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d"
    r"|(?-i:By\s+[A-Z]|\bby\s+[A-Z])",
    re.I,
)


def words(el: HtmlElement) -> int:
    """Words of an element's text."""
    return len((el.text_content() or "").split())


class Spread(NamedTuple):
    """How a page's paragraphs lie: the largest group's share of the running text, the
    running-text paragraphs, the short blurbs (BLURB_WORDS up to RUNNING_WORDS words)."""

    share: float
    running: int
    blurbs: int


def spread(root: HtmlElement) -> Spread:
    """The largest share of running-text words under one ancestor, and the paragraph counts.

    >>> from lxml.html import fromstring
    >>> p = "<p>" + "word " * 40 + "</p>"
    >>> spread(fromstring(f"<div><section><div>{p * 4}</div></section></div>"))
    Spread(share=1.0, running=4, blurbs=0)
    >>> blurb = "<p>A short blurb of ten words, no more than that.</p>"
    >>> card = f"<section><div><div>{p}{blurb}</div></div></section>"
    >>> spread(fromstring(f"<div>{card * 5}</div>"))
    Spread(share=0.2, running=5, blurbs=5)
    """
    groups: dict[HtmlElement, int] = {}
    running = blurbs = 0
    for p in root.iter("p"):
        if (n := words(p)) < RUNNING_WORDS:
            blurbs += n >= BLURB_WORDS
            continue
        running += 1
        holder = p
        for _ in range(GROUP_LEVELS):
            holder = holder.getparent() if holder.getparent() is not None else holder
        groups[holder] = groups.get(holder, 0) + n
    total = sum(groups.values())
    return Spread(max(groups.values()) / total if total else 1.0, running, blurbs)


def dated_headline(root: HtmlElement) -> bool:
    """Whether the page's first `<h1>` has a `<time>`, a date or a byline in its header block."""
    head = root.find(".//body//h1")
    block = head
    for _ in range(HEADER_LEVELS):
        if block is None or (block := block.getparent()) is None or words(block) > HEADER_WORDS:
            return False
        if block.find(".//time") is not None or DATELINE.search(block.text_content() or ""):
            return True
    return False


def scattered_prose(doc: Document) -> bool:
    """Whether the running text is spread over many blocks and the headline is undated."""
    share, running, blurbs = spread(doc.root)
    if share >= MAIN_SHARE or running < MIN_PARAGRAPHS or blurbs < MIN_BLURBS:
        return False
    return not dated_headline(doc.root)
