"""Blocks trafilatura would drop for their class or id name, kept when they hold the story."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH, REGEXP_NS

from newscrawl.extract.names import COMMENT_WORDS, names
from newscrawl.extract.prose import prose_by_block

#: A block trafilatura would discard by its class or id, holding at least this many words of
#: running text and this share of the page's, is shielded (its class and id are dropped).
SHIELD_WORDS = 150
SHIELD_SHARE = 0.3
#: Running-text words of another block of a shielded block's kind that shield it too.
KIN_WORDS = 50
#: Parts of one kind inside the story block that are shielded together, at least.
PART_MIN = 2
#: Names of blocks never shielded: page footers (disclaimers), comments, related stories.
UNSHIELDED_NAMES = re.compile(
    rf"footer|{COMMENT_WORDS.pattern}|elated|more-on|-stories|most-popular", re.I
)


def shield_story_blocks(root: HtmlElement, prose: dict[HtmlElement, int] | None = None) -> int:
    """Keep trafilatura from discarding story text for a class or id name; returns how many.

    trafilatura drops blocks whose class or id holds words such as "embed", "widget",
    "sidebar" or "-ad-" (a Webflow `w-embed` table block, a HubSpot `widget-span` cell, a
    `body-ad-wrapper`). A block that holds much of the page's running text is the story; a
    block trafilatura itself takes as a main-content container is left as it is. The other
    blocks of a shielded block's kind holding running text (a story split into page-builder
    panels) are shielded with it, unless a main-content container was found among them.
    """
    prose = prose_by_block(root) if prose is None else prose
    page = prose.get(root, 0)
    if page < SHIELD_WORDS:
        return 0
    least = max(SHIELD_WORDS, SHIELD_SHARE * page)
    found = [e for e, words in prose.items() if words >= least and _shieldable(e)]
    if not found:
        return 0
    shielded = [e for e in found if not _MAIN_CONTAINER(e)]
    if len(shielded) == len(found):
        shielded += _same_kind(prose, shielded)
    for element in shielded:
        _unname(element)
    return len(shielded)


def shield_story_parts(block: HtmlElement, prose: dict[HtmlElement, int]) -> list[Names]:
    """Shield the repeated parts of the story block `block`: blocks of one tag and first class
    name (at least `PART_MIN` of them: slides, profiles, accordion items) that each hold
    running text (≥ `KIN_WORDS`) and that trafilatura would discard by name ("listicle-slides",
    "mover-profile embed"); returns their names, to undo it. Nested layers of such blocks (a
    page builder's widget frames) are its frame, not story parts: then none is shielded."""
    inside = [
        e
        for e, words in prose.items()
        if words >= KIN_WORDS and e.tag != "p" and e is not block and block in e.iterancestors()
    ]
    parts = [e for e in inside if _shieldable(e) and not _MAIN_CONTAINER(e)]
    chosen = set(parts)
    if any(a in chosen for e in parts for a in e.iterancestors()):
        return []
    kinds = Counter(_kind(e) for e in parts)
    parts = [e for e in parts if _kind(e)[1] and kinds[_kind(e)] >= PART_MIN]
    return [_unname(element) for element in parts]


class Names(NamedTuple):
    """An element's class and id, as they were before shielding."""

    element: HtmlElement
    cls: str | None
    id: str | None


def _unname(element: HtmlElement) -> Names:
    """Remove an element's class and id; return what they were."""
    return Names(element, element.attrib.pop("class", None), element.attrib.pop("id", None))


def restore_names(shielded: list[Names]) -> None:
    """Put back the class and id of shielded elements (undo `shield_story_parts`)."""
    for element, cls, id_ in shielded:
        for name, value in (("class", cls), ("id", id_)):
            if value is not None:
                element.set(name, value)


def shield_again(shielded: list[Names]) -> None:
    """Remove the class and id of shielded elements again (after `restore_names`)."""
    for shielded_names in shielded:
        _unname(shielded_names.element)


def _same_kind(prose: dict[HtmlElement, int], shielded: list[HtmlElement]) -> list[HtmlElement]:
    """Other blocks of running text that share a shielded block's tag and first class name
    (the other panels of a story a page builder splits into widgets), also discarded by name."""
    kinds = {kind for kind in map(_kind, shielded) if kind[1]}
    if not kinds:
        return []
    chosen = set(shielded)
    return [
        e
        for e, words in prose.items()
        if words >= KIN_WORDS
        and e not in chosen
        and _kind(e) in kinds
        and _shieldable(e)
        and not _MAIN_CONTAINER(e)
    ]


def _shieldable(element: HtmlElement) -> bool:
    """Whether trafilatura would discard the element by name, and the name is no footer,
    comment section or related-stories block (those are never shielded)."""
    return bool(_DISCARDED_BY_NAME(element)) and not UNSHIELDED_NAMES.search(names(element))


def _kind(element: HtmlElement) -> tuple[str, str]:
    """An element's tag and first class name."""
    classes = (element.get("class") or "").split()
    return element.tag, classes[0] if classes else ""


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
