"""The headline: title candidates from the page, chosen by agreement (rule: docs/headline.md).

>>> from newscrawl.extract.document import parse_html
>>> page = parse_html(
...     "<html><head><title>Rain returns | Weekly Bugle</title>"
...     "<meta property='og:site_name' content='Weekly Bugle'></head>"
...     "<body><h1>Weekly Bugle</h1><h1>Rain returns</h1></body></html>", "https://bugle.example/a"
... )
>>> choose_headline(page, None)
'Rain returns'
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.extract.document import BLOCK_TAGS, Document, squash, word_set

#: Separators between a headline and the site's name in <title>/og:title.
SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " ~ ", " / ")
#: Separators that also occur inside headlines ("Topic: Headline"): a cut there must be
#: confirmed by a heading or by a known site name on the other side.
WEAK_SEPARATORS = (": ", " : ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‚": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
    }
)
#: Typographic quotes and apostrophes and their straight forms.
_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8}\d?);", re.I)
#: UTF-8 bytes read as Latin-1 ("â\x80\x99" for "’"): a lead byte, then continuation bytes.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.I)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_CHROME_ANCESTORS = frozenset({"header", "nav", "footer", "aside"})
#: Elements inside a heading that the page shows on a line (or as a chip) of their own.
_LINE_TAGS = BLOCK_TAGS | {"time", "br", "hr"}
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})
MAX_HEADLINE_CHARS = 300
#: A heading's leading label ("Blog: Headline", "News | Headline") has at most this many words.
MAX_LABEL_WORDS = 2
#: An h1 sharing fewer words than this with the stated title is page chrome, not the headline.
MIN_H1_OVERLAP = 0.2
META_SOURCES = (
    ("og", ("meta[property='og:title']::attr(content)", "meta[name='og:title']::attr(content)")),
    (
        "twitter",
        (
            "meta[name='twitter:title']::attr(content)",
            "meta[property='twitter:title']::attr(content)",
        ),
    ),
    ("title", ("title::text",)),
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One title the page states, where it came from, and its comparison key."""

    text: str
    source: str  # "h1", "og", "twitter", "jsonld", "title", "heading"
    lines: tuple[str, ...] = ()  # a heading's lines, when it shows more than one
    rest: str = ""  # a heading's text after a label that opens it

    @property
    def key(self) -> str:
        """Comparison form: case-folded, quotes and dashes unified, edge punctuation dropped."""
        return fold(self.text)


def clean(text: str | None) -> str:
    """Display form: entities decoded, NFKC, zero-width characters gone, whitespace collapsed."""
    if not text:
        return ""
    if _ENTITY.search(text):
        text = html.unescape(text)
    if _MOJIBAKE.search(text):
        text = _MOJIBAKE.sub(unmangled, text)
    return squash(unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH))


def unmangled(match: re.Match[str]) -> str:
    """One character's UTF-8 bytes read as Latin-1 ("â\x80\x99"), read back as UTF-8."""
    try:
        return match[0].encode("latin-1").decode("utf-8")
    except UnicodeError:
        return match[0]


def fold(text: str) -> str:
    """Comparison key of a title."""
    folded = clean(text).translate(_FOLD).casefold()
    return squash(folded).strip(" .!?:;,-|*\"'")


@lru_cache(maxsize=256)  # a page asks again and again about the same few names
def compact(text: str) -> str:
    """Letters and digits only, case-folded ("Move.org" and "move org" compare equal)."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def host_label(url: str) -> str:
    """The site's own label of a host: 'www.news.bugle.co.uk' → 'bugle'."""
    labels = [p for p in (urlsplit(url).hostname or "").split(".") if p]
    if len(labels) > 1:
        labels.pop()  # top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else ""


def site_names(
    doc: Document, ld: dict[str, Any] | None, objects: Iterable[dict[str, Any]]
) -> list[str]:
    """Names the site goes by: og:site_name, application-name, JSON-LD publisher/WebSite."""
    names = [
        doc.first((f"meta[{attr}='{key}']::attr(content)",))
        for attr, key in (
            ("property", "og:site_name"),
            ("name", "application-name"),
            ("name", "apple-mobile-web-app-title"),
            ("name", "og:site_name"),
        )
    ]
    publisher = (ld or {}).get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.append(publisher["name"])
    for item in objects:
        if item.get("@type") in ("WebSite", "Organization") and isinstance(item.get("name"), str):
            names.append(item["name"])
    titles = {fold(m.text) for m in meta_candidates(doc, ld)}
    return [clean(n) for n in names if n and clean(n) and fold(n) not in titles]


@lru_cache(maxsize=256)
def initials(text: str) -> str:
    """First letters of the words of a name ("World Future Awards" → "wfa")."""
    return "".join(word[0] for word in fold(text).split() if word[0].isalnum())


