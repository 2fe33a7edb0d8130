"""Calls to action: closing a story ("Follow us on …"), or sign-up prompts anywhere in it.

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

#: Newsletter sign-up, referral and social-follow prompts, dropped wherever they stand in the
#: body (`chrome.is_chrome_line`), so narrower than `CALL_TO_ACTION` (last lines only): "Sign
#: up for our newsletter, The Selection", "Was this newsletter forwarded to you? Sign up …",
#: "Join our mailing list!", "Love X? Tell your friends and get rewards.", "follow us on
#: Facebook, Instagram …".
SIGNUP_PROMPT = re.compile(
    r"\b(?:sign up|subscribe) (?:for|to) (?:our|my|the|this)\b.{0,40}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,40}\bsign up\b"
    r"|\bjoin (?:our|the|my) (?:mailing list|email list|newsletter|facebook group)\b"
    r"|\b(?:tell|refer) (?:your|a) friends?\b.{0,30}\b(?:get|earn) (?:rewards?|a reward)\b"
    r"|\bfollow (?:us|me)\b.{0,40}\bon (?:twitter|facebook|instagram|linkedin|youtube|tiktok"
    r"|social media)\b",
    re.I,
)
#: Words up to which a line holding a sign-up prompt is that prompt, not a story paragraph.
SIGNUP_PROMPT_WORDS = 30


#: How the extracted text starts a list item's line.
LIST_MARKS = ("- ", "* ", "• ")


def is_list_item(line: str) -> bool:
    """Whether a line of extracted text is a list item."""
    return line.startswith(LIST_MARKS)


def short_match(line: str, pattern: re.Pattern[str], max_words: int) -> bool:
    """Whether a line that is no list item and has at most `max_words` words matches."""
    if is_list_item(line) or len(line.split()) > max_words:
        return False
    return pattern.search(line) is not None


def is_call_to_action(line: str) -> bool:
    """Whether a line is an invitation to follow or subscribe (list items never are)."""
    return short_match(line, CALL_TO_ACTION, CALL_MAX_WORDS)


def is_signup_prompt(line: str) -> bool:
    """Whether a short line (not a list item) asks the reader to sign up or follow the site.

    >>> is_signup_prompt("Want more from NBC Select? Sign up for our newsletter, The Selection.")
    True
    >>> is_signup_prompt("I also picked 28 newsletters I subscribe to as the test set.")
    False
    """
    return short_match(line, SIGNUP_PROMPT, SIGNUP_PROMPT_WORDS)


def closing_lines(lines: list[str]) -> list[str]:
    """The body's lines without calls to action among its last `CLOSING_LINES` lines."""
    cut = max(len(lines) - CLOSING_LINES, 0)
    return lines[:cut] + [line for line in lines[cut:] if not is_call_to_action(line)]
