"""Lists and subheadings of the story that trafilatura's first pass left out.

When trafilatura finds no main-content container it keeps only the paragraphs it recovers
one by one, and the story's lists and subheadings go missing (a report's key findings, a
review's pros and cons). Such pages get a second pass in recall mode.
"""

from __future__ import annotations

from collections import Counter

from lxml.html import HtmlElement

#: Share of the page's running text the story block holds at least.
STORY_SHARE = 0.8
#: Words of list items and subheadings missing from the text that make the page a suspect:
#: at least this many, and at least this share of the extracted words.
MISSED_WORDS = 60
MISSED_SHARE = 0.1
#: Words that identify a list item or subheading in the extracted text.
KEY_WORDS = 6
#: The second text replaces the first one when it has this many times its words and keeps
#: this share of them.
RECALL_GAIN = 1.05
KEPT_SHARE = 0.9
ITEM_TAGS = ("li", "h2", "h3", "h4", "h5", "h6")


def story_block(root: HtmlElement, prose: dict[HtmlElement, int]) -> HtmlElement:
    """The deepest block (not a paragraph, not the page's body) holding most of the page's
    running text; `root` when there is none."""
    least = STORY_SHARE * prose.get(root, 0)
    best, depth = root, -1
    for element, words in prose.items():
        if words < least or element.tag in ("p", "body", "html"):
            continue
        level = sum(1 for _ in element.iterancestors())
        if level > depth:
            best, depth = element, level
    return best


def missed_words(block: HtmlElement, text: str) -> int:
    """Words of the story block's list items and subheadings (not link text) absent from
    `text`, each found by its first words."""
    have = " ".join(text.split())
    missed = 0
    for element in block.iter(ITEM_TAGS):
        if element.tag == "li" and next(element.iterancestors("li"), None) is not None:
            continue
        item = element.text_content().split()
        linked = sum(len(a.text_content().split()) for a in element.iter("a"))
        if item and linked * 2 < len(item) and " ".join(item[:KEY_WORDS]) not in have:
            missed += len(item)
    return missed


def is_suspect(root: HtmlElement, block: HtmlElement, text: str) -> bool:
    """Whether the extracted text misses many of the list items and subheadings of the story
    block (`story_block`; the page's root when there is none)."""
    if not text or block is root:
        return False
    missed = missed_words(block, text)
    return missed >= MISSED_WORDS and missed >= MISSED_SHARE * len(text.split())


def is_fuller(other: str, text: str) -> bool:
    """Whether `other` holds clearly more words than `text` and keeps nearly all of them.

    >>> is_fuller("a b c d e f g h i j k l", "a b c d e f g h i j")
    True
    >>> is_fuller("x y z w v u t s r q p o", "a b c d e f g h i j")
    False
    """
    before, after = Counter(text.lower().split()), Counter(other.lower().split())
    total = sum(before.values())
    if sum(after.values()) <= RECALL_GAIN * total:
        return False
    return sum((before & after).values()) >= KEPT_SHARE * total