def is_site_name(segment: str, sites: list[str], host: str) -> bool:
    """Whether a title segment names the site (its name, a prefix of it, initials, host)."""
    key = compact(segment)
    if not key:
        return True
    for site in map(compact, sites):
        short, long = sorted((key, site), key=len)
        if len(short) >= 4 and long.startswith(short):
            return True
    if any(len(key) >= 2 and key == initials(site) for site in sites if len(site.split()) > 1):
        return True
    if len(host) < 4:
        return False
    return (host in key and len(key) <= len(host) + 12) or (len(key) >= 4 and key in host)


def split_points(title: str, weak: bool) -> Iterator[tuple[str, str]]:
    """Every (left, right) split of a title at a separator, or after a leading domain name
    ("bugle.com Headline")."""
    words = title.split(" ", 2)
    if len(words) > 1 and _DOMAIN.fullmatch(words[0]) and words[1][:1].isalnum():
        yield words[0], title[len(words[0]) + 1 :]
    for sep in SEPARATORS + (WEAK_SEPARATORS if weak else ()):
        start = 0
        while (at := title.find(sep, start)) >= 0:
            yield title[:at].strip(), title[at + len(sep) :].strip()
            start = at + 1


def variants(title: str) -> list[str]:
    """The title and every part of it left by cutting at one separator (for agreement)."""
    found = [title]
    for left, right in split_points(title, weak=True):
        found += [p for p in (left, right) if p and p not in found]
    return found


def strip_site(title: str, is_site: Callable[[str], bool]) -> str:
    """Drop leading/trailing segments that name the site ("Headline | Site" → "Headline")."""
    changed = True
    while changed:
        changed = False
        for left, right in split_points(title, weak=True):
            if left and right and is_site(right) and not is_site(left):
                title, changed = left, True
                break
            if left and right and is_site(left) and not is_site(right):
                title, changed = right, True
                break
    return title


def _in_chrome(element: HtmlElement) -> bool:
    """Whether an element sits in the page's header, navigation, footer or aside."""
    return any(
        isinstance(a.tag, str) and (a.tag in _CHROME_ANCESTORS or a.get("role") == "banner")
        for a in element.iterancestors()
    )


def permalink(element: HtmlElement) -> bool:
    """A heading's own anchor link shown as a symbol ("¶", "#", "§")."""
    href = element.get("href") or ""
    return element.tag == "a" and href.startswith("#") and not _has_word(element.text_content())


def left_out(element: HtmlElement) -> bool:
    """Whether a heading's child shows no text of the headline (script, permalink)."""
    return element.tag in _SKIPPED_TAGS or permalink(element)


def _has_word(text: str) -> bool:
    """Whether the text holds a letter or a digit."""
    return any(ch.isalnum() for ch in text)


def unlabelled_heading(heading: HtmlElement) -> str:
    """The heading's text after a short label element that opens it ("<span>News</span>
    Headline" → "Headline"), or "" when it has none."""
    chip = next(iter(heading), None)
    if chip is None or not isinstance(chip.tag, str) or _has_word(heading.text or ""):
        return ""
    if not 0 < len(chip.text_content().split()) <= MAX_LABEL_WORDS:
        return ""
    rest = clean(" ".join(heading_lines(heading, chip)))
    return rest if rest[:1].isalnum() else ""


def heading_lines(element: HtmlElement, skip: HtmlElement | None = None) -> list[str]:
    """A heading's text split where the page breaks the line: at block children, `<br>`,
    `<time>`, and where an inline child's text is glued on a capital ("NotesTop tools");
    the `skip` child is left out."""
    lines: list[list[str]] = [[]]

    def add(text: str | None) -> None:
        if not text:
            return
        last = lines[-1][-1] if lines[-1] else ""
        if last[-1:].islower() and text[:1].isupper():
            lines.append([])
        lines[-1].append(text)

    def walk(node: HtmlElement) -> None:
        for child in node:
            if child is skip or not isinstance(child.tag, str) or left_out(child):
                add(child.tail)
                continue
            breaks = child.tag in _LINE_TAGS
            if breaks:
                lines.append([])
            add(child.text)
            walk(child)
            if breaks:
                lines.append([])
            add(child.tail)

    add(element.text)
    walk(element)
    return [text for line in lines if (text := squash("".join(line)))]


def heading_candidates(doc: Document, tags: tuple[str, ...]) -> list[Candidate]:
    """Visible headings of the given tags in document order (chrome ones last)."""
    body = doc.root.find("body")
    if body is None:
        return []
    inside: list[Candidate] = []
    outside: list[Candidate] = []
    for element in body.iter(*tags):
        lines = tuple(filter(None, map(clean, heading_lines(element))))
        text = " ".join(lines)
        if text and len(text) <= MAX_HEADLINE_CHARS:
            source = "h1" if element.tag == "h1" else "heading"
            multiple = lines if len(lines) > 1 else ()
            candidate = Candidate(text, source, multiple, unlabelled_heading(element))
            (outside if _in_chrome(element) else inside).append(candidate)
    return inside + outside


