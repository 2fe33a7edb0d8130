"""Split story bodies, hover cards and deks (handwritten pages)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml.html import fromstring

from newscrawl.extract import extract_article
from newscrawl.extract.body import join_split_body
from newscrawl.extract.deks import deks
from newscrawl.extract.document import parse_html, squash
from tests.story_pages import check_lines

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://example.org/news/city-council-votes-on-budget"
SENTENCE = "The city council voted on the new budget after a long debate on Tuesday. "


def prose(label: str, count: int = 3) -> str:
    """`count` paragraphs of running text, each starting with `label`."""
    return "".join(f"<p>{label} {i}. {SENTENCE * 3}</p>" for i in range(count))


def body_of(inner: str, head: str = "") -> str:
    """The extracted body of a page with the given story markup."""
    page = (
        f"<html><head>{head}</head><body><h1>Council passes the budget after debate</h1>"
        f"{inner}</body></html>"
    )
    article = extract_article(page, URL, WHEN)
    assert article.articleBody is not None
    return article.articleBody


def test_story_split_by_an_ad_row_is_read_whole() -> None:
    """The story's second container (same class, after an ad row) is part of the body."""
    ad = '<div class="ad-row"><div class="ad-slot">Advertisement</div></div>'
    aside = '<div class="rail"><p>Rail text that is not the story at all.</p></div>'
    page = (
        f'<div class="grid"><div class="article__body">{prose("First", 5)}</div>{aside}</div>{ad}'
        f'<div class="grid"><div class="article__body">{prose("Second")}</div></div>'
    )
    body = body_of(page)
    assert "First 0." in body and "Second 2." in body
    assert "Rail text" not in body


def test_other_containers_of_another_class_stay_out() -> None:
    """Only containers with the first one's class join it."""
    page = (
        f'<div class="article__body">{prose("First")}</div>'
        f'<div class="comment-body"><p>Reader comment that should not join the story.</p></div>'
    )
    assert "Reader comment" not in body_of(page)


def test_parts_with_story_text_between_them_stay_apart() -> None:
    """Containers with running text between them are not joined (it would be skipped)."""
    root = fromstring(
        f'<div><div class="article-body">{prose("First", 5)}</div><p>{SENTENCE * 2}</p>'
        f'<div class="article-body">{prose("Second")}</div></div>'
    )
    assert join_split_body(root) == 0


def test_teaser_cards_sharing_the_class_stay_apart() -> None:
    """Short containers of the story's class (teaser cards) are not joined to it."""
    card = '<div class="article-body"><p>A teaser of another story.</p></div>'
    root = fromstring(f'<div><div class="article-body">{prose("First", 5)}</div>{card * 3}</div>')
    assert join_split_body(root) == 0


HOVER = (
    '<span class="card"><a href="/people/jane-roe">Jane Q. Roe</a>'
    '<a href="/news/1-roe-speaks">Roe speaks on the budget</a> '
    '<a href="/news/2-roe-votes">Roe votes against the plan</a> '
    '<a href="/people/jane-roe">MORE</a></span>'
)


def test_hover_card_after_a_name_link_dropped() -> None:
    """A person's card of links right after the link to their page is not story text."""
    paragraph = (
        f'<p>Council member <span><a href="/people/jane-roe">Jane Roe</a>{HOVER}</span> '
        f"(D) said the plan was fair. {SENTENCE}</p>"
    )
    body = body_of(f"<article>{prose('Lead')}{paragraph}{prose('More')}</article>")
    assert "Council member Jane Roe (D) said the plan was fair." in body
    assert "Roe speaks" not in body


def test_links_in_a_span_without_a_name_link_before_kept() -> None:
    """A span of links that does not repeat the link before it is a sentence: it stays."""
    span = (
        '<span><a href="/news/a">the budget</a>, <a href="/news/b">the levy</a> and '
        '<a href="/news/c">the bonds</a></span>'
    )
    paragraph = f"<p>The council discussed {span} at length. {SENTENCE}</p>"
    body = body_of(f"<article>{prose('Lead')}{paragraph}</article>")
    assert "discussed the budget, the levy and the bonds at length" in body


