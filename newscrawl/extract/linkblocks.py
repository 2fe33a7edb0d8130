"""Link-made chrome inside the story: paragraphs that are only a link, lists of teaser cards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.extract.document import Document, detach, short_text
from newscrawl.extract.names import class_pattern

#: Blocks that are a paragraph of their own (a link filling one of them is a teaser line).
LINE_TAGS = frozenset(["p", "h2", "h3", "h4", "h5", "h6", "a"])
#: Containers whose children can be teaser cards.
LIST_TAGS = frozenset(["ul", "ol", "div", "section"])
#: Share of a block's characters inside links to other pages above which the block is a link.
LINE_LINK_SHARE = 0.9
CARD_MIN = 3
#: A card list may open with one of these as its title.
TITLE_TAGS = frozenset(["h2", "h3", "h4", "h5", "h6"])
CARD_MAX_WORDS = 40
CARD_MAX_CHARS = 400


def words(text: str | None) -> int:
    """Number of whitespace-separated words."""
    return len(text.split()) if text else 0


def chars(text: str | None) -> int:
    """Number of visible (non-space) characters: a length that also fits unspaced scripts."""
    return sum(map(len, text.split())) if text else 0


@lru_cache(maxsize=4096)
def site(url: str) -> str:
    """The last two labels of a URL's host ("bbc.co.uk" → "co.uk" is fine for comparing)."""
    host = urlsplit(url).hostname or ""
    return ".".join(host.split(".")[-2:])


def link_chars(element: HtmlElement, doc: Document, same_site: bool = False) -> int:
    """Visible characters of `element` inside links to another page (not `#anchors`)."""
    total = 0
    for link in element.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        target = doc.absolute(href)
        if target.split("#")[0] == doc.url.split("#")[0]:
            continue
        if same_site and site(target) != site(doc.url):
            continue
        total += chars(link.text_content())
    return total


def has_link(element: HtmlElement) -> bool:
    """Whether the element is or holds an `<a>` (without one it cannot be link-made)."""
    return next(element.iter("a"), None) is not None


def is_standalone_link(element: HtmlElement) -> bool:
    """A link standing between blocks, not inside a sentence (its own line in the text)."""
    parent = element.getparent()
    if element.tag != "a" or parent is None or parent.tag not in LIST_TAGS | {"article", "main"}:
        return False
    previous = element.getprevious()
    before = previous.tail if previous is not None else parent.text
    return not (before or "").strip() and not (element.tail or "").strip()


def is_link_line(element: HtmlElement, doc: Document) -> bool:
    """A paragraph or subheading whose text is (almost) all one link to another page."""
    if element.tag == "a" and not is_standalone_link(element):
        return False
    if not has_link(element):
        return False
    count = chars(element.text_content())
    return count > 0 and link_chars(element, doc, same_site=True) >= LINE_LINK_SHARE * count


def is_card(element: HtmlElement, doc: Document) -> bool | None:
    """A short item holding a link to another page of this site (None: an empty item, which
    is neutral; a list of links to other sites is the sources a story cites)."""
    text = short_text(element, CARD_MAX_CHARS)
    if text is None or words(text) > CARD_MAX_WORDS:
        return False
    if not text:
        return None
    return link_chars(element, doc, same_site=True) * 3 >= chars(text)


def is_card_list(element: HtmlElement, doc: Document) -> bool:
    """A list whose items are all teaser cards (at least three of them), under an optional
    title: a subheading as its first item ("16-inch MacBook Pro now available")."""
    if len(element) < CARD_MIN or not has_link(element):
        return False
    cards = 0
    items = [child for child in element if isinstance(child.tag, str)]
    if items and items[0].tag in TITLE_TAGS:
        items = items[1:]
    for child in items:
        card = is_card(child, doc)
        if card is False:
            return False
        cards += card is True
    return cards >= CARD_MIN


def protection(protected: list[HtmlElement]) -> tuple[set[HtmlElement], set[HtmlElement]]:
    """The protected elements, and every element that holds one (neither may be taken)."""
    return set(protected), {ancestor for p in protected for ancestor in p.iterancestors()}


def outermost(
    doc: Document, protected: list[HtmlElement], test: Callable[[HtmlElement], bool]
) -> list[HtmlElement]:
    """The outermost elements passing `test`; never a protected element or one holding it."""
    found: list[HtmlElement] = []
    guarded, holders = protection(protected)
    stack = [doc.root]
    while stack:
        element = stack.pop()
        if element in guarded:
            continue
        if element not in holders and test(element):
            found.append(element)
            continue
        stack.extend(element.iterchildren(etree.Element, reversed=True))  # elements only
    return found


#: Links a hover card holds at least (the person's name plus their latest stories).
HOVER_LINKS = 3


