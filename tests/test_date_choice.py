"""Date candidates (machine, visible, URL) and the vote that chooses datePublished."""

from __future__ import annotations

from newscrawl import datechoice
from newscrawl.extract.attribution import headline_element
from newscrawl.extract.dates import (
    HeaderZone,
    first_shown,
    json_ld_dates,
    meta_dates,
    page_date_order,
    url_date,
    visible_dates,
)
from newscrawl.extract.document import parse_html
from tests.date_choices import FETCHED, choose, chosen_day


def page(head: str, body: str, url: str = "https://bugle.example/a"):
    """A small hand-written page."""
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", url)


def test_meta_published_and_modified_are_told_apart() -> None:
    doc = page(
        "<meta property='article:modified_time' content='2025-03-02T10:00:00Z'>"
        "<meta property='article:published_time' content='2025-03-01T09:00:00+01:00'>",
        "",
    )
    assert [(c.raw[:10], c.basis) for c in meta_dates(doc)] == [
        ("2025-03-01", "meta"),
        ("2025-03-02", "meta-modified"),
    ]


def test_json_ld_dates_prefer_the_first_object() -> None:
    objects = [
        {"datePublished": "2025-01-02"},
        {"datePublished": "2024-01-01", "dateModified": "x"},
    ]
    assert [(c.raw, c.basis) for c in json_ld_dates(objects)] == [
        ("2025-01-02", "jsonld"),
        ("x", "jsonld-modified"),
    ]


def test_url_date() -> None:
    assert url_date("https://x.example/2024/05/17/story/").raw == "2024-05-17"  # type: ignore[union-attr]
    assert url_date("https://x.example/2024/13/17/story/") is None
    assert url_date("https://x.example/blog/2023/October/03/wine/").raw == "2023-10-03"  # type: ignore[union-attr]
    assert url_date("https://x.example/blog/2023/octobre/03/wine/") is None


def test_meta_name_published() -> None:
    doc = page("<meta name='published' content='July 17, 2025'>", "")
    assert [(c.raw, c.basis) for c in meta_dates(doc)] == [("July 17, 2025", "meta")]


def test_without_a_headline_element_the_first_h1_leads_the_date_zone() -> None:
    doc = page("", "<nav>Menu</nav><h1>Mapping, explained</h1><h5>2024-11-06</h5><p>Text</p>")
    zones = HeaderZone.for_dates(doc, None, HeaderZone([]))
    shown = [(c.raw, c.basis) for c in first_shown(zones, ["en"], FETCHED)]
    assert shown == [("2024-11-06", "visible")]


def test_visible_date_by_the_headline_not_in_the_rail() -> None:
    doc = page(
        "",
        "<aside><p>Rail story</p><p>March 3, 2025</p></aside>"
        "<h1>Bridge reopens</h1><p>By Ann Lee</p><p>Updated: January 5, 2026</p>"
        "<p>Published January 4, 2026</p><p>" + "Body text. " * 30 + "</p><p>May 1, 2020</p>",
    )
    head = headline_element(doc, "Bridge reopens")
    found = [(c.raw, c.basis) for c in visible_dates(HeaderZone.of(doc, head), ["en"])]
    assert found == [("January 5, 2026", "visible-updated"), ("January 4, 2026", "visible")]


def test_the_day_with_most_votes_wins_and_a_stamp_gives_its_time() -> None:
    chosen = choose(
        ("2025-08-19T13:25:59+00:00", "jsonld-modified"),
        ("2025-01-29T20:47:55+00:00", "meta"),
        ("August 19, 2025", "visible"),
        ("2025-08-19", "htmldate"),
    )
    assert chosen is not None
    assert (chosen.day, chosen.candidate.basis) == ("2025-08-19", "visible")
    chosen = choose(("2025-01-29T20:47:55+00:00", "meta"), ("Jan 29, 2025", "visible"))
    assert chosen is not None
    assert (chosen.value.iso(), chosen.candidate.basis) == (
        "2025-01-29T20:47:55+00:00",
        "meta",
    )


def test_an_older_shown_date_is_the_original_publication() -> None:
    machine = (
        ("2025-06-24T10:00:00Z", "jsonld"),
        ("2025-06-24", "meta"),
        ("2025-06-24", "htmldate"),
    )
    assert chosen_day(*machine, ("August 25, 2024", "visible")) == "2024-08-25"
    # a shown date backing the machine day, a date one day off (time zones), a guessed order
    # or a date shown as an update leave the machine day in place
    for shown in (
        [("24 Jun 2025 4:55 PM", "visible"), ("August 25, 2024", "visible")],
        [("June 23, 2025", "visible")],
        [("03/10/2024", "visible")],
        [("August 25, 2024", "visible-updated")],
        [("Aug 25", "visible")],
    ):
        assert chosen_day(*machine, *shown) == "2025-06-24", shown
    # a newer shown date is no original publication
    assert chosen_day(*machine, ("September 2, 2025", "visible")) == "2025-06-24"


