"""Headline choice: agreement between headings and stated titles, site-name stripping."""

from __future__ import annotations

import pytest

from newscrawl.extract.document import parse_html
from newscrawl.extract.headline import choose_headline, host_label, is_site_name, strip_site


def headline_of(head: str, body: str, url: str = "https://www.bugle.example/a") -> str | None:
    """The headline chosen for a small hand-written page."""
    page = parse_html(f"<html><head>{head}</head><body>{body}</body></html>", url)
    return choose_headline(page, None)


def test_h1_that_agrees_with_the_title_wins_over_a_logo_h1() -> None:
    head = "<title>Harbour bridge reopens | Weekly Bugle</title>"
    body = "<header><h1>Weekly Bugle</h1></header><h1>Harbour bridge reopens</h1>"
    assert headline_of(head, body) == "Harbour bridge reopens"


def test_site_suffix_learned_from_og_site_name_without_any_h1() -> None:
    head = (
        "<meta property='og:site_name' content='Weekly Bugle'>"
        "<meta property='og:title' content='Harbour bridge reopens - Weekly Bugle'>"
    )
    assert headline_of(head, "<p>text</p>") == "Harbour bridge reopens"


def test_site_prefix_from_the_host_name() -> None:
    head = "<title>Bugle :: Council votes on parking</title>"
    assert headline_of(head, "<p>text</p>") == "Council votes on parking"


def test_h1_sharing_no_words_with_the_title_is_chrome() -> None:
    head = "<meta property='og:title' content='Council votes on parking'>"
    body = "<h1>Latest updates</h1><p>text</p>"
    assert headline_of(head, body) == "Council votes on parking"


def test_h1_reworded_from_the_title_is_the_visible_headline() -> None:
    head = "<meta property='og:title' content='Council votes on new parking fees'>"
    body = "<h1>Council votes on parking fees after long debate</h1>"
    assert headline_of(head, body) == "Council votes on parking fees after long debate"


def test_all_caps_heading_takes_the_stated_casing() -> None:
    head = "<meta property='og:title' content='Council Votes on Parking'>"
    body = "<h1>COUNCIL VOTES ON PARKING</h1>"
    assert headline_of(head, body) == "Council Votes on Parking"


def test_h2_agreeing_with_the_stripped_title_is_the_headline() -> None:
    head = "<title>Council Votes On Parking | Weekly Bugle</title>"
    body = "<h2>Weather</h2><h2>Council votes on parking</h2>"
    assert headline_of(head, body) == "Council votes on parking"


def test_h2_equal_to_one_part_of_the_title_is_not_enough() -> None:
    head = "<title>Section | Council votes on parking</title>"
    body = "<h2>Section</h2>"
    assert headline_of(head, body, "https://x.example/a") == head[7:-8]


def test_host_label_skips_tld_and_second_level() -> None:
    assert host_label("https://www.news.bugle.co.uk/a") == "bugle"
    assert host_label("https://bugle.com/a") == "bugle"


def test_entities_and_zero_width_characters_are_cleaned() -> None:
    page = parse_html("<html><body><p>x</p></body></html>", "https://x.example/a")
    ld = {"@type": "NewsArticle", "headline": "Rock &amp; roll\u200b returns"}
    assert choose_headline(page, ld) == "Rock & roll returns"


def test_site_names_by_prefix_initials_and_host() -> None:
    assert is_site_name("WFA", ["World Future Awards"], "")
    assert is_site_name("Thrive Marketing", ["Thrive Marketing Agency"], "")
    assert is_site_name("Bugle.com", [], "bugle")
    assert not is_site_name("Bridge reopens after floods in Bugle county", [], "bugle")


def test_strip_site_repeats_and_keeps_a_colon_headline() -> None:
    def site(text: str) -> bool:
        return text == "Artlyst"

    assert strip_site("Best shows 2025 – Artlyst - Artlyst", site) == "Best shows 2025"
    title = "Budget: what changes for renters"
    assert strip_site(title, site) == title


@pytest.mark.parametrize(
    ("stated", "shown"),
    [
        ("Why it's raining", "Why it's raining"),  # the stated title's straight quotes win
        ("Why it\u2019s raining", "Why it\u2019s raining"),  # typographic ones stay when stated
    ],
)
def test_typographic_quotes_follow_the_stated_title(stated: str, shown: str) -> None:
    head = f"<title>{stated} | Bugle</title>"
    assert headline_of(head, "<h1>Why it\u2019s raining</h1>", "https://bugle.example/a") == shown


def test_byline_block_inside_the_h1_is_left_out() -> None:
    head = "<meta property='og:title' content='Harbour bridge reopens'>"
    body = "<h1>Harbour bridge reopens <div><span>Posted on July 1, 2024</span> by ed</div></h1>"
    assert headline_of(head, body) == "Harbour bridge reopens"


