"""Parse a page once into an lxml tree with a parsel view, plus text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml.html import HtmlElement
from parsel import Selector
from trafilatura.utils import decode_file
from w3lib.encoding import html_body_declared_encoding

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


def squash(text: str | None) -> str:
    """Collapse runs of whitespace and trim."""
    return " ".join(text.split()) if text else ""


@dataclass
class Document:
    """A parsed page: the lxml root, a parsel selector over it, and its URL."""

    root: HtmlElement
    url: str

    @property
    def selector(self) -> Selector:
        """A parsel view over the same tree (no second parse)."""
        return Selector(root=self.root, type="html")

    def absolute(self, href: str) -> str:
        """Resolve a link against the page URL."""
        return urljoin(self.url, href.strip())

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
            for match in self.selector.css(css):
                if isinstance(match.root, HtmlElement) and match.root not in found:
                    found.append(match.root)
        return found


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


def parse_html(html: str | bytes, url: str) -> Document:
    """Parse HTML (text or bytes) into a Document; never raises on bad markup."""
    if isinstance(html, bytes):
        html = decode_html(html)
    html = xml_safe(html).encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        root = lxml.html.document_fromstring(b"<html><body></body></html>")
    return Document(root=root, url=url)


def text_of(element: object) -> str:
    """Visible text of an element, whitespace collapsed."""
    if isinstance(element, HtmlElement):
        return squash(element.text_content())
    return squash(str(element))


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