DESCRIPTION = '<meta name="description" content="The vote ends a year of budget fights.">'


def test_dek_repeating_the_description_found() -> None:
    """A subheading that repeats the page's description is a dek; other subheadings are not."""
    doc = parse_html(
        f"<html><head>{DESCRIPTION}</head><body><h1>Council passes the budget</h1>"
        "<h2>The vote ends a year of budget fights</h2><p>Text.</p>"
        "<h2>What the budget pays for</h2><p>Text.</p></body></html>",
        URL,
    )
    assert [squash(element.text_content()) for element in deks(doc, doc.root.find(".//h1"))] == [
        "The vote ends a year of budget fights"
    ]


def test_subheading_inside_the_story_is_no_dek() -> None:
    """A subheading that repeats the description away from the headline is story text."""
    doc = parse_html(
        f"<html><head>{DESCRIPTION}</head><body><div><h1>Council passes the budget</h1></div>"
        "<div><h2>The vote ends a year of budget fights</h2><p>Text.</p></div></body></html>",
        URL,
    )
    assert deks(doc, doc.root.find(".//h1")) == []


def test_paragraph_repeating_the_description_is_no_dek() -> None:
    """A paragraph that repeats the description may be the story's lead: never a dek."""
    summary = "The vote ends a year of budget fights between the council and the mayor."
    doc = parse_html(
        f'<html><head><meta name="description" content="{summary}"></head><body>'
        f"<h1>Council passes the budget</h1><p>{summary}</p><h3>{summary}</h3></body></html>",
        URL,
    )
    assert [element.tag for element in deks(doc, doc.root.find(".//h1"))] == ["h3"]


#: Closing lines of a story: (markup after the story, lines that go, lines that stay).
CLOSINGS: dict[str, tuple[str, list[str], list[str]]] = {
    # "Follow … on Instagram" and newsletter prompts closing a story are not story text
    "closing_call_to_action_dropped": (
        "<p>Follow our reporters on Twitter and Instagram for more.</p>"
        "<p>There is more where that came from: sign up for the free daily newsletter.</p>",
        ["Follow our reporters", "newsletter"],
        ["Lead 2."],
    ),
    # "Follow these steps" and a list item "Sign up for …" are story text
    "instructions_and_list_items_are_no_call_to_action": (
        "<p>Follow these steps to file the form before the deadline.</p>"
        "<ul><li>Sign up for the city's budget hearing on its website.</li></ul>",
        [],
        ["Follow these steps to file the form", "Sign up for the city's budget hearing"],
    ),
}


@pytest.mark.parametrize(("closing", "dropped", "kept"), CLOSINGS.values(), ids=CLOSINGS.keys())
def test_closing_lines(closing: str, dropped: list[str], kept: list[str]) -> None:
    check_lines(body_of(f"<article>{prose('Lead')}{closing}</article>"), dropped, kept)


def test_quoted_post_in_a_social_wrapper_kept() -> None:
    """A tweet quoted in the story (a blockquote in a 'social-media-embed' box) stays."""
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet">'
        "<p>The council finally passed the budget tonight after months of work.</p>"
        '— Jane Roe (@janeroe) <a href="https://twitter.com/janeroe/status/1">tweet</a>'
        "</blockquote></div>"
    )
    body = body_of(f"<article>{prose('Lead')}{tweet}{prose('More')}</article>")
    assert "The council finally passed the budget tonight" in body


def test_card_list_under_a_title_dropped() -> None:
    """Link cards under a subheading of their own are a card list, title included."""
    cards = "".join(
        f'<div><a href="/news/laptop-{i}">Laptop story number {i} in the news</a></div>'
        for i in range(3)
    )
    box = f'<div class="feature"><h2>New laptop now available</h2>{cards}</div>'
    body = body_of(f"<article>{prose('Lead')}{box}{prose('More')}</article>")
    assert "Laptop story number" not in body and "New laptop now available" not in body
    assert "More 2." in body
