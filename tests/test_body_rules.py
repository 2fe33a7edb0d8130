"""Body rules: text the chrome layers must not drop (handwritten pages)."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html

from newscrawl.extract import extract_article
from newscrawl.extract.body import main_text, without_shielded_parts
from newscrawl.extract.prose import prose_by_block
from newscrawl.extract.shield import (
    Names,
    restore_names,
    shield_again,
    shield_story_blocks,
    shield_story_parts,
)

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
PROSE = "<p>" + "The retailer reported quarterly results that moved its shares today. " * 6 + "</p>"


def test_table_rows_kept_even_when_they_look_like_a_source_line() -> None:
    """A quote table under the headline stays in the body (never dropped as a source chip)."""
    page = (
        "<html><body><article><h1>Retailer sales miss, shares fall</h1>"
        + PROSE
        + "<table><tr><th>Ticker</th><th>Last</th><th>Change</th></tr>"
        "<tr><td>HDX</td><td>ACME STORES INC.</td><td>225.86</td><td>-12.99</td></tr></table>"
        + PROSE
        + "</article></body></html>"
    )
    article = extract_article(page, "https://example.org/markets/retailer-sales", WHEN)
    assert article.articleBody is not None
    assert "ACME STORES INC." in article.articleBody


def test_story_after_an_early_closing_html_tag_is_the_body() -> None:
    """A theme that closes </body></html> after its header still shows the story after it."""
    page = (
        '<html><body><header><a href="/">Home</a></header></body></html>'
        "<div class='post'><h1>Retailer sales miss, shares fall</h1>" + PROSE * 3 + "</div>"
    )
    article = extract_article(page, "https://example.org/markets/retailer-sales", WHEN)
    assert article.headline == "Retailer sales miss, shares fall"
    assert article.articleBody is not None and "quarterly results" in article.articleBody


def test_blocks_trafilatura_discards_by_name_are_shielded_when_they_hold_the_story() -> None:
    """A Webflow `w-embed` block holding most of the story loses the name trafilatura drops it
    for; a main-content container, a short embed and a footer keep theirs."""
    page = lxml.html.fromstring(
        '<html><body><div class="entry-content sidebar-layout">'
        + PROSE
        + '<div class="w-embed"><h3>What analysts said</h3>'
        + PROSE * 4
        + "</div>"
        + '<div class="embed-box">'
        + PROSE[:80]
        + "</p></div></div>"
        + '<div class="page-footer">'
        + PROSE * 4
        + '</div><div class="related-stories">'
        + PROSE * 4
        + "</div></body></html>"
    )
    assert shield_story_blocks(page) == 1
    names = [d.get("class") for d in page.iter("div")]
    kept = ["entry-content sidebar-layout", None, "embed-box", "page-footer", "related-stories"]
    assert names == kept


def test_prose_in_a_footer_or_comment_block_is_not_shielded() -> None:
    """A long disclaimer in a page-footer block is still left out."""
    disclaimer = "This material is not intended to replace the advice of an advisor. " * 30
    page = (
        "<html><body><article><h1>Retailer sales miss, shares fall</h1>"
        + PROSE * 2
        + f'</article><div class="l-footer"><p>{disclaimer}</p></div></body></html>'
    )
    article = extract_article(page, "https://example.org/markets/retailer-sales", WHEN)
    assert article.articleBody is not None
    assert "replace the advice" not in article.articleBody


def _panel(text: str, first: bool = False) -> str:
    """A page-builder panel (a widget trafilatura drops by name) holding `text`."""
    kind = "so-panel widget widget_text" + (" panel-first-child" if first else "")
    return f'<div class="{kind}"><div class="textwidget">{text}</div></div>'


def test_other_panels_of_a_shielded_story_are_shielded_too() -> None:
    """A story split into several widget panels keeps every panel with running text, not only
    the one holding a third of the page (the others share its tag and first class name)."""
    other = "<p>" + "Shoppers who compared prices online found better deals this season. " * 6
    page = (
        '<html><body><main><h1>Retailer sales miss, shares fall</h1><div class="panel-grid">'
        + _panel(PROSE * 4, first=True)
        + _panel(other + "</p>")
        + _panel(other.replace("Shoppers", "Buyers") + "</p>")
        + "</div></main></body></html>"
    )
    article = extract_article(page, "https://example.org/markets/retailer-sales", WHEN)
    assert article.articleBody is not None
    assert "quarterly results" in article.articleBody
    assert "Shoppers who compared" in article.articleBody
    assert "Buyers who compared" in article.articleBody


FINDINGS = [
    "A balanced policy portfolio must support research and also promote the diffusion of "
    "knowledge and of new technologies.",
    "Support for education and training should supplement research funding in every program "
    "the agencies run.",
    "Public-private partnerships can foster helpful and ongoing collaborations between firms, "
    "universities and agencies.",
    "Effective programs require insulation from short-term political pressures and stable "
    "funding over many years.",
    "Policy-makers must be prepared to tolerate some failures and learn from them as "
    "private entrepreneurs do.",
]


def test_a_list_trafilatura_leaves_out_is_recovered_from_the_story_block() -> None:
    """A list after a paragraph ending in a colon, which trafilatura's first pass drops, is
    read again with the story block as the main container."""
    intro = "<p>" + PROSE[3:-4] + " The insights revealed are clear:</p>"
    items = "".join(f"<li>{item}</li>" for item in FINDINGS)
    page = (
        "<html><body><h1>Retailer sales miss, shares fall</h1><div><div>"
        + PROSE
        + intro
        + f"<ul>{items}</ul>"
        + PROSE.replace("retailer", "company")
        + "</div></div></body></html>"
    )
    article = extract_article(page, "https://example.org/markets/retailer-sales", WHEN)
    assert article.articleBody is not None
    body = article.articleBody
    assert all(item in body for item in FINDINGS)
    assert body.index("insights revealed") < body.index(FINDINGS[0]) < body.index("company")


#: One step of a guide, unclosed: each use ends it with its own closing sentence.
STEP = "<p>" + "Installers inspect the roof and size the solar system for the home. " * 4


def guide_body(panels: str, hidden: str) -> str:
    """The body extracted from a guide page: story prose, folded panels, a hidden block."""
    page = (
        "<html><body><h1>Your solar installation guide</h1><div>"
        + PROSE
        + panels
        + hidden
        + "</p></div></div></body></html>"
    )
    article = extract_article(page, "https://example.org/solar/installation-guide", WHEN)
    assert article.articleBody is not None
    return article.articleBody


def test_collapsed_accordion_panels_holding_the_story_are_read() -> None:
    """A guide folding each step into a collapsed accordion panel keeps the steps; a hidden
    block that is no panel (a modal) stays out."""
    panels = "".join(
        f'<h3><button aria-controls="s{n}">Step {n}</button></h3>'
        f'<div id="s{n}" role="region" aria-labelledby="b{n}" style="display:none;">'
        f"{STEP} Step {n} ends here.</p></div>"
        for n in range(1, 4)
    )
    modal = '<div style="display: none"><p>' + "Sign in to save this guide to your list. " * 4
    body = guide_body(panels, modal)
    assert "Step 3 ends here." in body
    assert "Sign in to save" not in body


def test_accordion_panels_hidden_by_a_class_name_are_read() -> None:
    """An accordion panel hidden by a class name (Tailwind `hidden`) holding a step is read; a
    hidden block that is no folding panel ("notice hidden") stays out."""
    panel = f'<div class="accordion-content pl-2 hidden">{STEP} The panel step ends here.</p></div>'
    notice = '<div class="notice hidden"><p>' + "Sign in to save this guide now. " * 5
    body = guide_body(panel, notice)
    assert "The panel step ends here." in body
    assert "Sign in to save" not in body


def test_section_headers_inside_the_story_stay() -> None:
    """A `<header>` holding a section's subheading inside the story is story text; the page
    header outside it is still removed."""
    sections = "".join(
        f"<section><header><h2>Trail number {n} by the bayou</h2></header>{PROSE}</section>"
        for n in range(3)
    )
    page = (
        "<html><body><header><h2>Site menu and search</h2></header><main><article>"
        "<h1>The best trails in town</h1>" + sections + "</article></main></body></html>"
    )
    article = extract_article(page, "https://example.org/travel/best-trails-in-town", WHEN)
    assert article.articleBody is not None
    assert "Trail number 2 by the bayou" in article.articleBody
    assert "Site menu and search" not in article.articleBody


def _slides_page(names: list[str]) -> str:
    """A story whose items sit in blocks with the given class names (one per item)."""
    items = "".join(
        f"<div class='{name}'><h2>Service number {n}</h2><p>Service {n}: {PROSE[3:]}</div>"
        for n, name in enumerate(names)
    )
    lead = "<p>" + "Interior design services compared for every budget and every room. " * 25
    return (
        "<html><body><div class='page'><h1>Design services compared</h1>"
        + lead
        + "</p>"
        + items
        + "</div></body></html>"
    )


def test_repeated_story_parts_named_like_widgets_are_kept() -> None:
    """Story items in blocks trafilatura drops by name ("listicle-slides embed") are kept when
    there are several of one kind inside the story block."""
    page = _slides_page(["listicle-slides embed"] * 3)
    article = extract_article(page, "https://example.org/home/design-services-compared", WHEN)
    assert article.articleBody is not None
    assert all(f"Service {n}: The retailer" in article.articleBody for n in range(3))


def _shielded_slides() -> tuple[lxml.html.HtmlElement, list[Names]]:
    """The slides page parsed, with its story parts shielded."""
    root = lxml.html.fromstring(_slides_page(["listicle-slides embed"] * 3))
    block = root.find(".//div[@class='page']")
    return root, shield_story_parts(block, prose_by_block(root))


def test_shielded_story_parts_can_be_named_again() -> None:
    """Shielding story parts removes their names; restoring puts them back, exactly."""
    root, parts = _shielded_slides()
    assert len(parts) == 3 and not root.xpath("//*[@class='listicle-slides embed']")
    restore_names(parts)
    assert len(root.xpath("//*[@class='listicle-slides embed']")) == 3
    shield_again(parts)
    assert not root.xpath("//*[@class='listicle-slides embed']")


def test_text_without_shielded_parts_wins_only_when_fuller() -> None:
    """When shielding left the text short (trafilatura moved to a narrower container), the
    reading with the names put back is kept if clearly fuller; else the parts stay shielded."""
    root, parts = _shielded_slides()
    url = "https://example.org/home/design-services-compared"
    full = main_text(root, url)
    short = "Interior design services compared for every budget and every room."
    named = without_shielded_parts(root, url, parts, short)
    assert named.count(short) > 1 and "Service 1:" not in named  # the parts dropped by name
    assert root.xpath("//*[@class='listicle-slides embed']")
    root, parts = _shielded_slides()
    assert without_shielded_parts(root, url, parts, full) == full
    assert not root.xpath("//*[@class='listicle-slides embed']")
