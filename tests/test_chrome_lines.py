"""Whole lines that are chrome: share/sign-up labels, author-box labels (handwritten pages)."""

from __future__ import annotations

from tests.story_pages import PROSE, story_body


def test_call_to_action_lines_dropped() -> None:
    """Widget labels left on their own line ("PIN FOR LATER", "Get started today") go."""
    body = story_body(
        f"{PROSE}<p>PIN FOR LATER</p><h3>Get started today</h3><p>Register</p>{PROSE}"
    )
    assert "PIN FOR LATER" not in body
    assert "Get started today" not in body
    assert "Register" not in body
    assert "Point 3." in body


def test_author_box_and_newsletter_headings_dropped() -> None:
    """ "Written by <Name>" and "Join our … newsletter" lines on their own go."""
    body = story_body(
        f"{PROSE}<h4>Written by Jane Doe</h4><h3>Join Our Genius Newsletter</h3>{PROSE}"
    )
    assert "Written by Jane Doe" not in body
    assert "Genius Newsletter" not in body


def test_label_words_inside_story_sentences_kept() -> None:
    """The same words inside a sentence, or "Written by" before a lower-case word, stay."""
    story = (
        "<p>Register early, officials said, because the council written by hand its notes.</p>"
        "<p>Written by hand</p><p>Join our team of volunteers at the town hall next week.</p>"
    )
    body = story_body(f"{story}{PROSE}")
    assert "Register early" in body
    assert "Written by hand" in body
    assert "Join our team" in body


def test_list_labels_and_pager_lines_dropped() -> None:
    """A tag list's "Tags" label, a breadcrumb's "Home" and "Page 1 of 8" on their own go."""
    body = story_body(f"{PROSE}<p>Tags</p><p>Home</p><p>Page 1 of 8</p>{PROSE}")
    assert "Tags" not in body
    assert "Home" not in body
    assert "Page 1 of 8" not in body
    assert "Point 3." in body


def test_labelled_teaser_lines_dropped() -> None:
    """ "Advertisement: …" and "You might also like: …" lines go; the word in a sentence stays."""
    story = "<p>Advertisement spending fell sharply this year, the council's report said.</p>"
    teasers = "<p>Advertisement: New AI Book!</p><p>You might also like: Ten Budget Tricks</p>"
    body = story_body(f"{story}{PROSE}{teasers}{PROSE}")
    assert "New AI Book" not in body
    assert "Ten Budget Tricks" not in body
    assert "Advertisement spending fell" in body


def test_support_and_paywall_notes_dropped() -> None:
    """Short "support us" and paywall notes go; "support" inside a story sentence stays."""
    story = "<p>The new system will support USB devices in every council office, staff said.</p>"
    notes = (
        "<p>This article is exclusive to Council+ subscribers</p>"
        "<p>This story is funded by readers like you</p>"
    )
    body = story_body(f"{story}{PROSE}{notes}{PROSE}")
    assert "exclusive to" not in body
    assert "funded by readers" not in body
    assert "support USB devices" in body
