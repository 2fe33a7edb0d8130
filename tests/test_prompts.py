"""Sign-up prompts, tables of contents and disclosure/call-to-action boxes (handwritten pages)."""

from __future__ import annotations

import pytest

from newscrawl.extract.document import parse_html
from newscrawl.extract.linkblocks import chrome_boxes
from newscrawl.extract.prompts import signup_boxes, toc_blocks
from tests.story_pages import BLOG_URL, PROSE, check_lines, story_body

SIGNUP = (
    "<div><h3>Join Our Newsletter</h3><p>Get the freshest stories in your inbox every week.</p>"
    '<form><input type="email" placeholder="Your e-mail"><button>Go</button></form></div>'
)


#: Boxes inside a story: (story markup around PROSE, lines that go, lines that stay).
BOXES: dict[str, tuple[str, list[str], list[str]]] = {
    # a short block around an e-mail field goes with its heading and pitch
    "signup_prompt_without_telling_class_dropped": (
        f"{PROSE}{SIGNUP}{PROSE}",
        ["Join Our Newsletter", "freshest stories"],
        ["Point 3."],
    ),
    # a list of in-page links goes with its short heading; the sections stay
    "table_of_contents_with_heading_dropped": (
        "<div><p>Table of Contents</p><ul>"
        '<li><a href="#vote">The vote</a></li><li><a href="#next">What comes next</a></li>'
        f"</ul></div><h2 id='vote'>The vote</h2>{PROSE}",
        ["Table of Contents", "What comes next"],
        ["Point 0."],
    ),
    # affiliate disclosures and call-to-action boxes (by class) are chrome
    "disclosure_and_call_to_action_boxes_dropped": (
        '<div class="affiliate-disclosure"><p>We may earn a commission.</p></div>'
        f"{PROSE}"
        '<div class="post-cta"><h4>Want to win more jobs?</h4><p>Book a demo.</p></div>',
        ["commission", "win more jobs"],
        [],
    ),
    # author bio boxes, named contents boxes and previous/next links (by class) are chrome
    "author_box_contents_box_and_post_navigation_dropped_by_class": (
        '<div class="BlogTableOfContent_toc"><p>Contents</p><p>The vote</p></div>'
        f"{PROSE}"
        '<div class="post-author-box"><p>Written by Ann Lee</p><p>Ann covers news.</p></div>'
        '<div class="prevnext"><p>Next article: <a href="/blog/other">Other post</a></p></div>',
        ["Written by Ann Lee", "Contents", "Next article"],
        [],
    ),
}


@pytest.mark.parametrize(("inner", "dropped", "kept"), BOXES.values(), ids=BOXES.keys())
def test_boxes_inside_the_story(inner: str, dropped: list[str], kept: list[str]) -> None:
    check_lines(story_body(inner), dropped, kept)


def test_story_holding_an_email_field_is_not_a_prompt() -> None:
    """The box stops below the first block that holds more than a short prompt."""
    doc = parse_html(f"<html><body><div id='story'>{PROSE}{SIGNUP}</div></body></html>", BLOG_URL)
    boxes = signup_boxes(doc, [])
    assert [box.tag for box in boxes] == ["div"]
    assert boxes[0].get("id") is None


def test_list_linking_to_other_pages_is_not_a_table_of_contents() -> None:
    """Links to other pages, or a list with text beside its anchors, are not a contents list."""
    page = (
        '<html><body><ul id="a"><li><a href="/one">One</a></li><li><a href="/two">Two</a></li>'
        '</ul><ul id="b"><li>See <a href="#x">the vote</a> and the long debate that came first'
        '</li><li><a href="#y">Next</a></li></ul></body></html>'
    )
    assert toc_blocks(parse_html(page, BLOG_URL), []) == []


def test_call_to_action_words_only_as_whole_words_on_blocks() -> None:
    """An inline link classed `cta-link` in a sentence stays; "octagon" is not "cta"."""
    page = (
        '<html><body><div class="octagon"><p>Short.</p></div>'
        '<p>Read the <a class="cta-link" href="/r">report</a>.</p></body></html>'
    )
    assert chrome_boxes(parse_html(page, BLOG_URL), []) == []
