"""`dates.shapes` reads common date shapes exactly as dateparser does, or leaves them to it."""

from __future__ import annotations

import pytest

from newscrawl.dates import absolute, resolver, shapes

#: Hand-written date texts (as `normalize.clean` leaves them) that the fast reader must read.
READ = [
    "apr 10, 2023",
    "april 1, 2025",
    "sept. 3, 2024",
    "nov. 19, 2019, 8:41 am",
    "dec 19, 2025 1:06 pm",
    "jul 5, 2024 at 5:39 pm",
    "august 31, 2023, 3:32pm",
    "december 19th, 2025",
    "march 1st, 2026",
    "may 2nd 2025",
    "dec 19, 2025, 01:00:00 am",
    "feb 25, 2026 05:32:07",
    "december 20, 2025 13:58",
    "december 19 2025",
    "02 feb 2026",
    "2 dec 2024",
    "19 nov 2019 05:44",
    "18 nov 2019 8:11 pm",
    "12th february 2025",
    "12 december, 2025",
    "30th march 2025, 16:26",
    "28 february 2023, at 12:13",
    "april 2024",
    "apr 12",
    "03 dec",
    "december 8",
    "october 15 12pm",
    "nov 19, 6:55 am",
    "02/10/2020",
    "3/4/2025",
    "1/27/2026",
    "13/11/2025 09:21:40",
    "05.15.2025",
    "02-12-2025",
    "01/12/2025 at 6:49 pm",
    "02/28/2023 05:17:31 am",
    "2019/1/22",
    "2019/04/21 11:51",
    "2025.12.17",
    "29 feb 2024",
]
#: Texts it must leave to dateparser (an odd shape, an impossible value, a doubtful year).
LEFT = [
    "01/01/26",
    "11.03.17",
    "19 nov 2019 05:44 gmt",
    "2019-11-18 17:19:53 gmt",
    "fri, 19 dec 2025 23:00:00 +0000",
    "31 feb 2024",
    "feb 29",
    "jan 1",
    "nov 20 2019, 15:24pm",
    "18 nov 2019 18.54",
    "32/10/2020",
    "november 19, 2019, 07:47 pm est",
    "3 days ago",
    "mars 3",
]


@pytest.mark.parametrize("text", READ)
@pytest.mark.parametrize("order", [None, "DMY", "MDY"])
def test_reads_as_dateparser(text: str, order: str | None) -> None:
    """Where it reads a text, it gives dateparser's English reading."""
    fast = shapes.read(text, order)
    if fast is None:  # a day-first text in month-first order (or the other way): not read
        assert "/" in text or "-" in text or "." in text
        return
    assert fast == absolute.parse(text, "en", order)


@pytest.mark.parametrize("text", ["apr 10, 2023", "02/10/2020", "19 nov 2019 05:44", "apr 12"])
def test_reads_common_shapes(text: str) -> None:
    """The common shapes are read in every day order the page may state."""
    assert shapes.read(text, None) is not None
    assert shapes.read(text, "DMY") is not None


@pytest.mark.parametrize("text", LEFT)
def test_leaves_other_texts(text: str) -> None:
    """Anything else goes on to dateparser."""
    assert shapes.read(text, None) is None


@pytest.mark.parametrize(
    ("text", "languages"),
    [("apr 10, 2023", ()), ("19 nov 2019 05:44", ()), ("02/10/2020", ()), ("03 dec", ("en",))],
)
def test_whole_reading_unchanged(
    text: str, languages: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With and without the fast reader, the resolver reads a text alike (no hint: detection)."""
    fast = resolver._interpret_whole(text, languages, None)
    monkeypatch.setattr(shapes, "read", lambda text, order: None)
    assert fast is not None
    assert fast == resolver._interpret_whole(text, languages, None)


def test_not_for_other_languages() -> None:
    """A page hinted in another language is read by dateparser in that language."""
    assert not resolver._english_first(resolver.locales.hinted(("fr",)))
    assert resolver._english_first(resolver.locales.hinted(("en",)))
    assert resolver._english_first([])