def meta_candidates(doc: Document, ld: dict[str, Any] | None) -> list[Candidate]:
    """Titles stated for machines: og:title, twitter:title, JSON-LD headline/name, <title>."""
    found = []
    for source, selectors in META_SOURCES[:2]:
        if text := clean(doc.first(selectors)):
            found.append(Candidate(text, source))
    for key in ("headline", "name"):
        value = (ld or {}).get(key)
        if isinstance(value, str) and (text := clean(value)):
            found.append(Candidate(text, "jsonld"))
            break
    if text := clean(doc.first(META_SOURCES[2][1])):
        found.append(Candidate(text, "title"))
    return found


def host_labels(doc: Document) -> list[str]:
    """Host names of the page URL and of its canonical/og:url (the page may be a mirror)."""
    urls = [
        doc.url,
        doc.first(("link[rel='canonical']::attr(href)", "meta[property='og:url']::attr(content)"))
        or "",
    ]
    return [label for url in urls if (label := host_label(doc.absolute(url)))]


def word_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the word sets of two titles."""
    left, right = word_set(fold(a)), word_set(fold(b))
    return len(left & right) / len(left | right) if left | right else 0.0


def unlabelled(text: str, stated: set[str]) -> list[str]:
    """The heading without a short leading label ("Blog: Headline") when the rest is stated."""
    return [
        right
        for left, right in split_points(text, weak=True)
        if len(left.split()) <= MAX_LABEL_WORDS and fold(right) in stated
    ]


def readings(heading: Candidate, stated: set[str]) -> list[str]:
    """What a heading may be read as: its whole text, each line (longest first) that is no
    short label unless stated whole ("Opinion" of a masthead), its text after an opening label
    element or a short label cut off at a separator."""
    lines = [
        line
        for line in sorted(heading.lines, key=len, reverse=True)
        if len(line.split()) > MAX_LABEL_WORDS or fold(line) in stated
    ]
    return [heading.text, *lines, heading.rest, *unlabelled(heading.text, stated)]


def rewords(h1: Candidate, stated: str) -> bool:
    """Whether a single-line h1 shares enough words with the stated title to be its reader's
    form (an h1 of several lines that agrees with nothing is a title card, not the headline)."""
    shouting = h1.text.upper() == h1.text != h1.text.lower()
    return not h1.lines and not shouting and word_overlap(h1.text, stated) >= MIN_H1_OVERLAP


def choose_headline(
    doc: Document, ld: dict[str, Any] | None, objects: Iterable[dict[str, Any]] = ()
) -> str | None:
    """The article's headline by the rule of docs/headline.md."""
    metas = meta_candidates(doc, ld)
    sites = site_names(doc, ld, objects)
    hosts = host_labels(doc)

    known: dict[str, bool] = {}

    def site(text: str) -> bool:
        if (answer := known.get(text)) is None:
            answer = known[text] = any(is_site_name(text, sites, h) for h in hosts or [""])
        return answer

    def strip(text: str) -> str:
        return strip_site(text, site)

    full_keys = {m.key for m in metas} | {fold(strip(m.text)) for m in metas}
    part_keys = {fold(v) for m in metas for v in variants(m.text) if not site(v)}
    h1_candidates = heading_candidates(doc, ("h1",))
    for tags, keys in ((("h1",), part_keys), (("h2", "h3"), full_keys)):
        for candidate in h1_candidates if tags == ("h1",) else heading_candidates(doc, tags):
            for text in readings(candidate, full_keys):
                if fold(text) in keys and not site(text):
                    return finish(strip(text), metas)
    stated = [strip(m.text) for m in metas]
    stated = [text for text in stated if fold(text) and not site(text)]
    h1s = [c for c in h1_candidates if not site(c.text)]
    if h1s and (not stated or rewords(h1s[0], stated[0])):
        return finish(strip(h1s[0].text), metas)
    return finish(stated[0], metas) if stated else None


def finish(text: str, metas: list[Candidate]) -> str:
    """Display form: no markdown marks; the stated form for an all-caps or all-lower heading
    or for one whose typographic quotes the stated title writes straight."""
    text = _MARKDOWN_HEADING.sub("", text)
    head, bar, _ = text.partition(" | ")
    text = head if bar and len(head.split()) > MAX_LABEL_WORDS else text
    key = fold(text)
    straight = text.translate(_STRAIGHT_QUOTES)
    cased = text.upper() == text or text.lower() == text
    for variant in (v for m in metas for v in variants(m.text)):
        if cased and fold(variant) == key:
            return variant
        if straight != text and variant == straight:
            return variant
    return text
