"""Parse a page once into an lxml tree with a parsel view, plus text helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement
from parsel import Selector
from trafilatura.utils import decode_file
from w3lib.encoding import html_body_declared_encoding

from newscrawl.extract.simplecss import SIMPLE_CSS, matcher

#: Elements that start a new line of rendered text.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)


#: Characters lxml refuses in text and attributes (C0 controls, non-characters, surrogates).
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Text without the characters lxml cannot store (browsers never show them either)."""
    return XML_UNSAFE.sub("", text)


#: XML_UNSAFE's characters as UTF-8 can show them: C0 control bytes, U+FFFE, U+FFFF.
_UNSAFE_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))


def safe_utf8(text: str) -> bytes:
    """`xml_safe(text)` as UTF-8; a page with nothing to remove is only encoded (no regex pass)."""
    try:
        data = text.encode("utf-8")  # fails on surrogates, which xml_safe removes
    except UnicodeEncodeError:
        return xml_safe(text).encode("utf-8", errors="replace")
    unsafe = b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data
    if unsafe or len(data.translate(None, _UNSAFE_BYTES)) != len(data):
        return xml_safe(text).encode("utf-8", errors="replace")
    return data


def put_in_place(old: HtmlElement, new: HtmlElement) -> None:
    """Put `new` (a child of `old`) where `old` is, with `old`'s tail."""
    parent = old.getparent()
    if parent is not None:
        new.tail = old.tail
        parent.replace(old, new)


def detach(element: HtmlElement) -> Callable[[], None]:
    """Remove `element` from its tree but leave the text after it (its tail) in place; return
    how to put it back exactly as it was."""
    parent = element.getparent()
    if parent is None:
        return lambda: None
    index = parent.index(element)
    tail, element.tail = element.tail, None
    previous = element.getprevious()
    kept = previous.tail if previous is not None else parent.text
    if tail:
        joined = xml_safe((kept or "") + tail)
        if previous is not None:
            previous.tail = joined
        else:
            parent.text = joined
    parent.remove(element)

    def put_back() -> None:
        if previous is not None:
            previous.tail = kept
        else:
            parent.text = kept
        element.tail = tail
        parent.insert(index, element)

    return put_back


def squash(text: str | None) -> str:
    """Collapse runs of whitespace and trim."""
    return " ".join(text.split()) if text else ""


_WORD = re.compile(r"\w+")


def word_set(text: str) -> set[str]:
    """The distinct words (runs of word characters) of a text, as written.

    >>> sorted(word_set("Rain, rain: go away!"))
    ['Rain', 'away', 'go', 'rain']
    """
    return set(_WORD.findall(text))


@dataclass
class Document:
    """A parsed page: the lxml root, a parsel selector over it, and its URL."""

    root: HtmlElement
    url: str
    _absolute: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def selector(self) -> Selector:
        """A parsel view over the same tree (no second parse; built once per page)."""
        return Selector(root=self.root, type="html")

    def absolute(self, href: str) -> str:
        """Resolve a link against the page URL (memoised: rails repeat the same links)."""
        if (found := self._absolute.get(href)) is None:
            found = self._absolute[href] = urljoin(self.url, href.strip())
        return found

    def first(self, selectors: tuple[str, ...]) -> str | None:
        """Text of the first selector that matches with non-empty text."""
        for css in selectors:
            for match in self.selector.css(css):
                text = squash(match.get() if "::" in css else text_of(match.root))
                if text:
                    return text
        return None

    def elements(self, selectors: tuple[str, ...]) -> list[HtmlElement]:
        """All elements matched by any of the selectors (in selector order, no duplicates)."""
        found: list[HtmlElement] = []
        for css in selectors:
            for element in self.matches(css):
                if isinstance(element, HtmlElement) and element not in found:
                    found.append(element)
        return found

    def matches(self, css: str) -> list[object]:
        """What one selector matches, in document order (simple ones without parsel)."""
        if css.strip() and SIMPLE_CSS.match(css.strip()):
            return list(matcher((css.strip(),)).find(self.root))
        return [match.root for match in self.selector.css(css)]

    def removable(self, selectors: tuple[str, ...]) -> list[HtmlElement]:
        """The elements `elements(selectors)` finds, in no significant order (for removal).

        Simple selectors are tested in one pass over the tree instead of one pass each.
        """
        simple, complex_selectors = _split_simple(selectors)
        found = matcher(simple).find(self.root) if simple else []
        for element in self.elements(complex_selectors):
            if element not in found:
                found.append(element)
        return found


