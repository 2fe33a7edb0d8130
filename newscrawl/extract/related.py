"""Related-article cards as structured links (headline, url, source, date, summary)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement
from parsel import Selector

from newscrawl.extract.attribution import plausible_name, split_chip
from newscrawl.extract.document import (
    Document,
    phrase_elements,
    rendered_lines,
    squash,
    text_of,
)
from newscrawl.extract.model import RelatedCard
from newscrawl.profiles import Profile, normalise_phrase

MIN_SUMMARY_WORDS = 8
HEADLINE_TAGS = ("h2", "h3", "h4", "h5")


def card_link(card: HtmlElement, doc: Document) -> str | None:
    """The card's target URL (first http(s) link that is not the page itself)."""
    for anchor in card.iter("a"):
        href = anchor.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = doc.absolute(href)
        if url.startswith(("http://", "https://")) and url.split("#")[0] != doc.url:
            return url
    return None


def card_headline(card: HtmlElement, profile: Profile) -> str | None:
    """Headline of a card: profile selectors, a heading tag, the link text, or an image alt."""
    view = Selector(root=card, type="html")
    for css in profile.related.get("card_headline", ()):
        if text := squash(" ".join(view.css(css)[:1].css("::text").getall())):
            return text
    for tag in HEADLINE_TAGS:
        for heading in card.iter(tag):
            if text := text_of(heading):
                return text
    for anchor in card.iter("a"):
        if text := text_of(anchor):
            return text
        for image in anchor.iter("img"):
            if alt := squash(image.get("alt")):
                return alt
    return None


def parse_card(
    card: HtmlElement, doc: Document, profile: Profile, languages: Sequence[str] | None
) -> RelatedCard | None:
    """Read one card; None when it has no link or headline."""
    url = card_link(card, doc)
    title = card_headline(card, profile)
    if not url or not title:
        return None
    lines = [
        line for line in rendered_lines(card) if normalise_phrase(line) != normalise_phrase(title)
    ]
    result = RelatedCard(headline=title, url=url)
    for index, line in enumerate(lines):
        chip = split_chip(line, languages) if len(line) <= 100 else None
        if chip:
            result.datePublishedRaw = chip.raw_date
            result.publisher = chip.publisher or nearby_name(lines, index)
            break
    if result.publisher is None:
        result.publisher = nearby_name(lines, len(lines))
    summaries = [x for x in lines if len(x.split()) >= MIN_SUMMARY_WORDS]
    result.description = max(summaries, key=len) if summaries else None
    return result


def nearby_name(lines: list[str], index: int) -> str | None:
    """The closest short, name-like line before `index` (then after it)."""
    order = list(range(index - 1, -1, -1)) + list(range(index + 1, len(lines)))
    for i in order:
        line = lines[i].lstrip("•·- ")
        if plausible_name(line) and len(line.split()) <= 5 and not any(ch.isdigit() for ch in line):
            return line
    return None


def opens_with(container: HtmlElement, heading: HtmlElement) -> bool:
    """Whether the container's text begins with the heading's text."""
    return normalise_phrase(text_of(container)).startswith(normalise_phrase(text_of(heading)))


def rail_container(heading: HtmlElement, page_url: str, doc: Document) -> HtmlElement | None:
    """Smallest ancestor of a rail heading with two links to other pages, opened by the heading.

    A heading in the middle of its container ("Related" inside a story) opens no rail.
    """
    for ancestor in heading.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        targets = {card_link(a, doc) for a in ancestor.iter("a") if a.get("href")}
        targets.discard(None)
        if len(targets) >= 2:
            return ancestor if opens_with(ancestor, heading) else None
    return None


def cards_in(container: HtmlElement, doc: Document) -> list[HtmlElement]:
    """One element per distinct link target inside a rail container."""
    cards: list[HtmlElement] = []
    for anchor in container.iter("a"):
        target = card_link(anchor, doc)
        if target is None:
            continue
        node = anchor
        while (parent := node.getparent()) is not None and parent is not container:
            targets = {card_link(a, doc) for a in parent.iter("a")} - {None}
            if len(targets) > 1:
                break
            node = parent
        if node not in cards and not any(node in c.iterancestors() for c in cards):
            cards.append(node)
    return cards


def rail_cards(doc: Document, profile: Profile) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """Card elements and rail containers: profile selectors first, else heading-anchored."""
    cards = doc.elements(profile.related.get("card", ()))
    if cards:
        return cards, []
    headings = frozenset(normalise_phrase(h) for h in profile.related.get("heading", ()))
    containers: list[HtmlElement] = []
    for element, _text in phrase_elements(doc.root, headings, 60):
        if not len(element.findall(".//a")):
            container = rail_container(element, doc.url, doc)
            if container is not None and container not in containers:
                containers.append(container)
    for container in containers:
        cards.extend(c for c in cards_in(container, doc) if c not in cards)
    return cards, containers


def related_cards(
    doc: Document, profile: Profile, languages: Sequence[str] | None
) -> tuple[list[RelatedCard], list[HtmlElement]]:
    """Structured related cards plus the elements that held them (chrome to remove)."""
    elements, containers = rail_cards(doc, profile)
    parsed: list[RelatedCard] = []
    seen: set[str] = set()
    for element in elements:
        card = parse_card(element, doc, profile, languages)
        if card and card.url not in seen:
            seen.add(card.url)
            parsed.append(card)
    return parsed, containers or elements
