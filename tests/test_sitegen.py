"""The committed demo site is exactly what the generator makes from its content file."""

from __future__ import annotations

from pathlib import Path

from newscrawl.demo.sitegen import FROZEN_FETCHED_AT as T
from newscrawl.demo.sitegen import build_site, expected_date, load_content
from tests.demo_site import SITE


def test_committed_site_is_up_to_date(tmp_path: Path) -> None:
    build_site(load_content(SITE / "content.json"), tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(
        p.relative_to(SITE) for p in SITE.rglob("*") if p.is_file() and p.name != "content.json"
    )
    assert made == committed
    for rel in made:
        assert (tmp_path / rel).read_bytes() == (SITE / rel).read_bytes(), rel


def test_site_has_the_required_variety() -> None:
    articles = load_content(SITE / "content.json")["articles"]
    assert len(articles) >= 12
    shown = [a["date_shown"] for a in articles]
    assert any(s.count("-") == 2 for s in shown) and any(s.endswith("ago") for s in shown)
    assert (SITE / "pages" / "en" / "hashtag").is_dir()


def test_oracle_dates() -> None:
    assert expected_date("6 days ago", T) == ("2026-11-21", "day")
    assert expected_date("9 minutes ago", T) == ("2026-11-27T23:26:00+00:00", "minute")
    assert expected_date("an hour ago", T) == ("2026-11-27T22:35:00+00:00", "hour")
    assert expected_date("03-06-2025", T) == ("2025-06-03", "day")
