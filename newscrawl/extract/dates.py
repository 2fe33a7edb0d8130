"""Date candidates of a page: machine-readable stamps, the visible date by the headline, the URL.

Extraction only collects candidates (`DateCandidate(raw, basis)`); `newscrawl.records` resolves
them against the fetch time and chooses one by the rule in docs/dates-choice.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.dates import Resolutions, find_date_span, resolve_known
from newscrawl.extract.document import BLOCK_TAGS, Document, squash, word_set
from newscrawl.extract.model import DateCandidate

#: Meta tags that state the publication date (name, property or itemprop), most trusted first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datePublished",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "published",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "date",
)
#: Meta tags that state when the page was last changed (corroborate a visible "Updated" date).
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_URL_NAMED_DATE = re.compile(
    rf"/((?:19|20)\d\d)/({'|'.join(_MONTH_NAMES)})/(0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)", re.I
)
#: Words that say a date is a modification ("Updated", "Mise à jour", "Actualizada", …).
_UPDATED_WORDS = (
    r"updated|modified|revised|edited|refreshed|aktualisiert|geändert|mise? à jour|modifiée?"
    r"|actualizad[oa]|actualización|aggiornat[oa]|aggiornamento|bijgewerkt|atualizad[oa]"
    r"|atualização|uppdaterad|opdateret|oppdatert|zaktualizowano|更新"
)
_UPDATED = re.compile(rf"\b(?:{_UPDATED_WORDS})\b", re.I)
#: Words that say a date is the publication ("Published", "Publié le", "Veröffentlicht am", …).
_PUBLISHED_WORDS = (
    r"published|posted|post time|publiée?|veröffentlicht|publicad[oa]|pubblicat[oa]"
    r"|gepubliceerd|publicerad|opublikowano"
)
#: Page parts that never hold the article's own date (rails, menus, footers).
_RAIL_TAGS = frozenset({"aside", "nav", "footer"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select"})
#: Class or id of a masthead's "today's date" widget (the day of the visit, not the article's).
_TODAY_WIDGET = re.compile(r"todays?[-_]?date|date[-_]?today", re.I)
#: Lines of text read before and after the headline when looking for the shown date.
LINES_BEFORE = 3
LINES_AFTER = 12
#: Most lines of article text a caller asks for after the byline zone (`header_lines`).
MAX_TEXT_LINES = 40
#: A line this long is article text: the header zone ends there.
MAX_HEADER_LINE = 160


def _text(value: Any) -> str | None:
    """A non-empty stripped string, else None."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def json_ld_dates(objects: Iterable[dict[str, Any]]) -> list[DateCandidate]:
    """datePublished (then dateCreated) and dateModified of JSON-LD objects, articles first."""
    found: list[DateCandidate] = []
    for item in objects:
        for key, basis in (
            ("datePublished", "jsonld"),
            ("dateCreated", "jsonld-created"),
            ("dateModified", "jsonld-modified"),
        ):
            if (raw := _text(item.get(key))) and not any(c.basis == basis for c in found):
                found.append(DateCandidate(raw, basis))
    return found


def meta_contents(doc: Document) -> dict[str, str]:
    """Lower-cased meta property/name/itemprop → the first non-blank content given for it."""
    found: dict[str, str] = {}
    for element in doc.root.iter("meta"):
        raw = _text(element.get("content"))
        if raw is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            if name := element.get(attribute):
                found.setdefault(name.strip().lower(), raw)
    return found


def meta_dates(doc: Document) -> list[DateCandidate]:
    """The first published-date meta tag, and the first modified-date one."""
    found = []
    contents = meta_contents(doc)
    for keys, basis in ((PUBLISHED_META, "meta"), (MODIFIED_META, "meta-modified")):
        raw = next((r for k in keys if (r := contents.get(k.lower()))), None)
        if raw:
            found.append(DateCandidate(raw, basis))
    return found


