"""Signs of shop collection and listing pages, added to the structural page-type score.

A category page of a shop is a run of same-shape product cards, each with a linked name and a
price, or carries several "Add to cart"/"Quick view" buttons. A listing is a long run of
same-shape short cards (a linked title and a line or two) holding more words than all the
page's running-text paragraphs; a page with at most one such paragraph has thin prose.
These signs add points against an article (`score.KIND_EVIDENCE`); the score weighs them with
the other signs.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.extract.document import Document
from newscrawl.extract.scatter import scattered_prose
from newscrawl.extract.score import evidence

#: Shop buttons and links on product cards.
SHOP_LABEL = re.compile(
    r"^(?:add to (?:cart|bag|basket)|buy(?: now)?|shop now|view product|quick view"
    r"|select options|choose options|sold out)$",
    re.I,
)
#: Labels longer than this are not buttons.
SHORT_LABEL = 30
#: Short links, buttons and spans (found in C; SHOP_LABEL reads them).
LABEL_CANDIDATES = etree.XPath(
    "//*[self::a or self::button or self::span][count(*) < 3]"
    f"[string-length(normalize-space()) <= {SHORT_LABEL}][string-length(normalize-space()) >= 3]"
)
CURRENCY = re.compile(r"[$€£¥₹]|EUR|USD|GBP|kr|zł")
PRICE = re.compile(r"(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|USD|GBP|kr|zł))(?!\w)")
#: A product card: this many words at most, a linked name of NAME_WORDS or more.
CARD_WORDS = (4, 80)
NAME_WORDS = 3
#: A price sits at most this many levels below its card.
CARD_DEPTH = 6
#: This many priced sibling cards of one shape, or this many shop buttons, make a shop page.
PRICED_CARDS = 4
SHOP_LABELS = 2
#: A listing's card run: this many sibling cards of one shape, holding CARD_SHARE times the
#: words of the page's running-text paragraphs (`long_p_words` of `pagetype.page_features`).
TEXT_CARDS = 12
CARD_SHARE = 2
#: Fewer words than this in running-text paragraphs, in the whole page, is thin prose.
THIN_PROSE = 60
#: Tree evidence leaning to an article by more than the most that text signs (5 points) and
#: these signs (7) can add, against the margin of 4, cannot be tipped: 4 - 5 - 7.
OUT_OF_REACH = -8


def with_kinds(doc: Document, features: Counter[str]) -> Counter[str]:
    """`features` (of `pagetype.page_features`) plus the signs in `score.KIND_EVIDENCE`.

    Nothing is looked for when the tree's evidence leans so far to an article that no text
    sign and no sign here could tip it (a cost saving); shop signs only on pages with
    PRICED_CARDS currency amounts.
    """
    against, support = evidence(features)
    if sum(against.values()) - support < OUT_OF_REACH:
        return features
    features = features + listing_features(doc, features["long_p_words"])
    features["scattered_prose"] = int(scattered_prose(doc))
    if features["price"] < PRICED_CARDS:
        return features
    return features + kind_features(doc)


#: Elements with TEXT_CARDS element children or more (found in C: most elements have few).
MANY_CHILDREN = etree.XPath(f"//*[count(*) >= {TEXT_CARDS}]")


def listing_features(doc: Document, running: int) -> Counter[str]:
    """Whether the page has little running text (`running` words in running-text paragraphs),
    and a run of text cards outweighing it."""
    runs = (text_card_run(el) for el in MANY_CHILDREN(doc.root))
    cards = max(runs, key=len, default=[])
    text_cards = len(cards) >= TEXT_CARDS and sum(cards) >= CARD_SHARE * running
    return Counter({"text_cards": int(text_cards), "thin_prose": int(running < THIN_PROSE)})


def text_card_run(parent: HtmlElement) -> list[int]:
    """Word counts of the longest run of `parent`'s children of one shape that are cards."""
    shapes = Counter((c.tag, c.get("class", "")) for c in parent if isinstance(c.tag, str))
    runs: dict[tuple[str, str], list[int]] = {}
    for child in parent:
        shape = (child.tag, child.get("class", ""))
        if shapes[shape] >= TEXT_CARDS and (words := card_words(child)):
            runs.setdefault(shape, []).append(words)
    return max(runs.values(), key=len, default=[])


def card_words(el: HtmlElement) -> int:
    """The words of a short block holding a linked title (a card), else 0."""
    links = (a for a in el.iter("a") if a.get("href"))
    if not any(len((a.text_content() or "").split()) >= NAME_WORDS for a in links):
        return 0
    words = len((el.text_content() or "").split())
    return words if CARD_WORDS[0] <= words <= CARD_WORDS[1] else 0


def kind_features(doc: Document) -> Counter[str]:
    """Counts of the signs in `score.KIND_EVIDENCE`: shop buttons, priced product cards."""
    labels = sum(1 for el in LABEL_CANDIDATES(doc.root) if is_shop_label(el))
    priced = priced_cards(doc.root)
    return Counter({"shop_cards": int(priced >= PRICED_CARDS or labels >= SHOP_LABELS)})


def is_shop_label(el: HtmlElement) -> bool:
    """Whether a short link, button or span reads "Add to cart", "Quick view", …."""
    label = " ".join((el.text_content() or "").split())
    return bool(label) and len(label) <= SHORT_LABEL and SHOP_LABEL.match(label) is not None


#: Text nodes holding one of the common currency signs (found in C: each sign costs a scan).
CURRENCY_TEXT = etree.XPath(
    "//body//text()[contains(., '$') or contains(., '€') or contains(., '£')]"
    "[not(ancestor::script or ancestor::style)]"
)


def priced_cards(root: HtmlElement) -> int:
    """The most priced product cards of one tag and class under one parent."""
    shapes: dict[tuple[HtmlElement, str, str], set[HtmlElement]] = {}
    for node in CURRENCY_TEXT(root):
        card = node.getparent()
        for _ in range(CARD_DEPTH):
            parent = card.getparent() if card is not None else None
            if parent is None or not isinstance(card.tag, str):
                break
            shapes.setdefault((parent, card.tag, card.get("class", "")), set()).add(card)
            card = parent
    runs = [cards for cards in shapes.values() if len(cards) >= PRICED_CARDS]
    return max((sum(map(is_priced_card, cards)) for cards in runs), default=0)


def is_priced_card(el: HtmlElement) -> bool:
    """Whether a short block holds a linked name and a currency amount."""
    text = " ".join((el.text_content() or "").split())
    words = len(text.split())
    if not CARD_WORDS[0] <= words <= CARD_WORDS[1]:
        return False
    if not CURRENCY.search(text) or not PRICE.search(text):  # the cheap look first
        return False
    links = (a for a in el.iter("a") if a.get("href"))
    return any(len((a.text_content() or "").split()) >= NAME_WORDS for a in links)
