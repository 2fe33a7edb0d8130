"""Running text scattered over many blocks under an undated headline: service and hub pages."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from newscrawl.extract import extract_article
from newscrawl.extract.document import parse_html
from newscrawl.extract.scatter import dated_headline, scattered_prose, spread
from newscrawl.extract.score import evidence

TOPICS = ["payroll", "benefits", "hiring", "training", "compliance", "reviews", "leave", "pay"]
PARAGRAPH = (
    "<p>The advisers look at how the {t} work of a growing firm is done today, where the time"
    " goes, which steps can be left to software and which need a person, and then set out"
    " a plan that the managers can follow week by week without outside help, with a short"
    " check at the end of each month to see what has changed.</p>"
)


BLURB = "<p>Ask for the {t} review and get a written plan within two weeks.</p>"


def panels(header: str = "", blurb: str = BLURB) -> str:
    """A service page: a hero headline, then a paragraph and a blurb in each of eight panels."""
    cells = "".join(
        f'<section class="panel"><div class="col"><div class="text"><h2>{t.title()}</h2>'
        f"{PARAGRAPH.format(t=t)}{blurb.format(t=t)}</div></div></section>"
        for t in TOPICS
    )
    hero = f'<div class="hero"><h1>Human Resources Advisory</h1>{header}</div>'
    return f"<html><body>{hero}<main>{cells}</main></body></html>"


def story() -> str:
    """A story: the same paragraphs together in one block under the headline."""
    text = "".join(PARAGRAPH.format(t=t) + BLURB.format(t=t) for t in TOPICS)
    hero = '<div class="hero"><h1>Human Resources Advisory</h1></div>'
    return f'<html><body>{hero}<main><div><div class="body">{text}</div></div></main></body></html>'


def test_paragraphs_in_many_panels_are_scattered() -> None:
    assert spread(parse_html(panels(), "https://x.org/advisory").root) == (0.125, 8, 8)
    assert scattered_prose(parse_html(panels(), "https://x.org/advisory"))


def test_paragraphs_in_one_block_are_not() -> None:
    assert spread(parse_html(story(), "https://x.org/advisory").root) == (1.0, 8, 8)
    assert not scattered_prose(parse_html(story(), "https://x.org/advisory"))


def test_panels_without_short_blurbs_are_not_scattered() -> None:
    assert not scattered_prose(parse_html(panels(blurb=""), "https://x.org/catalogue"))


def test_a_dated_or_signed_headline_is_not_scattered() -> None:
    for header in ("<p>12 March 2026</p>", "<time>today</time>", "<span>By Ana Ruiz</span>"):
        doc = parse_html(panels(header), "https://x.org/advisory")
        assert dated_headline(doc.root)
        assert not scattered_prose(doc)


def test_scattered_prose_adds_service_points() -> None:
    against, _ = evidence(Counter({"scattered_prose": 1}))
    assert against == {"service": 2}


def test_scattered_service_page_is_not_an_article() -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    assert not extract_article(panels(), "https://x.org/hr/advisory", when).is_article
    assert extract_article(story(), "https://x.org/hr/advisory", when).is_article