def test_a_yearless_date_does_not_vote_beside_a_shown_year() -> None:
    shown = [("Open until July 31", "visible"), ("July 22, 2017", "visible")]
    assert chosen_day(*shown, ("July 31", "visible"), ("2025-01-05", "htmldate")) == "2017-07-22"
    assert chosen_day(("July 31", "visible"), ("2025-01-05", "htmldate")) == "2025-07-31"


def test_read_time_and_future_dates_are_rejected() -> None:
    assert choose(("5 min", "visible")) is None
    assert choose(("2027-01-01", "meta")) is None


def test_yearless_visible_date_takes_the_year_of_a_matching_stamp() -> None:
    stamp = ("2020-04-12T08:00:00Z", "time-element")
    assert chosen_day(("Apr 12", "visible"), stamp) == "2020-04-12"


def test_hour_precision_keeps_the_computed_instant() -> None:
    chosen = choose(("3 hours ago", "visible"))
    assert chosen is not None
    assert chosen.value.precision == "hour"
    assert chosen.value.iso()[:13] == "2026-01-10T09"


def test_date_order_from_the_page() -> None:
    doc = page("", "")
    assert page_date_order(doc, ["28-10-2026", "07-02-2026"]) == "DMY"
    assert page_date_order(doc, ["10/28/2026"]) == "MDY"
    assert page_date_order(doc, ["07-02-2026"]) == "DMY"
    assert page_date_order(doc, ["07/02/2026"]) is None
    gb = parse_html("<html lang='en-GB'><body></body></html>", "https://x.example/")
    assert page_date_order(gb, ["07/02/2026"]) == "DMY"


def test_every_basis_is_allowed_by_the_record_schema() -> None:
    from newscrawl.items import record_schema

    allowed = record_schema()["properties"]["datePublishedBasis"]["enum"]
    assert set(allowed) == {*datechoice.BASIS_ORDER, None}


def test_xml_lang_gives_the_date_order() -> None:
    doc = parse_html(
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB"><body></body></html>',
        "https://x.example/",
    )
    assert page_date_order(doc, ["02/10/2020"]) == "DMY"


def test_a_tie_goes_to_the_shown_day_no_update_stamp_shares() -> None:
    machine = (("13/11/2025 09:21:40", "jsonld"), ("13/11/2025 09:21:40", "jsonld-modified"))
    shown = ("12 November 2025", "visible")
    assert chosen_day(*machine, shown, ("2025-11-12", "htmldate")) == "2025-11-12"
    # a shown date that only echoes a modification stamp, or a relative one, keeps the tie rule
    stamps = (("2025-11-13T09:00:00Z", "jsonld"), ("2025-11-13", "htmldate"))
    echo = (("November 12, 2025", "visible"), ("2025-11-12T08:00:00Z", "meta-modified"))
    assert chosen_day(*stamps, *echo) == "2025-11-13"


def test_the_first_h1_gives_the_date_when_the_headline_zone_shows_none() -> None:
    doc = page(
        "",
        "<h1>How robots map rooms</h1><h5><span>2024-11-06</span></h5>"
        + "<p>Body text.</p>" * 4
        + "<h2>How robot mapping works</h2><p>The T30S and 3D maps</p>",
    )
    head = headline_element(doc, "How robot mapping works")
    assert head is not None and head.tag == "h2"
    zone = HeaderZone.of(doc, head)
    assert [c.raw for c in visible_dates(zone, ["en"])] == ["30S and 3D"]  # no date: a model name
    zones = HeaderZone.for_dates(doc, head, zone)
    shown = [c.raw for c in first_shown(zones, ["en"], FETCHED)]
    assert shown == ["2024-11-06", "30S and 3D"]  # the h1's zone; the date stage drops "3D"


def test_a_sub_heading_like_the_title_leads_the_zone_without_h1() -> None:
    doc = page(
        "",
        "<h2>Your cart</h2><p>Updated 3 May 2021</p>"
        + "<p>Menu</p>" * 4
        + "<h3><span>blog | </span>February 01, 2022</h3>"
        "<h2>7 Ways to Help You Transition to a Plant Based Diet</h2><p>Text</p>",
    )
    title = "7 Ways to Transition to a Plant-Based Diet"
    zones = HeaderZone.for_dates(doc, None, HeaderZone([]), title)
    assert [c.raw for c in first_shown(zones, ["en"], FETCHED)] == ["February 01, 2022"]


def test_relative_dates_need_the_real_fetch_time() -> None:
    from newscrawl.page import dated_article
    from newscrawl.profiles import load_profile

    html = "<html><body><h1>Bridge reopens</h1><p>3 days ago</p><p>Text</p></body></html>"
    known = dated_article(html, "https://bugle.example/a", FETCHED, load_profile("generic"))
    assert known.datePublished == "2026-01-07"
    unknown = dated_article(html, "https://bugle.example/a", None, load_profile("generic"))
    assert unknown.datePublished is None
    assert unknown.datePublishedRaw == "3 days ago"  # kept as shown, for the reader
    dated = html.replace("3 days ago", "May 3, 2025")
    assert (
        dated_article(dated, "https://bugle.example/a", None, load_profile("generic")).datePublished
        == "2025-05-03"
    )
