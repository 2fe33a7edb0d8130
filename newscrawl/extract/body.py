"""Main text with trafilatura, on the tree our chrome layer has already cleaned."""

from __future__ import annotations

import trafilatura
from lxml import etree
from lxml.html import Element, HtmlElement

#: Loose text of at least this many words beside paragraphs is a paragraph of its own.
LOOSE_WORDS = 12
#: Blocks whose loose text is checked (those that hold paragraphs as children).
CONTAINER_TAGS = ("div", "section", "article", "main", "td", "body")


def extract_text(root: HtmlElement, url: str) -> str:
    """Trafilatura's plain-text main content of the (cleaned) tree; empty when none."""
    wrap_loose_text(root)
    text = trafilatura.extract(
        root,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        output_format="txt",
        with_metadata=False,
        deduplicate=False,
    )
    return text or ""


def wrap_loose_text(root: HtmlElement) -> int:
    """Put running text that lies loose in a block beside `<p>` paragraphs into its own `<p>`.

    trafilatura keeps paragraphs but drops such text (a story's first paragraph after a
    related-links box, "SAN FRANCISCO (AP) — …", is often markup like this). Returns how many
    texts were wrapped.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><div>box</div>" + "word " * 12 + "<p>Next paragraph.</p></div>")
    >>> wrap_loose_text(page), [p.text.split()[0] for p in page.iter("p")]
    (1, ['word', 'Next'])
    """
    loose = [text for text in _LOOSE_TEXTS(root) if _is_running(text)]
    for text in loose:
        owner = text.getparent()
        if text.is_tail:
            owner.addnext(_paragraph(str(text)))
            owner.tail = None
        else:
            owner.insert(0, _paragraph(str(text)))
            owner.text = None
    return len(loose)


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
