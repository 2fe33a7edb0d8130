"""Text and link density of blocks: how much of a block is prose, how much is links."""

from __future__ import annotations

from lxml.html import HtmlElement

from newscrawl.extract.document import squash

#: A block with less link text than this share, and this much prose, is article text.
PROSE_LINK_DENSITY = 0.3
PROSE_WORDS = 150


def link_words(element: HtmlElement) -> int:
    """Words inside links of the element (nested links counted once)."""
    total = 0
    for anchor in element.iter("a"):
        if not any(parent.tag == "a" for parent in anchor.iterancestors()):
            total += len(squash(anchor.text_content()).split())
    return total


def link_density(element: HtmlElement) -> float:
    """Share of the element's words that sit inside links (0 for an empty element).

    >>> import lxml.html
    >>> link_density(lxml.html.fragment_fromstring('<div><a href="/">one two</a> three four</div>'))
    0.5
    """
    words = len(squash(element.text_content()).split())
    return link_words(element) / words if words else 0.0


def is_prose(element: HtmlElement) -> bool:
    """Whether the block holds running text (many words, few of them links)."""
    words = len(squash(element.text_content()).split())
    if words < PROSE_WORDS:
        return False
    return link_words(element) / words < PROSE_LINK_DENSITY
