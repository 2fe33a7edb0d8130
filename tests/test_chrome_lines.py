"""Whole lines that are chrome: share/sign-up labels, author-box labels (handwritten pages).

Each row: the story markup around PROSE, the lines that must go, the lines that must stay.
"""

from __future__ import annotations

import pytest

from tests.story_pages import PROSE, check_lines, story_body

STORY_SENTENCES = (
    "<p>Register early, officials said, because the council written by hand its notes.</p>"
    "<p>Written by hand</p><p>Join our team of volunteers at the town hall next week.</p>"
)
CASES: dict[str, tuple[str, list[str], list[str]]] = {
    # widget labels left on their own line ("PIN FOR LATER", "Get started today")
    "call_to_action_lines_dropped": (
        f"{PROSE}<p>PIN FOR LATER</p><h3>Get started today</h3><p>Register</p>{PROSE}",
        ["PIN FOR LATER", "Get started today", "Register"],
        ["Point 3."],
    ),
    # "Written by <Name>" and "Join our … newsletter" lines on their own
    "author_box_and_newsletter_headings_dropped": (
        f"{PROSE}<h4>Written by Jane Doe</h4><h3>Join Our Genius Newsletter</h3>{PROSE}",
        ["Written by Jane Doe", "Genius Newsletter"],
        [],
    ),
    # the same words inside a sentence, or "Written by" before a lower-case word
    "label_words_inside_story_sentences_kept": (
        f"{STORY_SENTENCES}{PROSE}",
        [],
        ["Register early", "Written by hand", "Join our team"],
    ),
    # a tag list's "Tags" label, a breadcrumb's "Home" and "Page 1 of 8" on their own
    "list_labels_and_pager_lines_dropped": (
        f"{PROSE}<p>Tags</p><p>Home</p><p>Page 1 of 8</p>{PROSE}",
        ["Tags", "Home", "Page 1 of 8"],
        ["Point 3."],
    ),
    # "Advertisement: …" and "You might also like: …" lines; the word in a sentence stays
    "labelled_teaser_lines_dropped": (
        "<p>Advertisement spending fell sharply this year, the council's report said.</p>"
        f"{PROSE}<p>Advertisement: New AI Book!</p>"
        f"<p>You might also like: Ten Budget Tricks</p>{PROSE}",
        ["New AI Book", "Ten Budget Tricks"],
        ["Advertisement spending fell"],
    ),
    # short "support us" and paywall notes; "support" inside a story sentence stays
    "support_and_paywall_notes_dropped": (
        "<p>The new system will support USB devices in every council office, staff said.</p>"
        f"{PROSE}<p>This article is exclusive to Council+ subscribers</p>"
        f"<p>This story is funded by readers like you</p>{PROSE}",
        ["exclusive to", "funded by readers"],
        ["support USB devices"],
    ),
    # a closing note that names the newsletter before it asks for support (up to 70 words)
    "long_support_note_dropped": (
        f"{PROSE}<p>Council Weekly is a production of the Town Desk, an independent team of "
        "volunteers and local writers who cover every meeting of the city council and its "
        "committees. If you liked this article, please consider sharing it with your "
        "neighbours and subscribing to the Council Weekly digest for more reports.</p>",
        ["is a production of"],
        ["Point 3."],
    ),
    # newsletter sign-up and social-follow prompts anywhere; "newsletters" in a sentence stays
    "signup_and_follow_prompts_dropped": (
        "<p>I read 28 newsletters I subscribe to before the council vote this week.</p>"
        f"{PROSE}<p>Want more from the Council Desk? Sign up for our newsletter, The Vote.</p>"
        f"{PROSE}<p>Catch up on our council coverage and follow us on Facebook and Instagram.</p>",
        ["Sign up for our newsletter", "follow us on Facebook"],
        ["28 newsletters I subscribe to"],
    ),
    # mailing-list and referral prompts; "join" and "friends" in story sentences stay
    "mailing_list_and_referral_prompts_dropped": (
        "<p>Residents can join the council's budget panel, and friends of the park get a vote.</p>"
        f"{PROSE}<p>Join our mailing list! Get a note when a new report is out.</p>"
        f"<p>Love Council Weekly? Tell your friends and get rewards.</p>{PROSE}",
        ["Join our mailing list", "Tell your friends"],
        ["join the council's budget panel"],
    ),
    # an ask to rate the post (recipe blogs)
    "rating_prompt_dropped": (
        f"{PROSE}<p>Did you make one of my recipes? Please take a moment to leave a star "
        "rating. Also feel free to leave a comment!</p>",
        ["leave a star rating"],
        ["Point 3."],
    ),
    # a copyright notice on its own line; a sentence about copyright stays
    "copyright_notice_dropped": (
        "<p>The council holds the copyright on the budget maps, and all rights reserved by law "
        "stay with the city archive, officials said.</p>"
        f"{PROSE}<p>© Copyright 2004-2025 Council Weekly. All Rights Reserved.</p>",
        ["© Copyright"],
        ["holds the copyright"],
    ),
}


@pytest.mark.parametrize(("inner", "dropped", "kept"), CASES.values(), ids=CASES.keys())
def test_chrome_lines(inner: str, dropped: list[str], kept: list[str]) -> None:
    check_lines(story_body(inner), dropped, kept)
