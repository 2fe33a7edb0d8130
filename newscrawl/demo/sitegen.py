"""Generate the Daily8-style demo site (HTML pages + expected records) from a content file."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawl.demo import templates as t

#: Fetch time the expected records are computed for (tests freeze the crawl clock to it).
FROZEN_FETCHED_AT = datetime(2026, 11, 27, 23, 35, tzinfo=UTC)
#: Placeholder the demo server replaces with a second origin (same server, other host name).
ALT_ORIGIN = "__ALT_ORIGIN__"
CANONICAL_BASE = "https://www.daily8.com"
PAGE_SIZE = 6

ROBOTS_TXT = "User-agent: *\nDisallow: /en/search\n"

_UNITS = {"minute": "minute", "hour": "hour", "day": "day", "week": "week"}
_AGO = re.compile(r"^(?P<n>\d+|an?) (?P<unit>minute|hour|day|week)s? ago$")


def expected_date(shown: str, fetched_at: datetime) -> tuple[str, str]:
    """Resolve a date as the demo site shows it (the test oracle, independent of the resolver)."""
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", shown):
        day, month, year = (int(g) for g in m.groups())
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    m = _AGO.match(shown)
    if not m:
        raise ValueError(f"demo content has a date the oracle does not know: {shown!r}")
    count = 1 if m["n"] in ("a", "an") else int(m["n"])
    unit = m["unit"]
    moment = fetched_at - timedelta(**{f"{unit}s": count})
    if unit in ("minute", "hour"):
        return moment.isoformat(), unit
    return moment.date().isoformat(), unit


def load_content(path: Path) -> dict[str, Any]:
    """Read the demo content file."""
    return json.loads(path.read_text(encoding="utf-8"))


def article_path(article_id: str) -> str:
    """Site path of an article page."""
    return f"/en/article/{article_id}"


def related_href(page_index: int, card_index: int, related_id: str) -> str:
    """Link of a related card; some point at the site's second host (same article id)."""
    path = article_path(related_id)
    return f"{ALT_ORIGIN}{path}" if page_index % 3 == 0 and card_index == 0 else path


def render_article(index: int, article: t.Article, by_id: dict[str, t.Article]) -> str:
    """HTML of one article page."""
    cards = [(by_id[rid], related_href(index, i, rid)) for i, rid in enumerate(article["related"])]
    canonical = CANONICAL_BASE + article_path(article["id"])
    render = t.soup_article if article["layout"] == "soup" else t.standard_article
    return render(article, canonical, t.related_rail(cards))


def listing_pages(articles: list[t.Article], tags: list[str]) -> dict[str, str]:
    """Home and pagination pages, keyed by file path."""
    pages: dict[str, str] = {}
    chunks = [articles[i : i + PAGE_SIZE] for i in range(0, len(articles), PAGE_SIZE)]
    for number, chunk in enumerate(chunks, start=1):
        path = "/en" if number == 1 else f"/en/page/{number}"
        next_href = f"/en/page/{number + 1}" if number < len(chunks) else None
        cards = [(a, article_path(a["id"])) for a in chunk]
        title = "Top stories" if number == 1 else f"Top stories — page {number}"
        pages[path] = t.listing_page(title, CANONICAL_BASE + path, cards, next_href, tags)
    return pages


def hashtag_pages(articles: list[t.Article], tags: list[str]) -> dict[str, str]:
    """One page per hashtag listing the articles carrying it."""
    pages: dict[str, str] = {}
    for tag in tags:
        cards = [(a, article_path(a["id"])) for a in articles if tag in a["tags"]]
        path = f"/en/hashtag/{tag}"
        pages[path] = t.listing_page(f"#{tag}", CANONICAL_BASE + path, cards, None, tags)
    return pages


def expected_record(article: t.Article, by_id: dict[str, t.Article]) -> dict[str, Any]:
    """The record a correct crawl emits for this article at the frozen fetch time."""
    date_value, precision = expected_date(article["date_shown"], FROZEN_FETCHED_AT)
    related = []
    for rid in article["related"]:
        other = by_id[rid]
        value, _ = expected_date(other["date_shown"], FROZEN_FETCHED_AT)
        related.append(
            {
                "headline": other["headline"],
                "path": article_path(rid),
                "publisher": other["publisher"],
                "datePublishedRaw": other["date_shown"],
                "datePublished": value,
            }
        )
    return {
        "path": article_path(article["id"]),
        "canonicalUrl": CANONICAL_BASE + article_path(article["id"]),
        "headline": article["headline"],
        "articleBody": "\n\n".join(article["paragraphs"]),
        "publisher": article["publisher"],
        "authors": article["authors"] if article["layout"] != "soup" else [],
        "inLanguage": "en",
        "datePublishedRaw": article["date_shown"],
        "datePublished": date_value,
        "datePublishedPrecision": precision,
        "related": related,
    }


def site_pages(content: dict[str, Any]) -> dict[str, str]:
    """Every page of the site (path → HTML)."""
    articles: list[t.Article] = content["articles"]
    by_id = {a["id"]: a for a in articles}
    tags = sorted({tag for a in articles for tag in a["tags"]})
    pages = listing_pages(articles, tags) | hashtag_pages(articles, tags)
    for index, article in enumerate(articles):
        pages[article_path(article["id"])] = render_article(index, article, by_id)
    return pages


def page_file(site_dir: Path, path: str) -> Path:
    """File holding the page served at `path`."""
    return site_dir / "pages" / (path.strip("/") + ".html")


def build_site(content: dict[str, Any], site_dir: Path, with_expected: bool = True) -> int:
    """Write the site's pages, robots.txt and (optionally) expected records; return page count."""
    pages = site_pages(content)
    for path, html in pages.items():
        target = page_file(site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    (site_dir / "robots.txt").write_text(ROBOTS_TXT, encoding="utf-8")
    if with_expected:
        by_id = {a["id"]: a for a in content["articles"]}
        expected_dir = site_dir / "expected"
        expected_dir.mkdir(parents=True, exist_ok=True)
        for article in content["articles"]:
            record = expected_record(article, by_id)
            text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
            (expected_dir / f"{article['id']}.json").write_text(text, encoding="utf-8")
    return len(pages)


def main() -> None:
    """Regenerate the bundled demo site from its content file."""
    site_dir = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "daily8-site"
    count = build_site(load_content(site_dir / "content.json"), site_dir)
    print(f"wrote {count} pages to {site_dir}")


if __name__ == "__main__":
    main()
