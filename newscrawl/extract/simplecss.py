"""Simple CSS selectors (tag, .class, #id, [attr], [attr='v']) tested in one Python pass.

libxml2 evaluates a combined XPath of many `self::tag or @attr = 'v'` tests several times
slower than lxml iterates the elements, so removal selectors are matched here instead; the
answer is the same as the selectors' XPath translation (HTMLTranslator), in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml.html import HtmlElement

#: A compound selector without combinators or pseudo-elements: tag, .class, #id, [attr='v'].
SIMPLE_CSS = re.compile(r"""^[\w-]*(?:[.#][\w-]+|\[[\w-]+(?:=(?:'[^'\]]*'|"[^"\]]*"))?\])*$""")
_PART = re.compile(r"""([.#])([\w-]+)|\[([\w-]+)(?:=(?:'([^'\]]*)'|"([^"\]]*)"))?\]""")
#: XPath's normalize-space() whitespace, which HTMLTranslator's class test splits on.
_XML_SPACE = str.maketrans("\t\n\r", "   ")


@dataclass(frozen=True, slots=True)
class Simple:
    """One compound selector: a tag (or any), classes, and attribute tests (None = present)."""

    tag: str | None
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str | None], ...]

    def matches(self, element: HtmlElement) -> bool:
        """Whether the element satisfies every part of the selector."""
        if self.tag is not None and element.tag != self.tag:
            return False
        for name, value in self.attributes:
            found = element.get(name)
            if found is None or (value is not None and found != value):
                return False
        if self.classes:
            padded = f" {(element.get('class') or '').translate(_XML_SPACE)} "
            return all(f" {name} " in padded for name in self.classes)
        return True


def parse_simple(css: str) -> Simple:
    """A simple selector's parts (the text must match SIMPLE_CSS)."""
    css = css.strip()
    tag = re.match(r"[\w-]*", css)
    name = tag.group() if tag else ""
    classes: list[str] = []
    attributes: list[tuple[str, str | None]] = []
    for part in _PART.finditer(css, len(name)):
        kind, word, attr, single, double = part.groups()
        if kind == ".":
            classes.append(word)
        elif kind == "#":
            attributes.append(("id", word))
        else:
            value = single if single is not None else double
            attributes.append((attr.lower(), value))
    return Simple(name.lower() or None, tuple(classes), tuple(attributes))


@dataclass(frozen=True, slots=True)
class Matcher:
    """Several simple selectors, grouped so that each element is looked at once.

    Bare tags go in a set, single `[attr='v']`/`#id` tests in a set per attribute, single
    classes in one set; whatever combines several parts is tested part by part.
    """

    tags: frozenset[str]
    values: tuple[tuple[str, frozenset[str]], ...]
    classes: frozenset[str]
    others: tuple[Simple, ...]

    def matches(self, element: HtmlElement) -> bool:
        """Whether any of the selectors matches the element."""
        if element.tag in self.tags:
            return True
        get = element.get
        for name, values in self.values:
            if get(name) in values:
                return True
        found = get("class") if self.classes else None
        if found and not self.classes.isdisjoint(found.translate(_XML_SPACE).split(" ")):
            return True
        return any(simple.matches(element) for simple in self.others)

    def find(self, root: HtmlElement) -> list[HtmlElement]:
        """Elements under `root` (itself included) matching any selector, in document order."""
        return [e for e in root.iter() if isinstance(e, HtmlElement) and self.matches(e)]


@cache
def matcher(selectors: tuple[str, ...]) -> Matcher:
    """A matcher for simple selectors (SIMPLE_CSS ones; callers filter the others out)."""
    tags: set[str] = set()
    values: dict[str, set[str]] = {}
    classes: set[str] = set()
    others: list[Simple] = []
    for simple in map(parse_simple, selectors):
        parts = len(simple.classes) + len(simple.attributes) + (simple.tag is not None)
        if parts == 1 and simple.tag:
            tags.add(simple.tag)
        elif parts == 1 and simple.classes:
            classes.add(simple.classes[0])
        elif parts == 1 and simple.attributes[0][1] is not None:
            name, value = simple.attributes[0]
            values.setdefault(name, set()).add(value or "")
        else:
            others.append(simple)
    grouped = tuple((name, frozenset(v)) for name, v in values.items())
    return Matcher(frozenset(tags), grouped, frozenset(classes), tuple(others))