#: Elements with itemprop="datePublished", in document order (libxml2 finds them fast).
_DATE_PUBLISHED_PROP = etree.XPath("descendant-or-self::*/@itemprop[. = 'datePublished']/..")


def markup_dates(doc: Document) -> list[DateCandidate]:
    """itemprop=datePublished on any element, and the first <time datetime> in an article."""
    found = []
    for element in _DATE_PUBLISHED_PROP(doc.root):
        if isinstance(element, HtmlElement):
            raw = _text(element.get("datetime") or element.get("content") or element.text_content())
            if raw:
                found.append(DateCandidate(squash(raw), "itemprop"))
                break
    for css in ("article time[datetime]", "time[pubdate][datetime]"):
        raw = doc.first((f"{css}::attr(datetime)",))
        if raw:
            found.append(DateCandidate(raw, "time-element"))
            break
    return found


def url_date(url: str) -> DateCandidate | None:
    """A /YYYY/MM/DD/ (or /YYYY/october/DD/) date in the URL path."""
    path = url.split("?")[0]
    if match := _URL_DATE.search(path):
        year, month, day = (int(g) for g in match.groups())
    elif match := _URL_NAMED_DATE.search(path):
        year, day = int(match[1]), int(match[3])
        month = _MONTH_NAMES.index(match[2].lower()) + 1
    else:
        return None
    return DateCandidate(f"{year:04d}-{month:02d}-{day:02d}", "url")


def _lines(root: HtmlElement, head: HtmlElement | None) -> tuple[list[str], int]:
    """Rendered lines of the page and the index of the headline's first line (-1 if absent).

    The walk stops once it has every line `header_lines` can return (the rest is never read).
    """
    lines: list[str] = []
    current: list[str] = []
    head_at = -1
    head_path = [] if head is None else [head, *head.iterancestors()]

    def flush() -> None:
        line = squash("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def enough() -> bool:
        return head_at >= 0 and len(lines) >= head_at + 1 + LINES_AFTER + MAX_TEXT_LINES

    def walk(node: HtmlElement) -> None:
        nonlocal head_at
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS or enough():
            return
        if node.tag in _RAIL_TAGS and not any(a is node for a in head_path):
            return
        if today_widget(node):
            return
        block = node.tag in BLOCK_TAGS or node is head
        if block:
            flush()
        if node is head:
            head_at = len(lines)
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child)
            if enough():
                return
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return lines, head_at


def today_widget(node: HtmlElement) -> bool:
    """Whether an element is a masthead's "today's date" (its class or id says so)."""
    for name in (node.get("class"), node.get("id")):
        if name and "oday" in name and _TODAY_WIDGET.search(name):
            return True
    return False


@dataclass(frozen=True)
class HeaderZone:
    """The page's rendered lines and the headline's line index (-1: none), read once per page."""

    lines: list[str]
    head_at: int = -1

    @classmethod
    def for_dates(
        cls, doc: Document, head: HtmlElement | None, zone: HeaderZone, title: str | None = None
    ) -> Iterator[HeaderZone]:
        """`zone` when a headline element was found, then (read only when the zones before
        show no date) the zone of the page's first <h1>, else of the first <h2>/<h3> that
        shares most of its words with the title."""
        if head is not None:
            yield zone
        body = doc.root.find("body")
        if body is None:
            return
        first = body.find(".//h1")
        if first is None:
            first = title_like(body, title)
        if isinstance(first, HtmlElement) and first is not head:
            yield cls.of(doc, first)

    @classmethod
    def of(cls, doc: Document, head: HtmlElement | None) -> HeaderZone:
        """Render the page's body around `head` (before any cleaning changes the tree)."""
        body = doc.root.find("body")
        if body is None or head is None:
            return cls([])
        return cls(*_lines(body, head))

    def header_lines(self, text_lines: int = 0) -> list[str]:
        """Lines around the headline up to the article text (byline zone) + `text_lines` more
        (at most MAX_TEXT_LINES)."""
        return _header_lines(self.lines, self.head_at, min(text_lines, MAX_TEXT_LINES))


