"""Running-text words under each block, counted once per page and kept true as blocks leave.

Chrome removal reads the counts of the whole page; the body stage reads them after chrome
blocks are removed or set aside and loose text is wrapped. `Prose` updates the counts at each
of those changes instead of counting every paragraph of the page again.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement

from newscrawl.extract.document import detach, put_in_place

#: A `<p>` of at least this many words, less than half of them link text, is running text.
PARAGRAPH_WORDS = 15


def running_words(paragraph: HtmlElement) -> int:
    """The words of a paragraph of running text (long, mostly not link text); else 0."""
    count = len(paragraph.text_content().split())
    if count < PARAGRAPH_WORDS:
        return 0
    linked = sum(len(a.text_content().split()) for a in paragraph.iter("a"))
    return count if linked * 2 < count else 0


def prose_by_block(root: HtmlElement) -> dict[HtmlElement, int]:
    """Words of running-text paragraphs (long, mostly not link text) under each element."""
    words: dict[HtmlElement, int] = {}
    for paragraph in root.iter("p"):
        if count := running_words(paragraph):
            for block in (paragraph, *paragraph.iterancestors()):
                words[block] = words.get(block, 0) + count
    return words


class Prose:
    """`prose_by_block` of a tree, kept equal to a new count while the tree changes through
    these methods (the blocks listed, their words, and none left with 0 words)."""

    def __init__(self, root: HtmlElement) -> None:
        """Count the running text under `root` (the whole tree)."""
        self.root = root
        self.words = prose_by_block(root)

    @staticmethod
    def _around(element: HtmlElement) -> list[tuple[HtmlElement, int]]:
        """The paragraphs around `element`, with their running-text words before a change
        there (their text may lose words, or words may run together)."""
        return [(p, running_words(p)) for p in element.iterancestors("p")]

    def _recount(self, around: list[tuple[HtmlElement, int]]) -> None:
        """Count the paragraphs of `_around` again after the change."""
        for paragraph, words in around:
            self.add(paragraph, running_words(paragraph) - words)

    def add(self, element: HtmlElement, delta: int) -> None:
        """Add `delta` words to `element` and its ancestors; a block left with none is dropped."""
        if not delta:
            return
        for block in (element, *element.iterancestors()):
            total = self.words.get(block, 0) + delta
            if total:
                self.words[block] = total
            else:
                self.words.pop(block, None)

    def detach(self, element: HtmlElement) -> Callable[[], None]:
        """`document.detach`, with the element's words taken off its ancestors (the counts
        then describe the tree without it; putting it back does not restore them)."""
        inner = self.words.get(element, 0)
        around = self._around(element)
        if not inner and not around:  # no running text in it, no paragraph around it
            return detach(element)
        ancestors = list(element.iterancestors())
        if not ancestors or ancestors[-1] is not self.root:  # already out of the tree
            return detach(element)
        if inner:
            self.add(ancestors[0], -inner)
            for block in element.iter():
                self.words.pop(block, None)
        put_back = detach(element)
        self._recount(around)
        return put_back

    def replace(self, old: HtmlElement, new: HtmlElement) -> None:
        """Put `new`, a child of `old`, in `old`'s place, with `old`'s tail."""
        ancestors = list(old.iterancestors())
        if not ancestors or ancestors[-1] is not self.root:  # already out of the tree
            put_in_place(old, new)
            return
        around = self._around(old)
        self.add(old, self.words.get(new, 0) - self.words.get(old, 0))
        kept = set(new.iter())
        for block in old.iter():
            if block not in kept:
                self.words.pop(block, None)
        put_in_place(old, new)
        self._recount(around)

    def added(self, paragraph: HtmlElement) -> None:
        """Count a paragraph just made of text already in the tree (no other text changes)."""
        self.add(paragraph, running_words(paragraph))
