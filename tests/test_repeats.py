"""Stories printed twice (two or three layouts of one story on the page)."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl.extract import extract_article, repeats

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://example.org/news/council-parks-budget"
SENTENCE = "The council approved the new budget for the city parks after a long debate on Tuesday. "
STORY = "".join(f"<p>{SENTENCE * 2}Paragraph {i} ends here.</p>" for i in range(8))


def test_story_printed_in_three_layouts_is_read_once() -> None:
    """A page carrying its story in three layouts (desktop, tablet, mobile) gives it once."""
    page = (
        "<html><body><h1>Council approves parks budget</h1>"
        + "".join(f"<div class='layout-{n}'>{STORY}</div>" for n in range(3))
        + "</body></html>"
    )
    article = extract_article(page, URL, WHEN)
    assert article.articleBody is not None
    assert article.articleBody.count("Paragraph 3 ends here.") == 1


def test_repeated_labels_and_some_paragraphs_are_kept() -> None:
    """Repeated labels and a few repeated paragraphs (a meal plan's daily notes) are not a
    story printed twice."""
    note = "Eat every two to three hours and drink a glass of water with each meal of the day."
    notes = [f"{note} Note {n}." for n in range(3)]
    days = [[f"Day {n}", *notes, f"{SENTENCE}Menu {n} of the plan."] for n in range(4)]
    lines = [line for day in days for line in day]
    assert repeats.without_repeats(lines) == lines


def test_a_passage_printed_again_below_the_story_is_read_once() -> None:
    """An FAQ block printed a second time below the story (same questions and answers in the
    same order) is read once; the story around it stays."""
    faq = [f"Question {n}: how much does the parks budget grow next year?" for n in range(2)] + [
        f"{SENTENCE * 3}Answer {n}." for n in range(2)
    ]
    lines = ["Lead paragraph.", *faq, "Middle paragraph.", *faq, "Closing paragraph."]
    out = repeats.without_repeated_passages(lines)
    assert out == ["Lead paragraph.", *faq, "Middle paragraph.", "Closing paragraph."]
