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
        ("Written By: Tom May", ["Tom May"]),
        ("Jeffrey ZeldmanNovember 2, 2025", ["Jeffrey Zeldman"]),
        ("Emmet WhiteUpdated Mar 3", ["Emmet White"]),
        ("Meaghan Weeden ●", ["Meaghan Weeden"]),
    ],
)
def test_split_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_dotted_logins_and_labels_are_not_names() -> None:
    assert not plausible_name("andrew.keaveney")
    assert not plausible_name("Researched by")
    assert plausible_name("Krystyna")
    assert plausible_name("aawoods")  # a shown login is how the site credits its author


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


def test_entities_in_declared_names_are_decoded() -> None:
    assert json_ld_authors({"author": {"name": "Maria &amp; Katerina"}}) == ["Maria & Katerina"]


@pytest.mark.parametrize(
    "element",
    [
        "<div class='post-hero__author__name'>Christian Winter</div>",
        "<p class='wp-block-post-author-name'><a href='/a/cw'>Christian Winter</a></p>",
        "<span class='post-detail__meta-author'>By Christian Winter</span>",
        "<span class='authorname-txt'><span>Christian Winter</span></span>",
    ],
)
def test_elements_named_for_the_author_are_bylines(element: str) -> None:
    doc = page("", f"<h1>Title</h1>{element}<p>Story.</p>")
    assert authors(doc, None, (), GENERIC) == ["Christian Winter"]


def test_author_pictures_bios_and_roles_are_not_bylines() -> None:
    doc = page(
        "",
        "<h1>T</h1><img class='author-avatar' alt='x'><div class='author-bio'>Writes a lot</div>"
        "<div class='author-title'>Games Editor</div><p>Story.</p>",
    )
    assert authors(doc, None, (), GENERIC) == []


def test_commenters_and_comment_forms_are_not_authors() -> None:
    doc = page(
        "",
        "<h1>T</h1><p>Story.</p><div class='comments'><span class='byline'>Lori Campbell</span>"
        "</div><form><label class='comment-form-author'>Name *</label></form>",
    )
    assert authors(doc, None, (), GENERIC) == []


def test_the_byline_the_headline_zone_shows_beats_an_earlier_one() -> None:
    doc = page("", "<div class='byline'>J J</div><h1>T</h1><div class='author'>Ann Lee</div>")
    assert authors(doc, None, (), GENERIC, ["T", "Ann Lee", "May 3, 2025"]) == ["Ann Lee"]
    assert authors(doc, None, (), GENERIC) == ["J J"]


@pytest.mark.parametrize(
    ("head", "ld"),
    [
        ("<meta property='og:site_name' content='GlossGenius'>", {"author": "GlossGenius"}),
        ("<meta name='author' content='kffnirmitap'>", None),
    ],
)
def test_a_site_name_or_login_declared_as_author_yields_to_the_shown_byline(
    head: str, ld: dict | None
) -> None:
    body = "<h1>T</h1><span class='author-name'>Shauna Mitchell</span><p>Story.</p>"
    doc = page(head, body)
    assert authors(doc, ld, (), GENERIC, ["T", "Shauna Mitchell"]) == ["Shauna Mitchell"]
    alone = page(head, "<h1>T</h1><p>Story.</p>")
    assert authors(alone, ld, (), GENERIC) != []  # no byline shown: the declared value stays


def test_scholarly_citation_authors_are_each_one_name() -> None:
    head = (
        "<meta name='citation_author' content='Kaufman, Jeff T.'>"
        "<meta name='citation_author' content='Ann Lee'>"
    )
    assert authors(page(head, "<h1>T</h1>"), None, (), GENERIC) == ["Kaufman, Jeff T.", "Ann Lee"]


@pytest.mark.parametrize("attr", ["property='og:article:author'", "name='article:author'"])
def test_article_author_metas_in_either_attribute(attr: str) -> None:
    doc = page(f"<meta {attr} content='Jillian Kubala, MS, RD'>", "<h1>T</h1>")
    assert authors(doc, None, (), GENERIC) == ["Jillian Kubala, MS, RD"]


def test_a_link_to_the_author_page_named_like_its_address_is_a_byline() -> None:
    body = "<h1>T</h1><span><a href='/authors/trevor-jackins'>Trevor Jackins</a></span><p>S.</p>"
    assert authors(page("", body), None, (), GENERIC) == ["Trevor Jackins"]
    other = "<h1>T</h1><a href='/authors/trevor-jackins'>All posts</a><p>S.</p>"
    assert authors(page("", other), None, (), GENERIC) == []


def test_a_role_in_its_own_piece_after_the_name_is_left_out() -> None:
    body = "<h1>T</h1><div class='author'><a>Keith Barry</a><span>Autos Reporter</span></div>"
    assert authors(page("", body), None, (), GENERIC) == ["Keith Barry"]
    two = "<h1>T</h1><div class='author'><a>Ann Lee</a> and <a>Bo Chan</a></div>"
    assert authors(page("", two), None, (), GENERIC) == ["Ann Lee", "Bo Chan"]