def is_hover_card(element: HtmlElement) -> bool:
    """A `<span>` of links right after a link inside a sentence: a hover card.

    News sites put a person's card (their name again plus their latest stories) after each
    link to a person's page; it is hidden until the pointer rests on the name. The card
    opens with a link to the page the link before it names, and its characters are (almost)
    all in links (one of them may be the page itself).
    """
    if element.tag != "span" or next(element.iterancestors("p", "li"), None) is None:
        return False
    links = list(element.iter("a"))
    previous = element.getprevious()
    if len(links) < HOVER_LINKS or previous is None or not links[0].get("href"):
        return False
    named = {a.get("href") for a in previous.iter("a")}
    if links[0].get("href") not in named:
        return False
    count = chars(element.text_content())
    in_links = sum(chars(link.text_content()) for link in links)
    return count > 0 and in_links >= LINE_LINK_SHARE * count


def is_link_block(element: HtmlElement, doc: Document) -> bool:
    """A link line, a card list or a hover card."""
    if element.tag == "span":
        return is_hover_card(element)
    if element.tag in LINE_TAGS:
        return is_link_line(element, doc)
    return element.tag in LIST_TAGS and is_card_list(element, doc)


def link_blocks(doc: Document, protected: list[HtmlElement]) -> list[HtmlElement]:
    """Link lines and card lists of the page (to be removed)."""
    return outermost(doc, protected, lambda element: is_link_block(element, doc))


#: Class or id words of boxes that are never story text (matched inside class/id tokens).
CHROME_CLASS_WORDS = ("newsletter", "signup", "sign-up", "subscribe", "promo", "social", "share")
#: Class or id words of boxes, not of links or buttons ("cta-link" is an inline link, and
#: short words only count as whole words: "post-cta", not "octagon").
BOX_CLASS_WORDS = (
    "disclosure",
    "tableofcontent",
    "table-of-contents",
    "author-bio",
    "author-box",
    "authorbox",
    "about-author",
    "prevnext",
    "prev-next",
    "post-nav",
)
BOX_CLASS_TOKENS = ("cta",)
#: Tags that are boxes (blocks) for BOX_CLASS_WORDS.
BOX_TAGS = frozenset(["div", "section", "aside", "p", "ul", "ol", "figure", "footer", "header"])
CHROME_MAX_WORDS = 150


CHROME_CLASS_PATTERN = class_pattern(CHROME_CLASS_WORDS)
#: CHROME_CLASS_PATTERN and the box words, for block tags: one search per element.
BOX_CLASS_PATTERN = class_pattern(CHROME_CLASS_WORDS + BOX_CLASS_WORDS, BOX_CLASS_TOKENS)


def names_chrome(element: HtmlElement) -> bool:
    """Whether the element's class or id names a newsletter/promo/share box (or, for a block,
    a disclosure or call-to-action box)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"  # names.names, inline (hot)
    return _names_chrome(element.tag in BOX_TAGS, names)


@lru_cache(maxsize=8192)
def _names_chrome(box: bool, names: str) -> bool:
    """`names_chrome` of a class-and-id string (memoised: class strings repeat across pages)."""
    return (BOX_CLASS_PATTERN if box else CHROME_CLASS_PATTERN).search(names) is not None


#: Tags that are never a chrome box: a heading's id is often its own text ("h-social-media").
NOT_BOXES = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])


def is_chrome_box(element: HtmlElement) -> bool:
    """A short element (not a heading) whose class or id names a newsletter/promo/share box.

    A box holding a `<blockquote>` is an embedded post ("social-media-embed" around a quoted
    tweet): quoted text, not chrome.
    """
    if element.tag in NOT_BOXES or next(element.iter("blockquote"), None) is not None:
        return False
    return names_chrome(element) and short_text(element, CHROME_MAX_WORDS * 12) is not None


def chrome_boxes(doc: Document, protected: list[HtmlElement]) -> list[HtmlElement]:
    """Newsletter, promo and share boxes (by class or id): the outermost such boxes, never a
    protected element, one inside it, or one holding it.

    Only elements with a class or id are candidates (matched ASCII case-insensitively), taken
    in document order, so an outer box is found before the boxes inside it.
    """
    guarded, holders = protection(protected)
    found: set[HtmlElement] = set()
    boxes: list[HtmlElement] = []
    for element in doc.root.xpath("descendant-or-self::*[@class or @id]"):
        if element.tag in ("html", "body") or element in holders or not names_chrome(element):
            continue
        if any(a in guarded or a in found for a in element.iterancestors()) or element in guarded:
            continue
        if is_chrome_box(element):
            found.add(element)
            boxes.append(element)
    return boxes


@contextmanager
def set_aside(
    elements: list[HtmlElement], take: Callable[[HtmlElement], Callable[[], None]] = detach
) -> Iterator[None]:
    """Take elements out of their tree for a while, then put them back as they were.

    The text after an element (its tail) is not the element's: it stays in the tree while the
    element is away. The body is extracted without them; page-type rules (teaser cards) still
    see them. `take` takes one out (`document.detach`, or `Prose.detach` to keep a count of the
    running text true while they are away).
    """
    undo = [take(element) for element in elements]
    try:
        yield
    finally:
        for put_back in reversed(undo):
            put_back()
