"""Link-made chrome and story-holding layout blocks (handwritten pages)."""

from __future__ import annotations

from functools import partial

from lxml import etree

from newscrawl.extract import extract_article
from newscrawl.extract.document import parse_html
from newscrawl.extract.linkblocks import chrome_boxes, is_card_list, is_link_line, set_aside
from tests.story_pages import PROSE, SENTENCE, WHEN, story_body

URL = "https://example.org/news/city-council-votes-on-budget"
body_of = partial(story_body, url=URL, in_article=False)


def test_link_line_dropped_but_inline_link_kept() -> None:
    """A paragraph that is only a link to another story goes; a sentence with a link stays."""
    teaser = '<p><strong><a href="/news/mayor-resigns">MAYOR RESIGNS AFTER VOTE</a></strong></p>'
    inline = f'<p>{SENTENCE}Read the <a href="/docs/budget.pdf">budget</a> itself here.</p>'
    body = body_of(f"<article>{PROSE}{teaser}{inline}{PROSE}</article>")
    assert "MAYOR RESIGNS" not in body
    assert "Read the budget itself here." in body


def test_anchor_links_are_not_teasers() -> None:
    """A heading linking to a place on the same page is not a link to another page."""
    doc = parse_html('<html><body><h2><a href="#vote">The vote</a></h2></body></html>', URL)
    heading = doc.root.find(".//h2")
    assert heading is not None and not is_link_line(heading, doc)


def test_card_list_dropped() -> None:
    """A list of three or more short link items with summaries is a card list."""
    cards = "".join(
        f'<li><a href="/news/story-{i}">Other story number {i}</a> A short summary.</li>'
        for i in range(4)
    )
    body = body_of(f"<article>{PROSE}<ul>{cards}</ul>{PROSE}</article>")
    assert "Other story number" not in body


def test_list_of_links_to_other_sites_kept() -> None:
    """A list of short items linking to other sites (the patches or sources a post cites) is
    story text: teaser cards link to the site's own pages."""
    items = "".join(
        f'<li>gcc: <a href="https://gcc.example.net/p/{i}">Fix volatile loads {i}</a></li>'
        for i in range(4)
    )
    body = body_of(f"<article>{PROSE}<ul>{items}</ul>{PROSE}</article>")
    assert "Fix volatile loads 3" in body


def test_list_of_prose_items_kept() -> None:
    """A list whose items are sentences with a link in one is story text."""
    items = "".join(f"<li>{SENTENCE}</li>" for _ in range(3))
    doc = parse_html(
        f'<html><body><ul>{items}<li>See <a href="/x">this</a> too.</li></ul></body></html>', URL
    )
    ul = doc.root.find(".//ul")
    assert ul is not None and not is_card_list(ul, doc)


def test_newsletter_box_dropped_by_class() -> None:
    """A short box whose class names a newsletter is removed; the story is not."""
    box = (
        '<div class="Newsletter-container"><h3>Daily Briefing</h3>'
        "<p>Get the day's big stories in your inbox.</p><p>Thanks for signing up!</p></div>"
    )
    body = body_of(f"<article>{PROSE}{box}{PROSE}</article>")
    assert "Thanks for signing up" not in body
    assert "Daily Briefing" not in body


def test_long_box_with_share_class_kept() -> None:
    """A block named like a share box but holding a long text is not a chrome box."""
    page = f'<html><body><div class="shared-content">{PROSE * 3}</div></body></html>'
    doc = parse_html(page, URL)
    assert chrome_boxes(doc, []) == []


def test_heading_whose_id_names_a_share_word_is_not_a_chrome_box() -> None:
    """Heading anchors are made from their text: "How to share on social media" stays."""
    heading = '<h2 id="h-how-to-share-on-social-media">How to share on social media</h2>'
    body = body_of(f"<article>{PROSE}{heading}{PROSE}</article>")
    assert "How to share on social media" in body


def test_header_holding_the_story_is_kept() -> None:
    """Site builders put the whole story in a <header>; its paragraphs are the body."""
    body = body_of(f'<header class="section_blog-post">{PROSE}</header>')
    assert "Point 3." in body


def test_site_header_still_removed() -> None:
    """A real page header (menu links, no running text) is still chrome."""
    menu = '<header><a href="/">Home</a> <a href="/news">News</a> Welcome to our site</header>'
    body = body_of(f"{menu}<article>{PROSE}</article>")
    assert "Welcome to our site" not in body


def test_removal_rule_match_holding_most_of_the_prose_is_the_story() -> None:
    """A "share" wrapper, or an unclosed <button> the parser nests the page in, is the story."""
    wrapped = body_of(f'<div class="share"><a href="/x">Tweet</a>{PROSE * 2}</div><p>Footer.</p>')
    assert "Point 3." in wrapped
    unclosed = body_of(f'<button class="menu-button">Menu<div class="main">{PROSE}</div>')
    assert "Point 3." in unclosed


