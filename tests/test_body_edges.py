"""Body edges: lines the text pass took from outside the story block."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html

from newscrawl.extract import edges, extract_article

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://example.org/news/council-parks-budget"
SENTENCE = "The council approved the new budget for the city parks after a long debate on Tuesday. "
STORY = "".join(f"<p>{SENTENCE * 2}Paragraph {i} ends here.</p>" for i in range(8))
BIO = "Jane Doe is a staff writer who covers city hall and local politics for the paper since 2019."


def body(page: str) -> str:
    """The extracted body of a page (an article)."""
    article = extract_article(page, URL, WHEN)
    assert article.articleBody is not None
    return article.articleBody


def test_trailing_bio_outside_the_story_block_is_dropped() -> None:
    """An author bio after the story's last paragraph, in a block of its own, is left out."""
    page = (
        "<html><body><div><div><h1>Council approves parks budget</h1>" + STORY + "</div>"
        f"<div><p>{BIO}</p></div></div></body></html>"
    )
    text = body(page)
    assert "Paragraph 7 ends here." in text
    assert "Jane Doe" not in text


def test_long_tail_outside_the_story_block_is_kept() -> None:
    """A tail holding much of the text (an FAQ after the story) is not cut."""
    answer = "The parks budget grows by four percent next year, the council said"
    faq = "".join(f"<h2>Question {i}?</h2><p>{answer} ({i}).</p>" for i in range(10))
    page = (
        "<html><body><div><div><h1>Council approves parks budget</h1>" + STORY + "</div>"
        f"<div>{faq}</div></div></body></html>"
    )
    assert "the council said (9)." in body(page)


LEAD = "A lead paragraph before the story block that sums up what the council decided."


def test_trim_edges_drops_short_labels_before_the_story() -> None:
    """Short lines before the story block's first line are labels; longer ones stay."""
    page = lxml.html.fromstring(
        f"<div><p>Blog</p><p>{LEAD}</p><div><p>Story one.</p><p>Story two.</p></div></div>"
    )
    text = f"Blog\n{LEAD}\nStory one.\nStory two."
    kept = edges.trim_edges(text, page[2], page).splitlines()
    assert kept == [LEAD, "Story one.", "Story two."]


def test_short_promo_before_the_story_is_dropped() -> None:
    """A promo line of up to ten words above the story block goes; a list item or a lead-in
    ending in a colon stays."""
    page = lxml.html.fromstring(
        "<div><h3>Earn your degree in data analytics online today</h3>"
        "<ul><li>Key point of the story.</li></ul><p>Consider this striking figure:</p>"
        "<div><p>Story one.</p><p>Story two.</p></div></div>"
    )
    text = (
        "Earn your degree in data analytics online today\n- Key point of the story.\n"
        "Consider this striking figure:\nStory one.\nStory two."
    )
    kept = edges.trim_edges(text, page[3], page).splitlines()
    assert kept == [
        "- Key point of the story.",
        "Consider this striking figure:",
        "Story one.",
        "Story two.",
    ]
