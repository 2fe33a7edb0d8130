"""Sign-up prompts, tables of contents and disclosure/call-to-action boxes (handwritten pages)."""

from __future__ import annotations

from newscrawl.extract.document import parse_html
from newscrawl.extract.linkblocks import chrome_boxes
from newscrawl.extract.prompts import signup_boxes, toc_blocks
from tests.story_pages import BLOG_URL, PROSE, story_body

SIGNUP = (
    "<div><h3>Join Our Newsletter</h3><p>Get the freshest stories in your inbox every week.</p>"
    '<form><input type="email" placeholder="Your e-mail"><button>Go</button></form></div>'
)


def test_signup_prompt_without_telling_class_dropped() -> None:
    """A short block around an e-mail field goes with its heading and pitch."""
    body = story_body(f"{PROSE}{SIGNUP}{PROSE}")
    assert "Join Our Newsletter" not in body
    assert "freshest stories" not in body
    assert "Point 3." in body


def test_story_holding_an_email_field_is_not_a_prompt() -> None:
    """The box stops below the first block that holds more than a short prompt."""
    doc = parse_html(f"<html><body><div id='story'>{PROSE}{SIGNUP}</div></body></html>", BLOG_URL)
    boxes = signup_boxes(doc, [])
    assert [box.tag for box in boxes] == ["div"]
    assert boxes[0].get("id") is None


def test_table_of_contents_with_heading_dropped() -> None:
    """A list of in-page links goes with its short heading; the sections stay."""
    toc = (
        "<div><p>Table of Contents</p><ul>"
        '<li><a href="#vote">The vote</a></li><li><a href="#next">What comes next</a></li>'
        "</ul></div>"
    )
    body = story_body(f"{toc}<h2 id='vote'>The vote</h2>{PROSE}")
    assert "Table of Contents" not in body
    assert "What comes next" not in body
    assert "Point 0." in body


def test_list_linking_to_other_pages_is_not_a_table_of_contents() -> None:
    """Links to other pages, or a list with text beside its anchors, are not a contents list."""
    page = (
        '<html><body><ul id="a"><li><a href="/one">One</a></li><li><a href="/two">Two</a></li>'
        '</ul><ul id="b"><li>See <a href="#x">the vote</a> and the long debate that came first'
        '</li><li><a href="#y">Next</a></li></ul></body></html>'
    )
    assert toc_blocks(parse_html(page, BLOG_URL), []) == []


def test_disclosure_and_call_to_action_boxes_dropped() -> None:
    """Affiliate disclosures and call-to-action boxes (by class) are chrome."""
    disclosure = '<div class="affiliate-disclosure"><p>We may earn a commission.</p></div>'
    cta = '<div class="post-cta"><h4>Want to win more jobs?</h4><p>Book a demo.</p></div>'
    body = story_body(f"{disclosure}{PROSE}{cta}")
    assert "commission" not in body
    assert "win more jobs" not in body


def test_author_box_contents_box_and_post_navigation_dropped_by_class() -> None:
    """Author bio boxes, named contents boxes and previous/next links (by class) are chrome."""
    author = '<div class="post-author-box"><p>Written by Ann Lee</p><p>Ann covers news.</p></div>'
    toc = '<div class="BlogTableOfContent_toc"><p>Contents</p><p>The vote</p></div>'
    nav = '<div class="prevnext"><p>Next article: <a href="/blog/other">Other post</a></p></div>'
    body = story_body(f"{toc}{PROSE}{author}{nav}")
    assert "Written by Ann Lee" not in body
    assert "Contents" not in body
    assert "Next article" not in body


def test_call_to_action_words_only_as_whole_words_on_blocks() -> None:
    """An inline link classed `cta-link` in a sentence stays; "octagon" is not "cta"."""
    page = (
        '<html><body><div class="octagon"><p>Short.</p></div>'
        '<p>Read the <a class="cta-link" href="/r">report</a>.</p></body></html>'
    )
    assert chrome_boxes(parse_html(page, BLOG_URL), []) == []
