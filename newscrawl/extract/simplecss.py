"""Simple CSS selectors (tag, .class, #id, [attr], [attr='v']) tested in one Python pass.

libxml2 evaluates a combined XPath of many `self::tag or @attr = 'v'` tests several times
slower than lxml iterates the elements, so removal selectors are matched here instead; the
answer is the same as the selectors' XPath translation (HTMLTranslator), in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml import etree
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
    """Several simple selectors, grouped so that libxml2 does most of the looking.

    Bare tags are found by `iter(*tags)`, single `[attr='v']`/`#id` tests by one attribute
    query each, single classes by one query for class attributes containing a name (each
    hit then checked for the whole token); whatever combines several parts is tested in
    Python on every element.
    """

    tags: frozenset[str]
    values: tuple[etree.XPath, ...]
    classes: frozenset[str]
    class_query: etree.XPath | None
    others: tuple[Simple, ...]

    def has_class(self, element: HtmlElement) -> bool:
        """Whether the element's class attribute holds one of the single classes as a token."""
        found = element.get("class")
        return bool(found) and not self.classes.isdisjoint(found.translate(_XML_SPACE).split(" "))

    def find(self, root: HtmlElement) -> list[HtmlElement]:
        """Elements under `root` (itself included) matching any selector, in document order."""
        parts: list[list[HtmlElement]] = [list(root.iter(*self.tags))] if self.tags else []
        parts += [list(query(root)) for query in self.values]
        if self.class_query is not None:
            parts.append([e for e in self.class_query(root) if self.has_class(e)])
        if self.others:
            parts.append(
                [
                    e
                    for e in root.iter()
                    if isinstance(e, HtmlElement) and any(s.matches(e) for s in self.others)
                ]
            )
        if len(parts) == 1:  # one query's answer is already in document order
            return parts[0]
        found = {e for part in parts for e in part}
        return [e for e in root.iter() if e in found] if found else []


def _literal(value: str) -> str | None:
    """An XPath string literal for `value`, or None when it holds both kinds of quote."""
    if "'" not in value:
        return f"'{value}'"
    return f'"{value}"' if '"' not in value else None


def _value_query(name: str, values: set[str]) -> etree.XPath | None:
    """Elements whose attribute `name` is one of `values` (None: not expressible)."""
    literals = [_literal(v) for v in sorted(values)]
    if any(lit is None for lit in literals):
        return None
    tests = " or ".join(f". = {lit}" for lit in literals)
    return etree.XPath(f"descendant-or-self::*/@{name}[{tests}]/..")


def _class_query(classes: frozenset[str]) -> etree.XPath | None:
    """Elements whose class attribute contains one of the names (a superset of the matches)."""
    if not classes:
        return None
    tests = " or ".join(f"contains(., '{name}')" for name in sorted(classes))
    return etree.XPath(f"descendant-or-self::*/@class[{tests}]/..")


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
    queries = []
    for name, wanted in values.items():
        if (query := _value_query(name, wanted)) is not None:
            queries.append(query)
        else:
            others.extend(Simple(None, (), ((name, value),)) for value in wanted)
    names = frozenset(classes)
    return Matcher(frozenset(tags), tuple(queries), names, _class_query(names), tuple(others))
