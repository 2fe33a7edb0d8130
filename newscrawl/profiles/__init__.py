"""Declarative site profiles: what a site's URLs mean and which of its blocks are chrome.

A profile is a TOML file in this folder (data, not code). Every selector list is tried in
order and the generic, text-anchored rules run after it, so a profile that is wrong about a
site's markup degrades to the generic path instead of failing. `generic.toml` holds the rules
that apply to every aggregator; a site profile adds to them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROFILE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Profile:
    """Site knowledge for one aggregator (or the generic defaults)."""

    name: str
    version: int = 1
    description: str = ""
    start_urls: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    timezone: str | None = None
    date_order: str | None = None
    article_urls: tuple[re.Pattern[str], ...] = ()
    listing_urls: tuple[re.Pattern[str], ...] = ()
    id_prefix: str = ""
    selectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    chrome_phrases: frozenset[str] = frozenset()
    chrome_headings: frozenset[str] = frozenset()
    title_suffixes: tuple[str, ...] = ()

    def select(self, key: str) -> tuple[str, ...]:
        """CSS selectors configured for `key` (empty when the profile has none)."""
        return self.selectors.get(key, ())

    def classify_url(self, url: str) -> str | None:
        """'article', 'listing', or None when the profile cannot tell from the URL."""
        path = urlsplit(url).path
        if any(p.search(path) for p in self.article_urls):
            return "article"
        if any(p.search(path) for p in self.listing_urls):
            return "listing"
        return None

    def article_id(self, url: str) -> str | None:
        """Site-wide article id from the URL (the same on every host of the site), or None."""
        path = urlsplit(url).path
        for pattern in self.article_urls:
            match = pattern.search(path)
            if match and "id" in match.groupdict():
                return f"{self.id_prefix or self.name}:{match['id']}"
        return None


def normalise_phrase(text: str) -> str:
    """Case-folded text with whitespace collapsed, for phrase comparisons."""
    return " ".join(text.split()).casefold()


def _patterns(values: list[str]) -> tuple[re.Pattern[str], ...]:
    """Compile URL-path regexes."""
    return tuple(re.compile(v) for v in values)


def _tuples(table: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Turn a TOML table of string-or-list values into tuples."""
    return {k: (v,) if isinstance(v, str) else tuple(v) for k, v in table.items()}


def profile_from_dict(data: dict[str, Any], base: Profile | None = None) -> Profile:
    """Build a profile from parsed TOML, layered over `base` (the generic rules)."""
    urls = data.get("urls", {})
    chrome = data.get("chrome", {})
    site = data.get("site", {})
    base_phrases = base.chrome_phrases if base else frozenset()
    base_headings = base.chrome_headings if base else frozenset()
    merged = {**(base.selectors if base else {})}
    for key, values in _tuples(data.get("selectors", {})).items():
        merged[key] = values + merged.get(key, ())
    return Profile(
        name=data["name"],
        version=int(data.get("version", 1)),
        description=data.get("description", ""),
        start_urls=tuple(site.get("start_urls", ())),
        domains=tuple(site.get("domains", ())),
        languages=tuple(site.get("languages", ())),
        timezone=site.get("timezone"),
        date_order=site.get("date_order"),
        article_urls=_patterns(urls.get("article", [])),
        listing_urls=_patterns(urls.get("listing", [])),
        id_prefix=urls.get("id_prefix", ""),
        selectors=merged,
        related={**(base.related if base else {}), **_tuples(data.get("related", {}))},
        chrome_phrases=base_phrases | {normalise_phrase(p) for p in chrome.get("phrases", [])},
        chrome_headings=base_headings | {normalise_phrase(p) for p in chrome.get("headings", [])},
        title_suffixes=tuple(chrome.get("title_suffixes", ()))
        + (base.title_suffixes if base else ()),
    )


def _read(name: str) -> dict[str, Any]:
    """Parse one profile file."""
    path = files(__name__).joinpath(f"{name}.toml")  # zip-safe (scrapyd eggs)
    if not path.is_file():
        known = ", ".join(available_profiles())
        raise KeyError(f"no site profile named {name!r} (known: {known})")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def load_profile(name: str = "generic") -> Profile:
    """Load a site profile by name, layered over the generic rules."""
    generic = profile_from_dict(_read("generic"))
    return generic if name == "generic" else profile_from_dict(_read(name), generic)


def available_profiles() -> list[str]:
    """Names of the bundled profiles."""
    return sorted(p.name[:-5] for p in files(__name__).iterdir() if p.name.endswith(".toml"))
