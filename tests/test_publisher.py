"""Publisher: chip, "Provided by", datelines, JSON-LD source, og:site_name that is not the host."""

from __future__ import annotations

from newscrawl.extract.document import parse_html
from newscrawl.extract.publisher import dateline_agency, provided_by, publisher


def page(head: str, url: str = "https://www.aggreg.example/a"):
    """A small hand-written page."""
    return parse_html(f"<html><head>{head}</head><body></body></html>", url)


def test_provided_by_and_dateline() -> None:
    assert provided_by("© Provided by The Guardian") == "The Guardian"
    assert provided_by("Originally published in Medical Daily.") == "Medical Daily"
    assert provided_by("Provided by the reader community, thanks to all of you who") is None
    assert dateline_agency("LONDON (Reuters) - Prices rose on Monday after") == "Reuters"
    assert dateline_agency("The (new) plan - explained in full today") is None


def test_chip_wins() -> None:
    assert (
        publisher(page(""), None, "Korea Herald", ["© Provided by The Guardian"]) == "Korea Herald"
    )


def test_lines_then_json_ld_source() -> None:
    doc = page("<meta property='og:site_name' content='Aggreg'>")
    assert publisher(doc, None, None, ["By A", "© Provided by The Guardian"]) == "The Guardian"
    ld = {"publisher": {"name": "Aggreg"}, "sourceOrganization": {"name": "Local Times"}}
    assert publisher(doc, ld, None, []) == "Local Times"


def test_site_name_is_the_host_or_the_source() -> None:
    own = page("<meta property='og:site_name' content='Aggreg News'>")
    assert publisher(own, {"publisher": {"name": "Aggreg"}}, None, []) is None
    foreign = page("<meta property='og:site_name' content='The Guardian'>")
    assert publisher(foreign, None, None, []) == "The Guardian"


def test_the_hosts_own_name_in_a_provided_by_line_is_ignored() -> None:
    doc = page("<meta property='og:site_name' content='Aggreg'>")
    assert publisher(doc, None, None, ["Provided by Aggreg"]) is None
