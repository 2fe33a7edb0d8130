"""Main text with trafilatura, on the tree our chrome layer has already cleaned."""

from __future__ import annotations

import re
from copy import deepcopy

import trafilatura
from lxml import etree
from lxml.html import Element, HtmlElement, fromstring
from trafilatura.xpaths import BODY_XPATH

from newscrawl.extract.chrome import STORY_WORDS
from newscrawl.extract.document import put_in_place, squash
from newscrawl.extract.edges import trim_edges
from newscrawl.extract.panels import show_collapsed_panels
from newscrawl.extract.prose import Prose, prose_by_block
from newscrawl.extract.recall import is_fuller, is_suspect, story_block
from newscrawl.extract.shield import (
    Names,
    restore_names,
    shield_again,
    shield_story_blocks,
    shield_story_parts,
)

#: Loose text of at least this many words beside paragraphs is a paragraph of its own.
LOOSE_WORDS = 12
#: Running-text words a later part of a split story holds at least.
PART_WORDS = 50
#: Blocks whose loose text is checked (those that hold paragraphs as children).
CONTAINER_TAGS = ("div", "section", "article", "main", "td", "body")


def extract_text(root: HtmlElement, url: str, counted: Prose | None = None) -> str:
    """Trafilatura's plain-text main content of the (cleaned) tree; empty when none.

    `counted` is the tree's running text when the caller has kept it (`Prose`), else it is
    counted here.
    """
    counted = Prose(root) if counted is None else counted
    wrap_loose_text(root, counted)
    unwrap_embeds(root, counted)
    prose = counted.words
    if join_split_body(root, prose):
        prose = prose_by_block(root)
    shield_story_blocks(root, prose)
    block = story_block(root, prose)
    parts = shield_story_parts(block, prose) if block is not root else []
    show_collapsed_panels(prose)
    text = main_text(root, url)
    if parts and is_suspect(root, block, text):
        text = without_shielded_parts(root, url, parts, text)
    if is_suspect(root, block, text):
        text = fuller_text(root, url, block, text)
    return trim_edges(text, block, root)


def main_text(root: HtmlElement, url: str, *, fast: bool = False) -> str:
    """One trafilatura pass over `root` (the tree is copied, never changed); empty when none."""
    text = trafilatura.extract(
        root,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        output_format="txt",
        with_metadata=False,
        deduplicate=False,
        fast=fast,
    )
    return text or ""


def without_shielded_parts(root: HtmlElement, url: str, parts: list[Names], text: str) -> str:
    """The page's text with the story parts' names put back, when it is clearly fuller than
    `text` (shielding can move trafilatura to a narrower container)."""
    restore_names(parts)
    other = main_text(root, url)
    if is_fuller(other, text):
        return other
    shield_again(parts)
    return text


def fuller_text(root: HtmlElement, url: str, block: HtmlElement, text: str) -> str:
    """The story block's text read as a main-content container (`<article>`), when it is
    clearly fuller than `text` (fast mode: no fallback extractors on a known container)."""
    story = deepcopy(block)
    story.tag, story.tail = "article", None
    page = fromstring("<html><body></body></html>")
    page[-1].append(story)
    other = main_text(page, url, fast=True)
    return other if is_fuller(other, text) else text


def wrap_loose_text(root: HtmlElement, counted: Prose | None = None) -> int:
    """Put running text that lies loose in a block beside `<p>` paragraphs into its own `<p>`.

    trafilatura keeps paragraphs but drops such text (a story's first paragraph after a
    related-links box, "SAN FRANCISCO (AP) — …", is often markup like this). Returns how many
    texts were wrapped; `counted` (the tree's running text) counts the new paragraphs.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><div>box</div>" + "word " * 12 + "<p>Next paragraph.</p></div>")
    >>> wrap_loose_text(page), [p.text.split()[0] for p in page.iter("p")]
    (1, ['word', 'Next'])
    """
    loose = [text for text in _LOOSE_TEXTS(root) if _is_running(text)]
    for text in loose:
        owner, paragraph = text.getparent(), _paragraph(str(text))
        if text.is_tail:
            owner.addnext(paragraph)
            owner.tail = None
        else:
            owner.insert(0, paragraph)
            owner.text = None
        if counted is not None:
            counted.added(paragraph)
    return len(loose)


