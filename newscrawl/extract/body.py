"""Main text with trafilatura, on the tree our chrome layer has already cleaned."""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml.html import Element, HtmlElement
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH, REGEXP_NS

from newscrawl.extract.chrome import prose_by_block

#: Loose text of at least this many words beside paragraphs is a paragraph of its own.
LOOSE_WORDS = 12
#: Blocks whose loose text is checked (those that hold paragraphs as children).
CONTAINER_TAGS = ("div", "section", "article", "main", "td", "body")


def extract_text(root: HtmlElement, url: str) -> str:
    """Trafilatura's plain-text main content of the (cleaned) tree; empty when none."""
    wrap_loose_text(root)
    shield_story_blocks(root)
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


#: A block trafilatura would discard by its class or id, holding at least this many words of
#: running text and this share of the page's, is shielded (its class and id are dropped).
SHIELD_WORDS = 150
SHIELD_SHARE = 0.3
#: Names of blocks never shielded: page footers (disclaimers) and comment sections.
UNSHIELDED_NAMES = re.compile(r"footer|comment|respond|discussion|disqus", re.I)


def shield_story_blocks(root: HtmlElement) -> int:
    """Keep trafilatura from discarding story text for a class or id name; returns how many.

    trafilatura drops blocks whose class or id holds words such as "embed", "widget",
    "sidebar" or "-ad-" (a Webflow `w-embed` table block, a HubSpot `widget-span` cell, a
    `body-ad-wrapper`). A block that holds much of the page's running text is the story; a
    block trafilatura itself takes as a main-content container is left as it is.
    """
    prose = prose_by_block(root)
    page = prose.get(root, 0)
    if page < SHIELD_WORDS:
        return 0
    least = max(SHIELD_WORDS, SHIELD_SHARE * page)
    found = [e for e, words in prose.items() if words >= least and _DISCARDED_BY_NAME(e)]
    found = [e for e in found if not UNSHIELDED_NAMES.search(_names(e))]
    if not found:
        return 0
    shielded = [e for e in found if not _MAIN_CONTAINER(e)]
    for element in shielded:
        element.attrib.pop("class", None)
        element.attrib.pop("id", None)
    return len(shielded)


def self_test(path: str) -> etree.XPath:
    """An XPath asking of one element whether `path` (".//*[…]", "(.//x)[1]") could select it.

    >>> from lxml.html import fromstring
    >>> self_test("(.//*[self::div][@class='post'])[1]|(.//main)[1]")(fromstring("<main/>"))
    True
    """
    test = re.sub(r"\(\s*\.//(\*|\w+)", r"(self::\1", path)
    test = re.sub(r"\.//(\*|\w+)", r"self::\1", test)
    test = re.sub(r"\)\[1\]", ")", test)
    return etree.XPath(f"boolean({test.strip()})", namespaces={"re": REGEXP_NS})


#: Whether trafilatura would discard the element by its class or id name (its first
#: OVERALL_DISCARD_XPATH, asked of one element).
_DISCARDED_BY_NAME = self_test(OVERALL_DISCARD_XPATH[0].path)
#: Whether trafilatura could take the element as the main-content container (BODY_XPATH).
_MAIN_CONTAINER = self_test(" | ".join(x.path.strip() for x in BODY_XPATH))


def _names(element: HtmlElement) -> str:
    """The element's class and id, space-separated."""
    return f"{element.get('class', '')} {element.get('id', '')}"
