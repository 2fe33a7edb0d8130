"""The shield's one-element tests answer as trafilatura's own XPaths do.

`extract/shield.py` rewrites trafilatura's discard and main-container XPaths into questions
asked of a single element. If a trafilatura upgrade changes the shape of those strings, the
rewrite could silently stop matching: these tests compare both on pages built from the names
the XPaths themselves mention.
"""

from __future__ import annotations

import re

import pytest
from lxml.html import HtmlElement, fromstring
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH

from newscrawl.extract.shield import _DISCARDED_BY_NAME, _MAIN_CONTAINER

TAGS = ("div", "section", "article", "main", "span", "p", "aside", "li")
ATTRIBUTES = ("class", "id", "role", "itemprop")


def names_in(path: str) -> list[str]:
    """Attribute values an XPath mentions, made literal: quoted strings with regex marks gone."""
    quoted = re.findall(r"'([^']+)'", path)
    words = {w for q in quoted for w in re.split(r"[|()?:^$\\\[\]]+", q) if len(w) > 1}
    return sorted(words - {"nav", "Nav"} | {"nav", "navbar", "post", "entry", "text", "story"})


def page_with(names: list[str]) -> HtmlElement:
    """A page holding one element per tag, attribute and name, each with a little text."""
    blocks = [
        f'<{tag} {attr}="{name}">x</{tag}>' for tag in TAGS for attr in ATTRIBUTES for name in names
    ]
    return fromstring(f"<html><body><div>{''.join(blocks)}</div></body></html>")


def test_the_discard_test_selects_what_trafilatura_discards_by_name() -> None:
    path = OVERALL_DISCARD_XPATH[0].path
    page = page_with(names_in(path))
    theirs = set(page.xpath(path, namespaces={"re": "http://exslt.org/regular-expressions"}))
    ours = {e for e in page.iter() if isinstance(e.tag, str) and _DISCARDED_BY_NAME(e)}
    assert len(theirs) > 100  # the page exercises the expression
    assert ours == theirs


@pytest.mark.parametrize("index", range(len(BODY_XPATH)))
def test_the_container_test_accepts_each_element_trafilatura_could_take(index: int) -> None:
    path = BODY_XPATH[index].path
    names = names_in(path)
    namespaces = {"re": "http://exslt.org/regular-expressions"}
    taken = 0
    for tag in TAGS:
        for attr in ATTRIBUTES:
            for name in names:
                page = fromstring(f'<html><body><{tag} {attr}="{name}">x</{tag}></body></html>')
                element = page.find(f".//{tag}")
                theirs = element in page.xpath(path, namespaces=namespaces)
                assert bool(_MAIN_CONTAINER(element)) == theirs or _other_path(index, element)
                taken += theirs
    assert taken > 0  # the expression took something: the names reach it


def _other_path(index: int, element: HtmlElement) -> bool:
    """Whether another of trafilatura's container XPaths would take the lone element."""
    page = element.getroottree().getroot()
    namespaces = {"re": "http://exslt.org/regular-expressions"}
    others = (x.path for i, x in enumerate(BODY_XPATH) if i != index)
    return any(element in page.xpath(path, namespaces=namespaces) for path in others)


def test_a_plain_block_is_neither() -> None:
    element = fromstring('<div class="prose">x</div>')
    assert not _DISCARDED_BY_NAME(element)
    assert not _MAIN_CONTAINER(element)
