"""Source/date chips: glued publisher and date, icon labels, separators."""

from __future__ import annotations

import pytest

from newscrawl.extract.attribution import split_chip


@pytest.mark.parametrize(
    ("text", "publisher", "raw"),
    [
        ("Korea Herald6 days ago", "Korea Herald", "6 days ago"),
        ("The Advertiser2 days ago", "The Advertiser", "2 days ago"),
        ("timea day ago", None, "a day ago"),
        ("time4 days ago • Reuters", "Reuters", "4 days ago"),
        ("Korea Herald03-06-2025", "Korea Herald", "03-06-2025"),
        ("Yonhap an hour ago", "Yonhap", "an hour ago"),
        ("Updated 9 minutes ago", None, "9 minutes ago"),
    ],
)
def test_split_chip(text: str, publisher: str | None, raw: str) -> None:
    chip = split_chip(text, ["en"])
    assert chip is not None
    assert (chip.publisher, chip.raw_date) == (publisher, raw)


def test_text_without_a_date_is_not_a_chip() -> None:
    assert split_chip("Korea Herald", ["en"]) is None


def test_a_teaser_cards_chip_is_not_the_pages_source_line() -> None:
    from newscrawl.extract.attribution import source_line
    from newscrawl.extract.document import parse_html
    from newscrawl.profiles import load_profile

    html = (
        "<html><body><h1>Top stories</h1><div class='card'>"
        "<a href='/a/1'>Council approves the new riverside park plan</a>"
        "<div>Reuters2 hours ago</div></div></body></html>"
    )
    doc = parse_html(html, "https://example.org/")
    head = doc.root.find(".//h1")
    assert source_line(doc, load_profile(), head, ["en"]) == (None, None)
