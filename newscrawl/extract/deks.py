"""Deks: a subheading under the headline that repeats the page's description.

>>> from newscrawl.extract.document import parse_html
>>> doc = parse_html('<html><head><meta name="description" content="A short summary of it.">'
...     '</head><body><h1>Title</h1><h2>A short summary of it</h2><p>Text.</p></body></html>',
...     "https://example.org/a")
>>> [element.tag for element in deks(doc, doc.root.find(".//h1"))]
['h2']
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.extract.document import Document

#: Meta tags that hold the page's description (summary) text.
DESCRIPTION_XPATH = etree.XPath(
    "//meta[@name='description' or @property='og:description' or @name='twitter:description'"
    " or @property='twitter:description' or @itemprop='description']/@content"
)
#: Subheading tags a dek is set in (a dek in a `<p>` cannot be told from a lead paragraph).
DEK_TAGS = ("h2", "h3", "h4", "h5", "h6")
#: Fewer words than this are a label, not a dek.
DEK_MIN_WORDS = 4

_WORD = re.compile(r"\w+")


def words_key(text: str) -> str:
    """Lower-cased words of `text`, joined by spaces (punctuation and spacing ignored)."""
    return " ".join(_WORD.findall(text.casefold()))


def descriptions(doc: Document) -> set[str]:
    """The page's description texts (meta, Open Graph, Twitter, itemprop) as word keys."""
    keys = {words_key(str(content)) for content in DESCRIPTION_XPATH(doc.root)}
    return {key for key in keys if len(key.split()) >= DEK_MIN_WORDS}


def deks(doc: Document, head: HtmlElement | None) -> list[HtmlElement]:
    """Subheadings beside the headline whose text is the page's description: the dek.

    Article-extraction truth leaves the dek out. A subheading that repeats the description
    inside the story text (not beside the headline) stays, and so does a lead paragraph
    (a `<p>`) that repeats it.
    """
    parent = None if head is None else head.getparent()
    if parent is None:
        return []
    headings = [element for element in parent if element.tag in DEK_TAGS]
    if not headings:
        return []
    keys = descriptions(doc)
    return [element for element in headings if words_key(element.text_content()) in keys]