def test_story_nested_in_an_aside_is_read_as_a_plain_block() -> None:
    """Broken markup nests the story (headline included) in a popup <aside>; it is the body."""
    page = f'<html><body><aside class="popup-overlay"><h1>Council passes the budget</h1>{PROSE * 2}'
    article = extract_article(page + "</aside></body></html>", URL, WHEN)
    assert article.articleBody is not None and "Point 3." in article.articleBody


def test_comments_and_hidden_blocks_go_even_when_they_hold_most_prose() -> None:
    """Long comments or a hidden panel are chrome, however much they say."""
    story = f"<article><p>{SENTENCE * 3}</p></article>"
    comments = f'<div id="comments" class="share">{PROSE * 2}</div>'
    hidden = f'<div aria-hidden="true"><p>{"Hidden words that stay hidden. " * 30}</p></div>'
    body = body_of(story + comments + hidden)
    assert "Point" not in body and "Hidden words" not in body
    assert SENTENCE.strip() in body


def test_unspaced_sentence_with_a_link_is_not_a_link_line() -> None:
    """Link share counts characters, so a Japanese sentence with one linked word stays."""
    sentence = "気象庁は13日、日向灘で震度5弱の地震があったと発表した。震源の深さは約30キロ。"
    doc = parse_html(
        f'<html><body><p><a href="/quake">{sentence[:3]}</a>{sentence}</p></body></html>', URL
    )
    paragraph = doc.root.find(".//p")
    assert paragraph is not None and not is_link_line(paragraph, doc)


def test_standalone_link_between_paragraphs_dropped() -> None:
    """A teaser link standing between paragraphs (not inside a sentence) is removed."""
    teaser = (
        '<a class="read-more" href="/news/other-story"><span>Also on this site</span>'
        "<span>Mayor resigns after the council vote on the budget</span></a>"
    )
    body = body_of(f"<article>{PROSE}{teaser}{PROSE}</article>")
    assert "Mayor resigns" not in body


def test_subheading_linking_to_another_site_is_kept() -> None:
    """A subheading that links out (a product or source named in the story) is story text."""
    doc = parse_html(
        '<html><body><h3><a href="https://games.example.com/rez">Rez Infinite ($30)</a></h3>'
        "</body></html>",
        URL,
    )
    heading = doc.root.find(".//h3")
    assert heading is not None and not is_link_line(heading, doc)


def test_chrome_boxes_are_outermost_and_spare_the_protected() -> None:
    """Only the outer of nested boxes is taken; a protected element and its holders are not."""
    page = (
        '<html><body><div id="promoRail"><div class="share-bar"><a href="/x">Share</a></div>'
        '<p>Offer</p></div><section class="social"><h1>Headline</h1></section>'
        '<aside class="SIGNUP"><p>Join us</p></aside></body></html>'
    )
    doc = parse_html(page, URL)
    headline = doc.root.xpath("//h1")[0]
    found = chrome_boxes(doc, [headline])
    assert [box.get("id") or box.get("class") for box in found] == ["promoRail", "SIGNUP"]


def test_text_after_a_set_aside_block_stays_in_the_body() -> None:
    """A story's first paragraph lying loose after a card box, beside the other paragraphs,
    is neither lost with the box nor dropped by trafilatura."""
    cards = "".join(
        f'<li><a href="/story-{i}">Another story about the council number {i}</a></li>'
        for i in range(4)
    )
    inner = (
        f"<article><div><div class='related'><ul>{cards}</ul></div>"
        "LONDON (AP) — The council voted on the budget on Tuesday after a long debate."
        f"{PROSE}</div></article>"
    )
    body = body_of(inner)
    assert "LONDON (AP) — The council voted" in body
    assert "Another story" not in body


def test_set_aside_puts_the_tree_back_as_it_was() -> None:
    page = "<html><body><div><p>a</p><ul id='x'><li>b</li></ul>tail<p>c</p></div></body></html>"
    doc = parse_html(page, URL)
    before = etree.tostring(doc.root)
    with set_aside(doc.root.xpath("//ul")):
        assert "tail" in doc.root.text_content()
        assert "b" not in doc.root.text_content()
    assert etree.tostring(doc.root) == before


def test_standalone_link_directly_in_main_dropped() -> None:
    """A "Back to blog" link standing alone at the top of `<main>` is not story text."""
    page = (
        '<html><body><main><a href="/blog"><img src="/arrow.svg" alt="">Back to Blogs</a>'
        f"<div><h1>Council passes the budget</h1>{PROSE}</div></main></body></html>"
    )
    article = extract_article(page, URL, WHEN)
    assert article.articleBody is not None
    assert "Back to Blogs" not in article.articleBody
    assert "Point 3." in article.articleBody
