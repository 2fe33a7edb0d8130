"""Calls to action closing a story ("Follow us on …", "Sign up for our newsletter").

>>> closing_lines(["Story text.", "More story.", "Follow Newsbeat on Instagram and YouTube."])
['Story text.', 'More story.']
>>> closing_lines(["Follow the steps below to repot the plant.", "Water it.", "Done."])
['Follow the steps below to repot the plant.', 'Water it.', 'Done.']
"""

from __future__ import annotations

import re

#: Only the last lines of a story are checked (earlier, such words are usually story text).
CLOSING_LINES = 3
#: A longer line is a paragraph of the story, whatever its first words.
CALL_MAX_WORDS = 60

#: A line that invites the reader to follow, subscribe or sign up (English; case-insensitive).
CALL_TO_ACTION = re.compile(
    r"^\W*(?:follow\b(?! (?:the|these|this|that|all|along|your|my|our|up|through|steps)\b)"
    r"|subscribe\b|sign up\b|get the latest\b|get the best of\b|join our\b"
    r"|follow\b.{0,80}\bon (?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b)"
    r"|\b(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b",
    re.IGNORECASE,
)


def is_call_to_action(line: str) -> bool:
    """Whether a line is an invitation to follow or subscribe (list items never are)."""
    if line.startswith(("- ", "* ", "• ")) or len(line.split()) > CALL_MAX_WORDS:
        return False
    return CALL_TO_ACTION.search(line) is not None


def closing_lines(lines: list[str]) -> list[str]:
    """The body's lines without calls to action among its last `CLOSING_LINES` lines."""
    cut = max(len(lines) - CLOSING_LINES, 0)
    return lines[:cut] + [line for line in lines[cut:] if not is_call_to_action(line)]
