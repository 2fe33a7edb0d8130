"""Related rails: a rail opens with its heading; a heading inside prose opens none."""

from __future__ import annotations

from newscrawl.extract.document import decode_html, parse_html
from newscrawl.extract.related import related_cards
from newscrawl.profiles import load_profile

RAIL = (
    '<section><h2>Related Stories</h2><a href="/a">First other story here</a>'
    '<a href="/b">Second other story here</a></section>'
)
INLINE = (
    '<div class="story"><p>Intro text.</p><p><b>Related</b></p>'
    '<p><a href="/a">A link in the story</a> and <a href="/b">another one</a></p></div>'
)


def test_rail_opened_by_its_heading_is_found() -> None:
    doc = parse_html(f"<html><body><p>Story.</p>{RAIL}</body></html>", "https://x.org/s")
    cards, rails = related_cards(doc, load_profile(), None)
    assert [c.url for c in cards] == ["https://x.org/a", "https://x.org/b"]
    assert [r.tag for r in rails] == ["section"]


def test_heading_in_the_middle_of_a_story_opens_no_rail() -> None:
    doc = parse_html(f"<html><body>{INLINE}</body></html>", "https://x.org/s")
    assert related_cards(doc, load_profile(), None) == ([], [])


def test_decode_declared_and_guessed_charsets() -> None:
    page = "<html><head><meta charset='windows-1251'></head><body>Привет мир</body></html>"
    assert "Привет" in decode_html(page.encode("cp1251"))
    assert decode_html("plain ü".encode()) == "plain ü"
