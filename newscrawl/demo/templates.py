"""HTML templates of the Daily8-style demo site (modelled on Daily8's rendered text)."""

from __future__ import annotations

from html import escape
from typing import Any

Article = dict[str, Any]

HEAD = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Daily8</title>
<meta name="description" content="{description}">
<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="Daily8">
<meta property="og:title" content="{title}">
<link rel="canonical" href="{canonical}">
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<div id="__next">
<header class="site-header">
<a class="brand" href="/en"><img src="/static/logo.svg" alt="logo"></a>
<nav class="top-nav"><a href="/en">Home</a>{tag_links}<a href="/en/search?q=news">Search</a></nav>
</header>
"""

FOOTER = """<footer class="site-footer">
<section class="app-download">
<h2>DOWNLOAD THE APP</h2>
<h3>Get Started Now: Download the App</h3>
<p>Ready to dive into a world of global content with local flavor? Download Daily8 app today \
from your preferred app store and start exploring.</p>
<a href="https://apps.apple.com/app/daily8/id000000"><img src="/static/app-store.svg" \
alt="app-store"></a><a href="https://play.google.com/store/apps/details?id=com.daily8">\
<img src="/static/play-store.svg" alt="play-store"></a>
</section>
<div class="copyright">© Daily8. All rights reserved.</div>
</footer>
</div>
</body>
</html>
"""

AI_PROMO = """<aside class="ai-features">
<img src="/static/orange-bg.png" alt="Orange background">
<h3>Try Our AI Features</h3>
<p>Explore what Daily8 AI can do for you:</p>
<ul><li><button>Summarize</button></li><li><button>Translate</button></li></ul>
</aside>
"""

COMMENTS = """<section class="comments">
<h3>Comments</h3>
<div class="comments-empty">No comments yet...</div>
</section>
"""


def e(text: str) -> str:
    """Escape text for HTML content and attributes."""
    return escape(text, quote=True)


def full_text(article: Article) -> str:
    """The article's text run together, as Daily8 shows it in card summaries."""
    return " ".join(article["paragraphs"])


def tag_links(tags: list[str]) -> str:
    """Navigation links to hashtag pages."""
    return "".join(f'<a href="/en/hashtag/{e(t)}">{e(t)}</a>' for t in tags)


def head(title: str, description: str, canonical: str, og_type: str, tags: list[str]) -> str:
    """Document head and site header."""
    return HEAD.format(
        lang="en",
        title=e(title),
        description=e(description[:150]),
        canonical=e(canonical),
        og_type=og_type,
        tag_links=tag_links(tags),
    )


def card_head(article: Article, href: str) -> str:
    """Top of a card: image + headline link, source, "time" icon glued to the shown date."""
    return f"""<a class="card-link" href="{e(href)}"><img src="/static/img/{article["id"]}.jpg" \
alt="{e(article["headline"])}"><h3 class="card-title">{e(article["headline"])}</h3></a>
<div class="card-source">{e(article["publisher"])}</div>
<div class="card-time"><i class="material-icons">time</i>{e(article["date_shown"])}</div>
"""


def related_card(article: Article, href: str) -> str:
    """One "Related Articles" card: headline, source, "time" icon + date, source chip, summary."""
    return f"""<div class="related-card">
{card_head(article, href)}<ul class="card-chips"><li>{e(article["publisher"])}</li></ul>
<h4 class="card-headline">{e(article["headline"])}</h4>
<p class="card-summary">{e(full_text(article))}</p>
</div>
"""


def related_rail(cards: list[tuple[Article, str]]) -> str:
    """The "Related Articles" rail."""
    body = "".join(related_card(a, href) for a, href in cards)
    return f'<section class="related-articles">\n<h2>Related Articles</h2>\n{body}</section>\n'


def byline(article: Article) -> str:
    """A visible byline, or nothing for articles without authors."""
    if not article["authors"]:
        return ""
    return f'<div class="byline">By {e(" and ".join(article["authors"]))}</div>\n'


def standard_article(article: Article, canonical: str, rail: str) -> str:
    """An article page in the semantic layout (article, h1, p)."""
    paragraphs = "\n".join(f"<p>{e(p)}</p>" for p in article["paragraphs"])
    tags = "".join(f'<a href="/en/hashtag/{e(t)}">#{e(t)}</a>' for t in article["tags"])
    return (
        head(article["headline"], full_text(article), canonical, "article", article["tags"])
        + f"""<main class="page">
<div class="article-wrapper">
<article class="article">
<h1 class="article-title">{e(article["headline"])}</h1>
<div class="article-hero"><img src="/static/img/{article["id"]}.jpg" \
alt="{e(article["image_alt"])}"></div>
<div class="article-meta"><span class="source-name">{e(article["publisher"])}</span>\
<span class="published-time">{e(article["date_shown"])}</span></div>
{byline(article)}<div class="article-body">
{paragraphs}
</div>
<div class="article-tags">{tags}</div>
</article>
{AI_PROMO}{COMMENTS}{rail}</div>
</main>
"""
        + FOOTER
    )


def soup_article(article: Article, canonical: str, rail: str) -> str:
    """An article page in div-soup: no article, h1 or p anywhere; hashed class names."""
    html = _soup_markup(article, canonical, rail)
    return html.replace("<p>", "<div>").replace("<p ", "<div ").replace("</p>", "</div>")


def _soup_markup(article: Article, canonical: str, rail: str) -> str:
    """The soup page before its remaining paragraphs become divs."""
    paragraphs = "\n".join(f'<div class="x7b1">{e(p)}</div>' for p in article["paragraphs"])
    soup_rail = rail.replace("<section", "<div").replace("</section>", "</div>")
    soup_rail = soup_rail.replace("<h2>", '<div class="x2c9">').replace("</h2>", "</div>")
    soup_rail = soup_rail.replace('<p class="card-summary">', '<div class="x0d4">')
    soup_rail = soup_rail.replace("</p>", "</div>")
    return (
        head(article["headline"], full_text(article), canonical, "article", article["tags"])
        + f"""<div class="x0a1">
<div class="x3f2">
<div class="x9e0">{e(article["headline"])}</div>
<div class="x5a7"><img src="/static/img/{article["id"]}.jpg" alt="{e(article["image_alt"])}"></div>
<div class="x4d1">{e(article["publisher"])}<span class="x4d2">{e(article["date_shown"])}</span>\
</div>
<div class="x8c3">
{paragraphs}
</div>
</div>
{AI_PROMO.replace("<aside", "<div").replace("</aside>", "</div>")}\
{COMMENTS.replace("<section", "<div").replace("</section>", "</div>")}{soup_rail}</div>
"""
        + FOOTER
    )


def news_card(article: Article, href: str) -> str:
    """A listing-page card: headline link, source, time and the opening paragraph."""
    return f"""<div class="news-card">
{card_head(article, href)}<p class="card-summary">{e(article["paragraphs"][0])}</p>
</div>
"""


def listing_page(
    title: str,
    canonical: str,
    cards: list[tuple[Article, str]],
    next_href: str | None,
    tags: list[str],
) -> str:
    """A home, pagination or hashtag page: a grid of news cards."""
    grid = "".join(news_card(a, href) for a, href in cards)
    pager = (
        f'<nav class="pagination"><a rel="next" href="{e(next_href)}">Next</a></nav>\n'
        if (next_href)
        else ""
    )
    return (
        head(title, f"{title} — the latest news on Daily8", canonical, "website", tags)
        + f"""<main class="page">
<h1 class="listing-title">{e(title)}</h1>
<div class="news-grid">
{grid}</div>
{pager}</main>
"""
        + FOOTER
    )
