"""Authors: source order, byline cleaning, splitting, handles and labels."""

from __future__ import annotations

import pytest

from newscrawl.extract.authors import authors, json_ld_authors, plausible_name, split_names
from newscrawl.extract.document import parse_html

GENERIC = (".byline", ".author")


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("Written ByMiguel Zabludovsky", ["Miguel Zabludovsky"]),
        ("Hours Ago Steve O'Hear", ["Steve O'Hear"]),
        ("Ryan Carrigan Last Updated: Dec 4, 2025", ["Ryan Carrigan"]),
        ("Kaavya Shah July 3, 2025", ["Kaavya Shah"]),
        ("Author: Jo Park @jopark https://x.example/jo", ["Jo Park"]),
        ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton, Ph.D."]),
        ("By Park Jae-won", ["Park Jae-won"]),
        ("Author", []),
    ],
)
def test_split_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_logins_are_not_names() -> None:
    assert not plausible_name("andrew.keaveney")
    assert not plausible_name("kffnirmitap")
    assert plausible_name("Krystyna")


def test_json_ld_author_values_are_not_split_at_and() -> None:
    ld = {"author": [{"@type": "Organization", "name": "Center for Research and Policy"}]}
    assert json_ld_authors(ld) == ["Center for Research and Policy"]


def page(head: str, body: str):
    """A small hand-written page."""
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", "https://x.example/")


def test_json_ld_beats_meta_and_generic_byline() -> None:
    doc = page("<meta name='author' content='Site Team'>", "<p class='byline'>By Someone Else</p>")
    assert authors(doc, {"author": {"name": "Ann Lee"}}, (), GENERIC) == ["Ann Lee"]
    assert authors(doc, None, (), GENERIC) == ["Site Team"]


def test_site_byline_beats_json_ld_and_script_text_is_ignored() -> None:
    doc = page("", "<div class='by'>By <style>.a{color:red}</style>Tom Averill</div>")
    assert authors(doc, {"author": {"name": "X Y"}}, (".by",), GENERIC) == ["Tom Averill"]


def test_by_line_next_to_the_headline() -> None:
    from newscrawl.extract.authors import zone_byline

    assert zone_byline(["Menu", "By Ann Lee | March 3, 2025"]) == ["Ann Lee"]
    assert zone_byline(["by", "Taya Iv", "16 min read"]) == ["Taya Iv"]
    assert zone_byline(["Bylines are fun"]) == []