def join_split_body(root: HtmlElement, prose: dict[HtmlElement, int] | None = None) -> int:
    """Move the parts of a story body split by ad rows into its first part; returns the count.

    Trafilatura reads only the first story container it finds (`article__body`, …); sites
    such as Wired split the story into several containers of the same tag and class with
    ads and rails between them, and everything after the first was lost. Only containers
    of running text join (not teaser cards sharing a class), and only up to the first
    running-text paragraph outside them (story text between parts would be skipped).

    >>> from lxml.html import fromstring
    >>> text = "<p>" + "word " * 160 + "</p>"
    >>> page = fromstring(f'<div><div class="article-body">{text}</div><div>Ad</div>'
    ...     f'<div class="article-body">{text}</div></div>')
    >>> join_split_body(page), len(page.find_class("article-body")[0])
    (1, 2)
    """
    prose = prose_by_block(root) if prose is None else prose
    if not _repeated_blocks(prose):
        return 0
    first = next(iter(BODY_XPATH[0](root)), None)
    if first is None or not first.get("class"):
        return 0
    if prose.get(first, 0) < STORY_WORDS:
        return 0
    parts = _later_parts(root, first, prose)
    for part in parts:
        first.extend(list(part))
    return len(parts)


def _repeated_blocks(prose: dict[HtmlElement, int]) -> bool:
    """Whether two blocks of one tag and class each hold a story part's running text (without
    them nothing can join, and the costly container search is skipped)."""
    seen: set[tuple[str, str]] = set()
    for element, words in prose.items():
        kind = element.get("class")
        if not kind or words < PART_WORDS:
            continue
        if (element.tag, kind) in seen:
            return True
        seen.add((element.tag, kind))
    return False


def _later_parts(
    root: HtmlElement, first: HtmlElement, prose: dict[HtmlElement, int]
) -> list[HtmlElement]:
    """Containers of running text after `first` with its tag and class, up to the first
    running-text paragraph outside them."""
    parts: list[HtmlElement] = []
    inside: set[HtmlElement] = set(first.iter())
    started = False
    for element in root.iter():
        if element is first:
            started = True
        if not started or element in inside:
            continue
        if element.tag == "p" and element in prose:
            break
        if element.tag == first.tag and element.get("class") == first.get("class"):
            if prose.get(element, 0) < PART_WORDS:
                break
            parts.append(element)
            inside.update(element.iter())
    return parts


#: Class words of the wrappers trafilatura discards whole (share bars, embeds).
EMBED_WRAPPER = re.compile(r"social|embed", re.IGNORECASE | re.ASCII)


def unwrap_embeds(root: HtmlElement, counted: Prose | None = None) -> int:
    """Put quoted posts (`<blockquote>`) in the place of a social/embed wrapper holding only them.

    An embedded tweet quoted in a story ("social-media-embed" around a `<blockquote>`) is
    story text for article-extraction truth; trafilatura drops every block whose class
    says social or embed. Returns how many wrappers were replaced (`counted`, the tree's
    running text, is kept true).

    >>> from lxml.html import fromstring
    >>> page = fromstring('<div><div class="social-embed"><blockquote>Q.</blockquote></div></div>')
    >>> unwrap_embeds(page), page[0].tag
    (1, 'blockquote')
    """
    replaced = 0
    for quote in list(root.iter("blockquote")):
        wrapper = quote.getparent()
        parent = None if wrapper is None else wrapper.getparent()
        if parent is None or not EMBED_WRAPPER.search(wrapper.get("class") or ""):
            continue
        if squash(wrapper.text_content()) == squash(quote.text_content()):
            if counted is None:
                put_in_place(wrapper, quote)
            else:
                counted.replace(wrapper, quote)
            replaced += 1
    return replaced


#: Non-blank text nodes directly inside a container that also holds a `<p>` child.
_LOOSE_TEXTS = etree.XPath(
    " | ".join(f"descendant-or-self::{tag}[p]/text()[normalize-space()]" for tag in CONTAINER_TAGS)
)


def _is_running(text: str) -> bool:
    """Whether a loose text is long enough to be a paragraph."""
    return len(text.split(None, LOOSE_WORDS)) >= LOOSE_WORDS


def _paragraph(text: str) -> HtmlElement:
    """A new `<p>` holding `text`."""
    paragraph: HtmlElement = Element("p")
    paragraph.text = text
    return paragraph
