"""Profiles: loading, layering over the generic rules, URL classification, explain command."""

from __future__ import annotations

import pytest

from newscrawl.cli import main
from newscrawl.profiles import available_profiles, load_profile
from tests.demo_site import SITE, expected_records

HEX = "0123456789abcdef" * 2


def test_bundled_profiles_load() -> None:
    assert {"generic", "daily8"} <= set(available_profiles())
    for name in available_profiles():
        assert load_profile(name).name == name


def test_site_profile_layers_over_generic() -> None:
    daily8, generic = load_profile("daily8"), load_profile("generic")
    assert daily8.chrome_phrases >= generic.chrome_phrases
    assert daily8.select("headline")[0] == "h1.article-title"
    assert set(generic.select("headline")) <= set(daily8.select("headline"))
    assert len(set(daily8.select("byline"))) == len(daily8.select("byline"))


@pytest.mark.parametrize(
    ("url", "kind", "article_id"),
    [
        (f"https://www.daily8.com/en/article/{HEX}", "article", f"daily8:{HEX}"),
        (f"https://daily8.com.au/en/article/{HEX}/", "article", f"daily8:{HEX}"),
        ("https://www.daily8.com/en", "listing", None),
        ("https://www.daily8.com/en/hashtag/Korea", "listing", None),
        ("https://www.daily8.com/en/page/3", "listing", None),
        ("https://www.daily8.com/en/about", None, None),
    ],
)
def test_daily8_url_rules(url: str, kind: str | None, article_id: str | None) -> None:
    profile = load_profile("daily8")
    assert profile.classify_url(url) == kind
    assert profile.article_id(url) == article_id


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="daily8"):
        load_profile("no-such-site")


def test_explain_shows_matches(capsys: pytest.CaptureFixture[str]) -> None:
    path = expected_records()[0]["path"]
    page = SITE / "pages" / (path.strip("/") + ".html")
    url = "https://www.daily8.com" + path
    assert main(["profile", "explain", str(page), "--profile", "daily8", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "URL kind: article" in out
    assert ".article-meta" in out and "match(es)" in out
