"""Lines the text pass took from outside the story block, at the edges of the text.

Trafilatura often reads on past the story's last paragraph (an author bio without a class
name, a disclaimer, footnotes of the site, an address block, "Explore more" teasers) and
starts with short labels above its first one ("Table of Contents", "9 min read", "Blog",
a promo line such as "Earn your bachelor's degree in data analytics").
When the story block (`recall.story_block`: the deepest block holding most of the running
text) is known, the lines after the last line found in it are dropped when they hold at
most `TAIL_SHARE` of the text's words, and short lines before the first such line are
dropped. A line is found in the block by its first word characters.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.extract.closing import is_list_item

#: Runs of characters that are not word characters (left out when lines are compared).
_NON_WORD = re.compile(r"\W+")
#: Word characters of a line that must appear in the story block's text.
KEY_CHARS = 40
#: Words the trailing lines outside the story block may hold at most, as a share of all.
TAIL_SHARE = 0.3
#: Lines before the story block's first line with at most this many words are labels
#: (kickers, credits, promos, "Blog"), unless they are list items or lead in with a colon.
LABEL_WORDS = 10


def squeeze(text: str) -> str:
    """Lower-cased word characters only (spacing, punctuation and table bars left out).

    >>> squeeze("| Week | Monday |"), squeeze("Don't stop")
    ('weekmonday', 'dontstop')
    """
    return _NON_WORD.sub("", text.lower())


def in_block(line: str, block_text: str) -> bool:
    """Whether the line's first word characters occur in the (squeezed) block text."""
    return squeeze(line)[:KEY_CHARS] in block_text


def trim_edges(text: str, block: HtmlElement, root: HtmlElement) -> str:
    """`text` without its trailing lines from outside the story block `block` (when they are
    a small part of it) and without short label lines before the block's first line.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><div><p>Story one.</p><p>Story two.</p></div><p>Bio.</p></div>")
    >>> trim_edges("Blog\\nStory one.\\nStory two.\\nBio.", page[0], page)
    'Story one.\\nStory two.'
    """
    if block is root:
        return text
    lines = [line for line in text.splitlines() if line.strip()]
    key = squeeze(block.text_content())
    first = next((i for i, line in enumerate(lines) if in_block(line, key)), None)
    if first is None:
        return text
    last = next(i for i in range(len(lines), first, -1) if in_block(lines[i - 1], key))
    head = [line for line in lines[:first] if not is_label(line)]
    tail = lines[last:]
    if _words(tail) <= TAIL_SHARE * _words(lines):
        tail = []
    return "\n".join(head + lines[first:last] + tail)


def is_label(line: str) -> bool:
    """Whether a line before the story block is a label: short, not a list item, not a lead-in.

    >>> is_label("9 min read"), is_label("Earn your degree in data analytics")
    (True, True)
    >>> is_label("Consider this striking statistic:"), is_label("- Find a dentist.")
    (False, False)
    """
    text = line.strip()
    if is_list_item(text) or text.endswith(":"):
        return False
    return len(text.split()) <= LABEL_WORDS


def _words(lines: list[str]) -> int:
    """Whitespace-separated words of the lines."""
    return sum(len(line.split()) for line in lines)
