"""`dates.screen` skips a dateparser locale only when its full check would reject the text."""

from __future__ import annotations

import pytest

from newscrawl.dates import locales, screen

#: Hand-written date texts in several scripts, languages and spellings (some in no language).
TEXTS = [
    "hace 3 días",
    "il y a 3 heures",
    "vor 2 Stunden",
    "3 дня назад",
    "2023年5月12日",
    "12 de março de 2023",
    "criado em 12 de março de 2023",
    "5 minutes ago",
    "2 decades ago",
    "in 3 fortnights",
    "yesterday at 11:30",
    "12 ottobre 2021",
    "3 hours ago, updated",
    "ieri alle 10:00",
    "mardi 5 mars 2024",
    "3 gün önce",
    "منذ 3 أيام",
    "۳ روز پیش",
    "3 ngày trước",
    "created: dec 19, 2025",
    "12th march 2023",
]
CODES = ["en", "es", "fr", "de", "ru", "ja", "zh", "pt", "it", "tr", "ar", "fa", "vi", "ha"]


@pytest.mark.parametrize("code", CODES)
def test_screen_never_drops_an_applicable_locale(code: str) -> None:
    loc = locales.locale_for(code)
    assert loc is not None
    for text in TEXTS:
        if screen.cannot_apply(loc, text, locales._SETTINGS):
            assert not loc.is_applicable(text, settings=locales._SETTINGS), text


def test_screen_drops_other_languages() -> None:
    found = [loc.shortname for loc in locales.detect("hace 3 días")]
    assert "es" in found
    german = locales.locale_for("de")
    assert german is not None
    assert screen.cannot_apply(german, "hace 3 días", locales._SETTINGS)


@pytest.mark.parametrize(
    ("phrase", "skeleton"),
    [
        (r"\d++[.,]?\d*+ decades? ago", "\n\ndecades\nago"),
        (r"in \d++[.,]?\d*+ j", "in\n\n\nj"),
        (r"\d++[.,]?\d*+h ago", "\nh\nago"),
        (r"hour|min", "hour\nmin"),
    ],
)
def test_skeleton_keeps_letters_that_can_touch(phrase: str, skeleton: str) -> None:
    assert screen._skeleton(phrase) == skeleton


@pytest.mark.parametrize("phrase", [r"colou?r", r"a\w+", r"da.s", r"[a-z]+ ago", r"x{2}", r"^ago"])
def test_skeleton_gives_up_on_syntax_it_does_not_model(phrase: str) -> None:
    assert screen._skeleton(phrase) is None
