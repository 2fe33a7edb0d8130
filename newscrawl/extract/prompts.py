"""Boxes inside the story that are not story text: sign-up prompts, in-page tables of contents."""

from __future__ import annotations

from lxml.html import HtmlElement

from newscrawl.extract.document import Document, short_text
from newscrawl.extract.linkblocks import chars, protection

#: Words of a block around an e-mail field up to which the block is a sign-up prompt.
SIGNUP_MAX_WORDS = 60
#: Characters besides its links that a table of contents' box may hold (its heading).
TOC_EXTRA_CHARS = 30
#: Share of a list's characters inside in-page (`#anchor`) links that makes it a table of contents.
TOC_LINK_SHARE = 0.9
TOC_MIN_LINKS = 2


def email_fields(root: HtmlElement) -> list[HtmlElement]:
    """Form fields asking for an e-mail address (a sign-up, subscribe or contact prompt)."""
    return [field for field in root.iter("input") if asks_email(field)]


def asks_email(field: HtmlElement) -> bool:
    """Whether an `<input>` is an e-mail field by its type, name or placeholder.

    >>> from lxml.html import fromstring
    >>> asks_email(fromstring('<input placeholder="Your E-mail">')), asks_email(
    ...     fromstring('<input name="userEmail">'))
    (False, True)
    """
    if (field.get("type") or "").lower() == "email":
        return True
    return (
        "email" in (field.get("name") or "").lower()
        or "email" in (field.get("placeholder") or "").lower()
    )


def words_within(element: HtmlElement, limit: int) -> int | None:
    """Words of the element's text when at most `limit`, else None."""
    text = short_text(element, limit * 12)
    if text is None or len(text.split()) > limit:
        return None
    return len(text.split())


def prompt_box(field: HtmlElement, holders: set[HtmlElement]) -> HtmlElement | None:
    """The largest short block around an e-mail field (its heading and pitch with it)."""
    box: HtmlElement | None = None
    node = field.getparent()
    while node is not None and node.tag not in ("body", "html") and node not in holders:
        if words_within(node, SIGNUP_MAX_WORDS) is None:
            break
        box = node
        node = node.getparent()
    return box


def signup_boxes(doc: Document, protected: list[HtmlElement]) -> list[HtmlElement]:
    """Short blocks around an e-mail field: "Join our newsletter", "Get a free quote"…

    Must run before chrome removal, which takes the `<form>` and its fields away.
    """
    guarded, holders = protection(protected)
    boxes: list[HtmlElement] = []
    for field in email_fields(doc.root):
        box = prompt_box(field, holders)
        if box is None or box in guarded or any(a in guarded for a in box.iterancestors()):
            continue
        if box not in boxes:
            boxes.append(box)
    return [b for b in boxes if not any(a in boxes for a in b.iterancestors())]


def is_in_page(href: str, doc: Document) -> bool:
    """Whether a link points at a place on this very page (`#section`)."""
    href = href.strip()
    if href.startswith("#"):
        return len(href) > 1
    target = doc.absolute(href)
    return "#" in target and target.split("#")[0] == doc.url.split("#")[0]


def is_toc_list(element: HtmlElement, doc: Document) -> bool:
    """A list whose text is (almost) all links to places on this page."""
    links = [a for a in element.iter("a") if a.get("href") is not None]
    if len(links) < TOC_MIN_LINKS or not all(is_in_page(a.get("href", ""), doc) for a in links):
        return False
    total = chars(element.text_content())
    return total > 0 and sum(chars(a.text_content()) for a in links) >= TOC_LINK_SHARE * total


def toc_box(toc: HtmlElement, holders: set[HtmlElement]) -> HtmlElement:
    """The table of contents with its heading ("Table of Contents", "In this article")."""
    box, size = toc, chars(toc.text_content())
    node = toc.getparent()
    while node is not None and node.tag not in ("body", "html") and node not in holders:
        if short_text(node, size * 2 + TOC_EXTRA_CHARS * 4) is None:
            break
        if chars(node.text_content()) - size > TOC_EXTRA_CHARS:
            break
        box, node = node, node.getparent()
    return box


def toc_blocks(doc: Document, protected: list[HtmlElement]) -> list[HtmlElement]:
    """Tables of contents: lists of in-page links, with their heading."""
    guarded, holders = protection(protected)
    boxes: list[HtmlElement] = []
    for element in doc.root.iter("ul", "ol"):
        if any(a in boxes for a in element.iterancestors()) or element in holders:
            continue
        if element in guarded or not is_toc_list(element, doc):
            continue
        box = toc_box(element, holders)
        if box not in boxes and not any(a in boxes for a in box.iterancestors()):
            boxes.append(box)
    return boxes