def test_time_inside_the_h1_is_left_out() -> None:
    head = "<title>Harbour bridge reopens | Weekly Bugle</title>"
    body = "<h1><a href='/a'><time>Dec 18 2025</time> Harbour bridge reopens</a></h1>"
    assert headline_of(head, body) == "Harbour bridge reopens"


def test_line_breaks_in_the_h1_separate_words() -> None:
    head = "<meta property='og:title' content='Harbour Bridge Reopens'>"
    assert headline_of(head, "<h1>HARBOUR<br>BRIDGE <span>REOPENS</span></h1>") == head[35:-2]


def test_h1_with_a_glued_subtitle_yields_to_the_stated_title() -> None:
    head = "<meta property='og:title' content='Best harbour walks: ten routes for 2026'>"
    body = "<h1>The Best Harbour Walks<span>Ten routes to try this spring</span></h1>"
    assert headline_of(head, body) == "Best harbour walks: ten routes for 2026"


def test_inline_markup_in_the_h1_is_one_line() -> None:
    head = "<meta property='og:title' content='Harbour bridge reopens at last'>"
    body = "<h1>Harbour <em>bridge</em> reopens<span>!</span></h1>"
    assert headline_of(head, body) == "Harbour bridge reopens!"


def test_short_label_before_the_stated_title_is_dropped() -> None:
    head = "<title>Harbour bridge reopens | Weekly Bugle</title>"
    body = "<h1><strong>Blog:</strong> Harbour bridge reopens</h1>"
    assert headline_of(head, body) == "Harbour bridge reopens"


def test_utf8_read_as_latin1_is_repaired() -> None:
    head = "<meta property='og:title' content='Bugle\u00e2\u0080\u0099s bridge &reg; reopens'>"
    assert headline_of(head, "<p>text</p>") == "Bugle\u2019s bridge \u00ae reopens"


def test_leading_domain_name_of_the_site_is_dropped() -> None:
    head = "<title>bugle.com Harbour bridge reopens</title>"
    assert headline_of(head, "<h1><a href='/'>bugle.com</a></h1>") == "Harbour bridge reopens"


def test_all_caps_h1_agreeing_with_nothing_yields_to_the_stated_title() -> None:
    head = "<meta property='og:title' content='Harbour Bridge Reopens After Repairs'>"
    body = "<h1>HARBOUR BRIDGE REOPENS IN 2026 AFTER REPAIRS</h1>"
    assert headline_of(head, body) == "Harbour Bridge Reopens After Repairs"


def test_all_caps_h1_without_a_stated_title_stays() -> None:
    assert headline_of("", "<h1>HARBOUR BRIDGE REOPENS</h1>") == "HARBOUR BRIDGE REOPENS"


def test_permalink_symbol_in_a_heading_is_left_out() -> None:
    body = "<h1>Logging guide<a class='headerlink' href='#logging'>\u00b6</a></h1>"
    assert headline_of("", body) == "Logging guide"


def test_label_chip_opening_the_h1_is_left_out_when_the_rest_is_stated() -> None:
    head = "<meta property='og:title' content='Tips - Which lathe should I buy?'>"
    body = "<h1><span class='label'>Tips</span><span> </span>Which lathe should I buy?</h1>"
    assert headline_of(head, body) == "Which lathe should I buy?"


def test_leading_word_in_its_own_element_stays_when_the_whole_h1_is_stated() -> None:
    head = "<meta property='og:title' content='KALLAX shelf unit, white'>"
    body = "<h1><span>KALLAX</span> <span>shelf unit, white</span></h1>"
    assert headline_of(head, body) == "KALLAX shelf unit, white"


def test_tagline_after_a_bar_is_cut() -> None:
    head = "<title>Best harbour walks in 2026 | Top 19 Routes | Weekly Bugle</title>"
    body = "<h1>Best harbour walks in 2026 | Top 19 Routes</h1>"
    assert headline_of(head, body) == "Best harbour walks in 2026"


def test_short_label_before_a_bar_is_kept() -> None:
    head = "<meta property='og:title' content='Opinion | Why the bridge matters'>"
    assert headline_of(head, "<p>text</p>") == "Opinion | Why the bridge matters"


def test_a_masthead_h1_s_section_label_line_is_not_the_headline() -> None:
    """A masthead <h1> ("The Wall Street Journal" / "Opinion") before the story's own <h1>: its
    short line matches the label part of og:title "Opinion | Headline" but is no headline."""
    page = (
        "<html><head><title>Is Football Violence a Crime? - WSJ</title>"
        "<meta property='og:title' content='Opinion | Is Football Violence a Crime?'></head>"
        "<body><h1><div><a href='/'>The Wall Street Journal</a><a href='/opinion'>Opinion</a>"
        "</div></h1><h1>Is Football Violence a Crime?</h1><p>Story.</p></body></html>"
    )
    doc = parse_html(page, "https://www.wsj.com/articles/football-violence")
    assert choose_headline(doc, None) == "Is Football Violence a Crime?"