@cache
def _split_simple(selectors: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The simple selectors (one Python pass tests them all) and the selectors left over."""
    simple = tuple(css for css in selectors if css.strip() and SIMPLE_CSS.match(css.strip()))
    return simple, tuple(css for css in selectors if css not in simple)


def decode_html(data: bytes) -> str:
    """Page bytes as text: UTF-8 when valid, else the declared charset, else a guess.

    >>> decode_html("café".encode("cp1252") + b"<meta charset=windows-1252>")[:4]
    'café'
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = html_body_declared_encoding(data[:4096])
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_file(data)


#: Element classes without lxml.html's per-element Python lookup (form controls get no
#: special class; nothing here uses one), which costs about 8% of extraction time.
HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def parse_html(html: str | bytes, url: str) -> Document:
    """Parse HTML (text or bytes) into a Document; never raises on bad markup."""
    if isinstance(html, bytes):
        html = decode_html(html)
    data = safe_utf8(html)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    parser.set_element_class_lookup(HTML_CLASSES)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        root = lxml.html.document_fromstring(b"<html><body></body></html>")
    merge_stray_roots(root)
    return Document(root=root, url=url)


def merge_stray_roots(root: HtmlElement) -> None:
    """Move markup after an early `</body></html>` into the body, as browsers do.

    libxml2 puts it in a second top-level `<html>` beside the root, which no walk from the
    root reaches (site themes that close the page in their header template lose the story).

    >>> doc = parse_html("<html><body><p>Menu</p></body></html><div><p>Story</p></div>", "")
    >>> [p.text for p in doc.root.iter("p")]
    ['Menu', 'Story']
    """
    strays = [e for e in root.itersiblings() if isinstance(e.tag, str)]
    if not strays:
        return
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    for stray in strays:
        for child in list(stray):
            if child.tag in ("head", "body"):
                body.extend(list(child))
            else:
                body.append(child)


def text_of(element: object) -> str:
    """Visible text of an element, whitespace collapsed."""
    if isinstance(element, HtmlElement):
        return squash(element.text_content())
    return squash(str(element))


def short_text(element: HtmlElement, limit: int) -> str | None:
    """`text_of(element)` when it is at most `limit` characters, else None.

    Stops reading as soon as the text is certainly longer, so asking this of every element
    of a page costs about as much as reading the page once (text_of would be quadratic).
    """
    pieces: list[str] = []
    visible = 0
    for piece in element.itertext():
        pieces.append(piece)
        visible += sum(map(len, piece.split()))  # a lower bound of the squashed length
        if visible > limit:
            return None
    text = squash("".join(pieces))
    return text if len(text) <= limit else None


def phrase_elements(
    root: HtmlElement, phrases: frozenset[str], limit: int
) -> list[tuple[HtmlElement, str]]:
    """Elements under `root` (itself included) whose whole text, whitespace collapsed and
    case-folded, is one of `phrases` (and at most `limit` characters), with that text, in
    document order.

    Only text nodes that could begin a phrase are followed up to their short ancestors,
    instead of walking every element of the page: an element whose whole text is a phrase
    starts with a text node whose normalised text is a prefix of that phrase (the climb from
    that node reaches the element, since every element between them is shorter still).

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><h2> Related <b>Stories</b></h2><p>Related stories here</p></div>")
    >>> [(e.tag, t) for e, t in phrase_elements(page, frozenset({"related stories"}), 60)]
    [('h2', 'Related Stories')]
    >>> page = fromstring("<div><h3><i></i>| More <b>from</b> us</h3><p>More</p></div>")
    >>> [(e.tag, t) for e, t in phrase_elements(page, frozenset({"| more from us"}), 60)]
    [('h3', '| More from us')]
    """
    pieces = _phrase_pieces(phrases)
    longest = max(map(len, phrases), default=0)
    words = (longest + 1) // 2  # a text of more words is longer than any phrase when squashed
    found: dict[HtmlElement, str] = {}
    seen: set[HtmlElement] = set()  # a walk reaching a seen element repeats an earlier one
    for node in _TEXT_NODES(root):
        if len(node) > longest and len(node.split(None, words)) > words:
            continue
        if " ".join(node.split()).casefold() not in pieces:
            continue
        element = node.getparent()
        if node.is_tail:
            element = element.getparent() if element is not root else None
        for ancestor in _up_to(element, root):
            if ancestor in seen:
                break
            seen.add(ancestor)
            text = short_text(ancestor, limit)
            if text is None:
                break
            if " ".join(text.split()).casefold() in phrases:
                found.setdefault(ancestor, text)
    return sorted(found.items(), key=lambda pair: _document_position(pair[0], root))


#: Text nodes that are not blank (indentation is most of a page's text nodes).
_TEXT_NODES = etree.XPath(".//text()[normalize-space()]")


@cache
def _phrase_pieces(phrases: frozenset[str]) -> frozenset[str]:
    """Every non-empty prefix of every phrase."""
    return frozenset(p[:j] for p in phrases for j in range(1, len(p) + 1))


def _up_to(element: HtmlElement | None, root: HtmlElement) -> Iterator[HtmlElement]:
    """`element`, then its ancestors up to and including `root`."""
    while element is not None:
        yield element
        if element is root:
            return
        element = element.getparent()


def _document_position(element: HtmlElement, root: HtmlElement) -> list[int]:
    """Child indexes from `root` down to `element` (sorts elements in document order)."""
    path: list[int] = []
    while element is not root and (parent := element.getparent()) is not None:
        path.append(parent.index(element))
        element = parent
    return path[::-1]


def text_prefix(element: HtmlElement, chars: int) -> str:
    """A prefix of `text_of(element)` holding at least `chars` visible characters (or all)."""
    pieces: list[str] = []
    visible = 0
    for piece in element.itertext():
        pieces.append(piece)
        visible += sum(map(len, piece.split()))
        if visible >= chars:
            break
    return squash("".join(pieces))


def rendered_lines(element: HtmlElement) -> list[str]:
    """Text of an element split into lines the way a browser lays out blocks.

    Iterative (no recursion), so arbitrarily deep markup cannot raise RecursionError.
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = squash("".join(current))
        if line:
            lines.append(line)
        current.clear()

    stack: list[tuple[HtmlElement, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        is_tag = isinstance(node.tag, str)
        if is_tag and node.tag in BLOCK_TAGS:
            flush()
        if closing:
            if node is not element and node.tail:
                current.append(node.tail)
            continue
        if node.text and is_tag and node.tag not in ("script", "style"):
            current.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return lines
