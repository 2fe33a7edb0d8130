"""Extraction: (html, url, fetched_at, profile) → Article. Pure functions, no Scrapy.

>>> from datetime import datetime, timezone
>>> when = datetime(2026, 1, 1, tzinfo=timezone.utc)
>>> page = "<html><body><h1>Hello</h1><p>" + "word " * 100 + "</p></body></html>"
>>> article = extract_article(page, "https://example.org/news/hello-world", when)
>>> article.headline, article.is_article, len(article.articleBody.split())
('Hello', True, 100)
"""

from __future__ import annotations

from datetime import datetime

from newscrawl.dates import Resolutions
from newscrawl.extract import dates, metadata
from newscrawl.extract.attribution import headline_element, source_line
from newscrawl.extract.body import extract_text
from newscrawl.extract.chrome import clean_lines, contains_any, drop, in_table, remove_chrome
from newscrawl.extract.closing import closing_lines
from newscrawl.extract.deks import deks
from newscrawl.extract.document import parse_html
from newscrawl.extract.linkblocks import chrome_boxes, link_blocks, set_aside
from newscrawl.extract.model import Article, DateCandidate, RelatedCard
from newscrawl.extract.pagekinds import with_kinds
from newscrawl.extract.pagetype import (
    page_features,
    page_type,
    strong_type,
    text_features,
    type_from_markup,
)
from newscrawl.extract.prompts import signup_boxes, toc_blocks
from newscrawl.extract.prose import Prose
from newscrawl.extract.publisher import publisher
from newscrawl.extract.related import related_cards
from newscrawl.extract.repeats import without_repeated_passages, without_repeats
from newscrawl.extract.score import verdict
from newscrawl.profiles import Profile, load_profile

__all__ = ["Article", "DateCandidate", "RelatedCard", "extract_article"]


def extract_article(
    html: str | bytes,
    url: str,
    fetched_at: datetime,
    profile: Profile | None = None,
    *,
    with_htmldate: bool = True,
    resolutions: Resolutions | None = None,
) -> Article:
    """Extract one page into an Article (dates left as raw candidates for the date stage).

    Without `with_htmldate` htmldate's candidate is left out, for a caller that adds it when
    it can change the chosen date (`dated_article`). The dates resolved to find the shown
    ones are kept in `resolutions`, for the date stage to reuse.
    """
    profile = profile or load_profile("generic")
    doc = parse_html(html, url)
    ld = metadata.json_ld_article(doc)
    languages = list(profile.languages) or None
    title = metadata.headline(doc, profile, ld)
    head = headline_element(doc, title)
    chip, chip_element = source_line(doc, profile, head, languages)
    cards, rail_elements = related_cards(doc, profile, languages)
    zone = dates.HeaderZone.of(doc, head)
    article = Article(
        url=url,
        dateDownloaded=fetched_at.isoformat(),
        articleId=profile.article_id(url),
        canonicalUrl=metadata.canonical_url(doc),
        headline=title,
        authors=metadata.authors(doc, profile, ld, zone.header_lines()),
        inLanguage=metadata.language(doc, profile),
        publisher=chip.publisher if chip else None,
        related=cards,
        profile=profile.name,
    )
    objects = [*([ld] if ld else []), *(o for o in metadata.json_ld_objects(doc) if o is not ld)]
    article.date_candidates = dates.page_date_candidates(
        doc,
        html,
        fetched_at,
        objects,
        dates.HeaderZone.for_dates(doc, head, zone, title),
        chip.raw_date if chip else None,
        languages or ([article.inLanguage] if article.inLanguage else None),
        with_htmldate,
        resolutions,
    )
    header_text = zone.header_lines(dates.MAX_TEXT_LINES)
    article.publisher = publisher(doc, ld, article.publisher, header_text)
    article.date_order = dates.page_date_order(
        doc, [c.raw for c in article.date_candidates] + [c.datePublishedRaw or "" for c in cards]
    )
    markup_type = type_from_markup(doc)
    decided = strong_type(url, profile, markup_type)
    features = None if decided else with_kinds(doc, page_features(doc))  # before chrome removal
    protected = [head] if head is not None else []
    chips = [chip_element] if chip_element is not None and not in_table(chip_element) else []
    for element in [*rail_elements, *chips]:
        if not contains_any(element, protected):
            drop(element)
    prompts = signup_boxes(doc, protected)  # before chrome removal takes the forms
    prose = Prose(doc.root)  # running text, counted once: kept true as blocks leave the tree
    remove_chrome(doc, profile, protected, prose)
    extra = [title or "", chip.text if chip else "", *(c.headline for c in cards)]
    aside = [*link_blocks(doc, protected), *chrome_boxes(doc, protected), *deks(doc, head)]
    aside += [*toc_blocks(doc, protected), *prompts]
    with set_aside(aside, prose.detach):
        text = extract_text(doc.root, url, prose)
    lines = without_repeats(clean_lines(text, profile, extra))
    lines = without_repeated_passages(lines)
    body = "\n\n".join(closing_lines(lines))
    full = None if features is None else features + text_features(body, title)
    score = None if full is None else verdict(full)
    structure_type = None if score is None else score.page_type
    lean = score is not None and score.leans_article
    article.pageType = page_type(doc, profile, markup_type, body, structure_type, lean)
    article.is_article = article.pageType == "article"
    article.articleBody = body if article.is_article else None
    article.articleId = article.articleId or article.canonicalUrl
    return article
