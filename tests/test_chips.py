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
