"""Session 7 date rules: today's-date widgets, labelled dates outside the headline zone,
regenerated JSON-LD stamps."""

from __future__ import annotations

from datetime import datetime

from newscrawl.extract.attribution import headline_element
from newscrawl.extract.dates import HeaderZone, visible_dates
from newscrawl.extract.document import parse_html
from newscrawl.page import dated_article
from newscrawl.profiles import load_profile
from tests.date_choices import FETCHED, chosen_day

TEXT = "<p>" + "Body text of the story. " * 12 + "</p>"
#: Short lines after the story (a real page has dozens before its footer).
LINKS = "<ul>" + "".join(f"<li><a href='/p{n}'>Park page {n}</a></li>" for n in range(60)) + "</ul>"


def page(body: str):
    """A small hand-written page."""
    return parse_html(f"<html><body>{body}</body></html>", "https://bugle.example/a")


def dated(body: str, head: str = "", fetched_at: datetime | None = FETCHED) -> tuple[str, str]:
    """(datePublished, basis) of a small hand-written page."""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    article = dated_article(html, "https://bugle.example/a", fetched_at, load_profile("generic"))
    return article.datePublished or "", article.datePublishedBasis or ""


def test_a_mastheads_todays_date_is_not_the_articles() -> None:
    body = (
        "<div class='masthead'><p id='todays-date-custom'><b>Friday</b>, December 19, 2025</p>"
        "</div>"
        "<h1>What are taxes?</h1><div>12.12.2025</div>" + TEXT
    )
    assert dated(body)[0][:10] == "2025-12-12"
    plain = body.replace("todays-date-custom", "tagline")
    assert dated(plain)[0][:10] == "2025-12-19"  # an ordinary line above the headline counts


def test_a_labelled_date_below_the_text_when_nothing_else_dates_the_page() -> None:
    body = "<h1>Webcams</h1>" + TEXT * 8 + LINKS + "<p>Last updated: November 13, 2025</p>"
    assert dated(body) == ("2025-11-13", "labelled")
    unlabelled = body.replace("Last updated: ", "")
    assert dated(unlabelled) == ("", "")


def test_a_labelled_date_is_only_a_fallback() -> None:
    body = "<h1>Webcams</h1>" + TEXT * 8 + LINKS + "<p>Published: November 13, 2025</p>"
    stamp = "<meta property='article:published_time' content='2025-11-01T08:00:00Z'>"
    html = f"<html><head>{stamp}</head><body>{body}</body></html>"
    article = dated_article(html, "https://bugle.example/a", FETCHED, load_profile("generic"))
    assert [c.basis for c in article.date_candidates] == ["meta"]  # not read beside a stamp
    shown = body.replace("<h1>Webcams</h1>", "<h1>Webcams</h1><p>October 2, 2025</p>")
    assert dated(shown) == ("2025-10-02", "visible")


def test_a_labelled_date_stands_in_for_a_relative_one_of_unknown_fetch_time() -> None:
    body = "<h1>Meditation</h1><p>6 hours ago</p>" + TEXT * 8 + LINKS
    body += "<p>Last Updated: June 2022</p>"
    assert dated(body, fetched_at=None) == ("2022-06-01", "labelled")
    assert dated(body)[1] == "visible"


def test_a_json_ld_date_rewritten_with_its_modified_stamp_yields_to_the_shown_day() -> None:
    regenerated = (
        ("2025-12-19T22:02:58Z", "jsonld"),
        ("2025-12-19T22:02:45Z", "jsonld-modified"),
        ("Dec 18, 2025", "visible"),
        ("2025-12-19", "htmldate"),
    )
    assert chosen_day(*regenerated) == "2025-12-18"
    modified_later = (("2025-12-19T22:02:58Z", "jsonld"), ("2025-12-22", "jsonld-modified"))
    assert chosen_day(*modified_later, *regenerated[2:]) == "2025-12-19"
    backed = (*regenerated, ("2025-12-19T22:02:58Z", "meta"))
    assert chosen_day(*backed) == "2025-12-19"  # a second published stamp backs it


def test_a_month_shown_does_not_win_a_tie_as_a_shown_day() -> None:
    regenerated = (("2025-12-15", "jsonld"), ("2025-12-15", "jsonld-modified"))
    assert (
        chosen_day(*regenerated, ("2025-12-15", "htmldate"), ("Dec 2025", "visible"))
        == "2025-12-15"
    )


def test_update_labels_in_other_languages() -> None:
    labelled = {
        "fr": "Mise à jour le 5 mars 2024",
        "es": "Actualizada el 12 de marzo de 2023",
        "it": "Aggiornata il 3 aprile 2023",
        "pt": "Atualizada em 3 de abril de 2023",
    }
    for language, line in labelled.items():
        doc = page(f"<h1>Titre</h1><p>{line}</p>{TEXT}")
        zone = HeaderZone.of(doc, headline_element(doc, "Titre"))
        assert [c.basis for c in visible_dates(zone, [language])] == ["visible-updated"], line


def test_a_labelled_date_in_another_language() -> None:
    body = "<h1>Der Titel</h1>" + TEXT * 8 + LINKS + "<p>Veröffentlicht am 12. März 2023</p>"
    html = f"<html><body>{body}</body></html>"
    article = dated_article(html, "https://bugle.example/a", FETCHED, load_profile("generic"))
    assert [(c.raw, c.basis) for c in article.date_candidates][:1] == [
        ("12. März 2023", "labelled")
    ]


def test_htmldate_repeating_a_modification_date_does_not_vote() -> None:
    updated = (
        ("2025-12-08T22:31:00.000Z", "meta"),
        ("2025-12-31T20:51:17.246Z", "meta-modified"),
        ("Dec 31, 2025 8:51pm", "visible-updated"),
    )
    assert chosen_day(*updated, ("2025-12-31", "htmldate")) == "2025-12-08"
    assert (
        chosen_day(*updated, ("2025-12-31", "htmldate"), ("Dec 31, 2025", "visible"))
        == "2025-12-31"
    )
    assert chosen_day(("2025-12-31T20:51:17Z", "meta-modified"), ("2025-12-31", "htmldate")) == (
        "2025-12-31"
    )
