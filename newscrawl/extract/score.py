"""The structural page-type score: points against an article by page type, points for one.

`pagetype.page_features` (the tree and URL), `pagekinds.with_kinds` (shop and listing cards)
and `pagetype.text_features` (the extracted body) count the signs; the tables here weigh them.
A page is typed by the score only when no strong evidence (URL rules, markup) decided it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

#: Sibling cards needing a look: only parents with this many element children.
MANY_CARDS = 20
#: This many `<article>` elements make a page of stories (it cancels the `<article>` point).
MANY_ARTICLES = 10
#: A page with this many h2/h3 headings and fewer body words than WORDS_PER_HEADING per
#: heading is cut into short sections (service and landing pages); so many <section>s, too.
MANY_HEADINGS = 5
WORDS_PER_HEADING = 80
MANY_SECTIONS = 10


def combined_features(f: Counter[str]) -> Counter[str]:
    """Signs from tree and text counts together: short sections under many headings."""
    headings = f["headings"]
    sectioned = headings >= MANY_HEADINGS and f["body_words"] < WORDS_PER_HEADING * headings
    return Counter({"sectioned": int(sectioned)})


#: Points against an article: (feature, minimum count, points, page type it suggests).
#: Fitted on odd wcxb-dev ids, checked on even ids (docs/extraction.md, session 6).
KIND_EVIDENCE: tuple[tuple[str, int, int, str], ...] = (
    ("shop_cards", 1, 2, "collection"),  # ≥ 4 priced product cards or ≥ 2 shop buttons
    ("text_cards", 1, 2, "listing"),  # ≥ 12 short cards, twice the words of running text
    ("thin_prose", 1, 1, "listing"),  # < 60 words in running-text <p>s (one paragraph at most)
    ("scattered_prose", 1, 2, "service"),  # running text spread over many blocks, undated (scatter)
)
#: Points against an article: (feature, minimum count, points, page type it suggests).
OTHER_EVIDENCE: tuple[tuple[str, int, int, str], ...] = (
    ("cart", 1, 3, "product"),  # an add-to-cart button, form or price block
    ("price_md", 1, 3, "product"),  # itemprop price/offers
    ("price", 5, 1, "product"),  # many currency amounts
    ("forum_attr", 3, 2, "forum"),  # repeated post/user-info blocks
    ("code", 2, 2, "documentation"),  # several code blocks
    ("cta", 2, 1, "service"),  # "Book a demo", "Get a quote", …
    ("docs_text", 1, 1, "documentation"),  # "Edit this page", "On this page", …
    ("edit_link", 1, 2, "documentation"),  # a link to edit or view the page's source on GitHub
    ("inline_code", 10, 1, "documentation"),  # ten `<code>` spans or blocks
    ("phone_links", 5, 1, "service"),  # five `tel:` links
    ("card_run", MANY_CARDS, 1, "listing"),  # twenty sibling cards with a link and an image
    ("article_tag", MANY_ARTICLES, 1, "listing"),  # ten <article> blocks: a page of stories
    ("no_prose_markup", 1, 1, "listing"),  # not one <p> of running text in the whole page
    ("home_page", 1, 2, "listing"),  # the URL path is "/" or a locale
    ("one_word_slug", 1, 2, "listing"),  # "/webcams", "/pet-insurance" is two words
    ("short_headline", 1, 1, "listing"),  # "Dental Care"
    ("little_prose", 1, 2, "listing"),  # < 300 words in paragraphs of ≥ 30 words
    ("short_lines", 1, 1, "listing"),  # < 20 words per body line on average
    ("service_path", 1, 2, "service"),  # "/services/", "/programs/", "/pricing" in the path
    ("faq_md", 1, 2, "service"),  # JSON-LD FAQPage
    ("sectioned", 1, 1, "service"),  # ≥ 5 h2/h3 headings, < 80 body words per heading
    ("sections", MANY_SECTIONS, 1, "service"),  # ≥ 10 <section> blocks
    ("sales_phrases", 4, 2, "service"),  # "our team", "get a quote", "contact us", … (pitch)
    ("offer_headline", 1, 3, "service"),  # "HR Consulting Services" over a pitch (pitch.py)
    ("business_voice", 1, 1, "service"),  # ≥ 2 "we/our/us" per 100 words, no "he/she/said"
)
#: Points for an article: (feature, minimum count, points).
ARTICLE_EVIDENCE: tuple[tuple[str, int, int], ...] = (
    ("og_article", 1, 2),
    ("art_meta", 1, 2),  # article:published_time / itemprop datePublished
    ("byline", 1, 1),
    ("time", 1, 1),
    ("article_tag", 1, 1),
    ("long_p", 8, 1),  # eight paragraphs of running text
    ("long_headline", 1, 1),  # seven words or more
    ("long_slug", 1, 1),  # four words or more in the URL's last segment
    ("comments", 1, 1),  # a comment section
)
#: A page is not an article when the points against exceed the points for by this much
#: (undecided pages, odd WCXB ids: margin 3 catches 75 non-articles and loses 7 articles;
#: 4 catches 56 and loses 2; 5 catches 40 and loses 2; see docs/extraction.md).
OTHER_MARGIN = 4


def evidence(f: Counter[str]) -> tuple[dict[str, int], int]:
    """Points against an article by page type, and points for one."""
    f = f + combined_features(f)
    against: dict[str, int] = {}
    for name, least, points, kind in (*OTHER_EVIDENCE, *KIND_EVIDENCE):
        if f[name] >= least:
            against[kind] = against.get(kind, 0) + points
    support = sum(points for name, least, points in ARTICLE_EVIDENCE if f[name] >= least)
    return against, support


@dataclass(frozen=True)
class Verdict:
    """What the score says of a page: a non-article type, and whether it leans to an article."""

    page_type: str | None
    leans_article: bool


def verdict(f: Counter[str]) -> Verdict:
    """`type_from_features` and `leans_article` of `f`, the evidence weighed once."""
    against, support = evidence(f)
    return Verdict(_typed(against, support), _leans(against, support))


def type_from_features(f: Counter[str]) -> str | None:
    """A non-article page type when the evidence against outweighs the evidence for, or None."""
    return _typed(*evidence(f))


def leans_article(f: Counter[str]) -> bool:
    """Whether the evidence for an article outweighs the evidence against by OTHER_MARGIN."""
    return _leans(*evidence(f))


def _typed(against: dict[str, int], support: int) -> str | None:
    """The page type with the most points against, when they exceed support by OTHER_MARGIN."""
    if not against or sum(against.values()) - support < OTHER_MARGIN:
        return None
    return max(against, key=lambda kind: against[kind])


def _leans(against: dict[str, int], support: int) -> bool:
    """Whether support exceeds the points against by OTHER_MARGIN."""
    return support - sum(against.values()) >= OTHER_MARGIN
