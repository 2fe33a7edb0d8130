"""Stories printed twice: pages that carry the same text in two containers (a desktop and a
mobile layout, a preview and the full post) give trafilatura every paragraph twice."""

from __future__ import annotations

from collections import Counter

#: Words of a line of running text (shorter lines repeat in many stories: labels, items).
RUNNING_WORDS = 15
#: Share of the distinct running-text lines that occur more than once in a story printed twice.
REPEAT_SHARE = 0.8


def is_printed_twice(lines: list[str]) -> bool:
    """Whether (nearly) every distinct line of running text occurs more than once.

    >>> story = ["word " * 20 + str(n) for n in range(4)]
    >>> is_printed_twice(story + story), is_printed_twice(story + story[:2])
    (True, False)
    """
    counts = Counter(line for line in lines if len(line.split()) >= RUNNING_WORDS)
    repeated = sum(1 for count in counts.values() if count > 1)
    return bool(counts) and repeated >= REPEAT_SHARE * len(counts)


def without_repeats(lines: list[str]) -> list[str]:
    """The lines without their later copies when the story is printed twice (a few repeated
    labels, list items or paragraphs are left as they are: menus and reviews repeat them).

    >>> story = ["Subheading", "word " * 20 + "end."]
    >>> without_repeats(story + story) == story
    True
    """
    if not is_printed_twice(lines):
        return lines
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        if line not in seen:
            seen.add(line)
            kept.append(line)
    return kept


#: Consecutive lines, and their words, that make a passage printed again (an FAQ or a
#: summary block repeated below the story).
PASSAGE_LINES = 4
PASSAGE_WORDS = 80


def without_repeated_passages(lines: list[str]) -> list[str]:
    """The lines without later copies of a passage: `PASSAGE_LINES` or more consecutive lines
    holding ≥ `PASSAGE_WORDS` words that occur earlier in the same order.

    >>> passage = ["Question one?", "word " * 40, "Question two?", "word " * 40 + "end"]
    >>> out = without_repeated_passages(["Intro.", *passage, "Middle.", *passage, "Last."])
    >>> len(out), out[-2:]
    (7, ['Middle.', 'Last.'])
    """
    size = PASSAGE_LINES
    starts: dict[tuple[str, ...], int] = {}
    for at in range(len(lines) - size + 1):
        starts.setdefault(tuple(lines[at : at + size]), at)
    keep = [True] * len(lines)
    at = 0
    while at <= len(lines) - size:
        run = tuple(lines[at : at + size])
        first = starts[run]
        if first + size <= at and sum(len(line.split()) for line in run) >= PASSAGE_WORDS:
            end = _copy_end(lines, first, at)
            keep[at:end] = [False] * (end - at)
            at = end
        else:
            at += 1
    return [line for line, kept in zip(lines, keep, strict=True) if kept]


def _copy_end(lines: list[str], first: int, at: int) -> int:
    """Where the copy starting at `at` of the passage starting at `first` ends."""
    end = at + PASSAGE_LINES
    while end < len(lines) and first + end - at < at and lines[first + end - at] == lines[end]:
        end += 1
    return end