#: Share of the title's words a sub-heading must show to stand in for a missing headline.
TITLE_OVERLAP = 0.6


def title_like(body: HtmlElement, title: str | None) -> HtmlElement | None:
    """The first <h2>/<h3> showing most of the title's words (a restyled headline)."""
    wanted = word_set((title or "").casefold())
    if not wanted:
        return None
    for element in body.iter("h2", "h3"):
        shown = word_set(element.text_content().casefold())
        if len(wanted & shown) >= TITLE_OVERLAP * max(len(wanted), len(shown)):
            return element
    return None


def _header_lines(lines: list[str], at: int, text_lines: int) -> list[str]:
    """The byline zone of rendered `lines` whose headline is line `at`."""
    if at < 0:
        return []
    zone = lines[max(0, at - LINES_BEFORE) : at]
    for number, line in enumerate(lines[at + 1 : at + 1 + LINES_AFTER], start=at + 1):
        if len(line) > MAX_HEADER_LINE:
            return zone + lines[number : number + text_lines]
        zone.append(line)
    return zone + lines[at + 1 + LINES_AFTER : at + 1 + LINES_AFTER + text_lines]


def date_label(before: str) -> str:
    """'updated' when the words before a shown date say it is a modification date."""
    return "visible-updated" if _UPDATED.search(before[-40:]) else "visible"


def visible_dates(zone: HeaderZone, languages: Sequence[str] | None) -> Iterator[DateCandidate]:
    """Date texts shown in the headline's zone, in reading order, labelled updated or not."""
    previous = ""
    for line in zone.header_lines():
        span = find_date_span(line, languages)
        if span is not None:
            raw = line[span[0] : span[1]].strip()
            before = line[: span[0]]
            label = before if any(ch.isalpha() for ch in before) else previous + " " + before
            yield DateCandidate(raw, date_label(label))
        previous = line


_LABEL_WORD = re.compile(rf"\b(?:{_PUBLISHED_WORDS}|{_UPDATED_WORDS})\b", re.I)
#: A label right before a date ("Last updated: ", "Publié le ").
_LABELLED = re.compile(
    rf"\b(?:{_PUBLISHED_WORDS}|{_UPDATED_WORDS})\b\W*(?:on|am|le|el|il|em|op|den)?\W*$", re.I
)


def labelled_anywhere(doc: Document, languages: Sequence[str] | None) -> list[DateCandidate]:
    """The first short line anywhere in the body (rails and footers aside) whose date follows
    a "Published"/"Last updated" label (read only on pages without machine stamps; it votes
    least and ranks last, so it decides only when no shown date resolves)."""
    body = doc.root.find("body")
    if body is None:
        return []
    for line in _lines(body, None)[0]:
        if len(line) > MAX_HEADER_LINE or not _LABEL_WORD.search(line):
            continue  # the span finder is slow: only lines that carry a label are read
        span = find_date_span(line, languages)
        if span is not None and _LABELLED.search(line[: span[0]]):
            return [DateCandidate(line[span[0] : span[1]].strip(), LABELLED_BASIS)]
    return []


#: Basis of a labelled date outside the headline zone (`labelled_anywhere`).
LABELLED_BASIS = "labelled"
#: Basis of htmldate's candidate (a machine date: always YYYY-MM-DD).
HTMLDATE_BASIS = "htmldate"


def htmldate_candidate(html: str | bytes, url: str, fetched_at: datetime) -> DateCandidate | None:
    """htmldate's reading of the original publication date (fast mode), as a last resort."""
    from htmldate import find_date  # imported lazily: it pulls in lxml cleaners

    try:
        found = find_date(
            html,
            url=url,
            original_date=True,
            extensive_search=False,
            max_date=fetched_at.strftime("%Y-%m-%d"),
        )
    except Exception:  # htmldate raises on odd markup; the date is then just unknown
        return None
    return DateCandidate(found, HTMLDATE_BASIS) if found else None


