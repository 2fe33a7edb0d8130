"""Synthesise a large Daily8-style site: N articles mixed from the bundled demo content.

Each article gets its own id, a headline, 4–9 paragraphs drawn from the demo paragraphs
(shuffled, some sentences reordered), a publisher, authors, a shown date, three related
cards and the demo layouts; listing pages paginate over all of them. Deterministic per seed.
Used by `newscrawl bench crawl`.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

from newscrawl.demo.server import BUNDLED_SITE
from newscrawl.demo.sitegen import article_path, listing_pages, load_content, render_article

RELATED_PER_ARTICLE = 3


def synth_id(index: int, seed: int) -> str:
    """A 32-hex article id (the demo profile's id pattern)."""
    return hashlib.md5(f"synth-{seed}-{index}".encode()).hexdigest()


def mixed_paragraph(rng: random.Random, paragraphs: list[str]) -> str:
    """A demo paragraph, its sentences sometimes reordered."""
    text = rng.choice(paragraphs)
    sentences = [s for s in text.split(". ") if s]
    if len(sentences) > 2 and rng.random() < 0.5:
        rng.shuffle(sentences)
        text = ". ".join(s.rstrip(".") for s in sentences) + "."
    return text


def synth_article(index: int, seed: int, base: list[dict[str, Any]], ids: list[str]) -> dict:
    """One synthetic article in the demo content format."""
    rng = random.Random(f"{seed}-{index}")
    paragraphs = [p for a in base for p in a["paragraphs"]]
    model = rng.choice(base)
    related = rng.sample([i for i in ids if i != ids[index]], RELATED_PER_ARTICLE)
    return {
        "id": ids[index],
        "headline": f"{model['headline']} (report {index + 1})",
        "publisher": rng.choice(base)["publisher"],
        "authors": rng.choice(base)["authors"],
        "date_shown": rng.choice(base)["date_shown"],
        "paragraphs": [mixed_paragraph(rng, paragraphs) for _ in range(rng.randint(4, 9))],
        "layout": "soup" if rng.random() < 0.15 else "standard",
        "tags": [],
        "related": related,
        "image_alt": model["image_alt"],
    }


def synth_content(count: int, seed: int = 1) -> dict[str, Any]:
    """Content for `count` articles, in the format of the bundled content.json."""
    base = load_content(BUNDLED_SITE / "content.json")
    ids = [synth_id(i, seed) for i in range(count)]
    articles = [synth_article(i, seed, base["articles"], ids) for i in range(count)]
    return {"site": base["site"], "articles": articles}


def synth_pages(count: int, seed: int = 1) -> dict[str, str]:
    """Every page of a synthetic site of `count` articles (path → HTML), plus listings."""
    articles = synth_content(count, seed)["articles"]
    by_id = {a["id"]: a for a in articles}
    pages = listing_pages(articles, [])
    for index, article in enumerate(articles):
        pages[article_path(article["id"])] = render_article(index, article, by_id)
    return pages