_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)")
#: English-speaking regions that write month first.
MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"})


def page_locale(doc: Document) -> str:
    """The page's language tag: html@lang, html@xml:lang, og:locale, Content-Language."""
    for attribute in ("lang", "xml:lang", "{http://www.w3.org/XML/1998/namespace}lang"):
        if value := (doc.root.get(attribute) or "").strip():
            return value
    return (
        doc.first(
            (
                "meta[property='og:locale']::attr(content)",
                "meta[http-equiv='content-language']::attr(content)",
            )
        )
        or ""
    )


def page_date_order(doc: Document, texts: Iterable[str]) -> str | None:
    """DMY or MDY as the page shows it (see docs/dates-choice.md, "Date order")."""
    orders, separators = set(), set()
    for text in texts:
        for first, separator, second in _NUMERIC_DATE.findall(text):
            separators.add(separator)
            if int(first) > 12 >= int(second):
                orders.add("DMY")
            elif int(second) > 12 >= int(first):
                orders.add("MDY")
    if len(orders) == 1:
        return orders.pop()
    tag = page_locale(doc)
    parts = re.split(r"[-_]", tag.strip().lower())
    if len(parts) > 1 and parts[0] == "en" and re.fullmatch(r"[a-z]{2}", parts[1]):
        return "MDY" if parts[1] in MONTH_FIRST_REGIONS else "DMY"
    if separators and "/" not in separators:
        return "DMY"  # 03-06-2025 and 03.06.2025 are day-first wherever they are written
    return None


def first_shown(
    zones: Iterable[HeaderZone],
    languages: Sequence[str] | None,
    fetched_at: datetime,
    known: Resolutions | None = None,
) -> list[DateCandidate]:
    """The dates shown in the first zone that shows one the resolver reads as a date (not a
    bare duration such as a product's "3D"); see `HeaderZone.for_dates`. The resolutions
    made on the way are kept in `known` (for the date stage)."""
    for zone in zones:
        shown = [c for c in visible_dates(zone, languages) if shown_date(c.raw)]
        if any(readable(c.raw, fetched_at, languages, known) for c in shown):
            return shown
    return []


def readable(
    raw: str,
    fetched_at: datetime,
    languages: Sequence[str] | None,
    known: Resolutions | None = None,
) -> bool:
    """Whether the resolver reads `raw` as a date in either day order (a bare duration is
    none); the resolutions are kept in `known`."""
    for order in (None, "DMY"):
        value = resolve_known(raw, fetched_at, known, languages=languages, date_order=order)
        if value is not None:
            return value.basis != "bare-duration"
    return False


def shown_date(raw: str) -> bool:
    """Worth resolving: has a digit or several words ("now", "most" have neither)."""
    return any(ch.isdigit() for ch in raw) or len(raw.split()) > 1


def page_date_candidates(
    doc: Document,
    html: str | bytes,
    fetched_at: datetime,
    objects: Sequence[dict[str, Any]],
    zones: Iterable[HeaderZone],
    chip_date: str | None,
    languages: Sequence[str] | None,
    with_htmldate: bool = True,
    known: Resolutions | None = None,
) -> list[DateCandidate]:
    """Every date candidate of the page (see docs/dates-choice.md), htmldate's last (left out
    when not `with_htmldate`: the date stage may then ask for it only when it can matter).
    Resolutions made to find the shown dates are kept in `known`."""
    found = json_ld_dates(objects) + meta_dates(doc) + markup_dates(doc)
    if (from_url := url_date(doc.url)) is not None:
        found.append(from_url)
    shown = first_shown(zones, languages, fetched_at, known)
    if chip_date and shown_date(chip_date) and not any(c.raw == chip_date for c in shown):
        shown.insert(0, DateCandidate(chip_date, "visible"))
    found += shown if found else shown + labelled_anywhere(doc, languages)
    if with_htmldate and (guess := htmldate_candidate(html, doc.url, fetched_at)) is not None:
        found.append(guess)
    return found
