"""Is this page an article, or a listing, product, forum or documentation page?

Strong evidence decides first (the profile's URL rules, JSON-LD @type, og:type, URL shape);
without any, a page is an article when its extracted body holds running text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.extract.document import Document, text_of
from newscrawl.extract.pitch import pitch_features
from newscrawl.extract.score import MANY_CARDS, type_from_features
from newscrawl.profiles import Profile

#: A body paragraph this long is running text.
PARAGRAPH_WORDS = 30
#: A body this long is an article even without long paragraphs.
MIN_ARTICLE_WORDS = 150
CHARS_PER_WORD = 4
#: Link text this long reads like a headline; a card has this many more words of summary …
TEASER_WORDS = 4
SUMMARY_WORDS = 12
CARD_DEPTH = 6
#: … and this many cards holding at least this share of the body's words make a listing.
LISTING_TEASERS = 4
LISTING_SHARE = 0.8

#: Schema.org article types that decide a page is an article. `TechArticle` (how-tos,
#: procedures, specifications) is left to the structural score: doc sites mark pages up with it.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
        "ScholarlyArticle",
        "Report",
        "SatiricalArticle",
    }
)
#: JSON-LD types that make a page something other than an article, with the page type.
OTHER_TYPES: dict[str, str] = {
    "DiscussionForumPosting": "forum",
    "QAPage": "forum",
    "Product": "product",
    "ProductGroup": "product",
    "Offer": "product",
    "SoftwareApplication": "product",
    "CollectionPage": "collection",
    "SearchResultsPage": "listing",
    "ProfilePage": "listing",
}
#: Types whose price is an `Offer` (a course fee, a ticket): their `Offer` is no product.
OFFERED = frozenset(
    {"Course", "CourseInstance", "Event", "Service", "EducationalOccupationalProgram"}
)
#: Microdata types that make a page something other than an article.
MICRODATA_TYPES: dict[str, str] = {
    "DiscussionForumPosting": "forum",
    "QAPage": "forum",
    "Product": "product",
    "Offer": "product",
    "SomeProducts": "product",
}
SCHEMA_NAME = re.compile(r"schema\.org/(\w+)", re.I)
#: Types that outrank an article type on the same page (a forum thread marked as Article).
FORUM_TYPES = frozenset({"DiscussionForumPosting", "QAPage"})
OTHER_OG_TYPES: dict[str, str] = {
    "product": "product",
    "product.group": "collection",
    "product.item": "product",
    "profile": "listing",
}
OTHER_HOSTS = re.compile(
    r"^(?:(?P<documentation>docs?|wiki)|(?P<forum>forums?|discuss(?:ion)?|bbs|community)"
    r")\.|(?P<rtd>\.readthedocs\.io)$"
)
OTHER_PATHS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "forum",
        re.compile(
            r"/(?:t/[^/]+/\d+|t/\d+/|topic/\d+|discussions?/(?:topic/|\d+/)|d/\d+-|viewtopic"
            r"|showthread|showtopic|threads?/|forums?/|questions/\d+/|r/[^/]+/comments/)",
            re.I,
        ),
    ),
    ("product", re.compile(r"/(?:dp|products?|shop|cart)/", re.I)),
    ("collection", re.compile(r"/(?:collections|category|categories|tags?|browse)/", re.I)),
    ("documentation", re.compile(r"/(?:docs?|documentation|api|reference)/", re.I)),
    ("listing", re.compile(r"/(?:news|blog|articles|press|events)/?$", re.I)),
)


def ld_types(doc: Document) -> set[str]:
    """Every schema.org @type named in the page's JSON-LD blocks."""
    found: set[str] = set()
    for script in doc.root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        found.update(_types(data))
    return found


def _types(data: Any) -> Iterator[str]:
    """@type values anywhere in a JSON-LD structure."""
    if isinstance(data, dict):
        kind = data.get("@type")
        if isinstance(kind, str):
            yield kind
        elif isinstance(kind, list):
            yield from (k for k in kind if isinstance(k, str))
        for value in data.values():
            yield from _types(value)
    elif isinstance(data, list):
        for value in data:
            yield from _types(value)


def type_from_url(url: str) -> str | None:
    """A non-article page type from the URL's host or path shape, or None."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if match := OTHER_HOSTS.search(host):
        kind = match.lastgroup or "documentation"
        return "documentation" if kind == "rtd" else kind
    for kind, pattern in OTHER_PATHS:
        if pattern.search(parts.path):
            return kind
    return None


def microdata_types(doc: Document) -> set[str]:
    """Every schema.org type named in the page's microdata `itemtype` attributes."""
    found: set[str] = set()
    for el in doc.root.xpath("descendant-or-self::*[@itemtype]"):
        found.update(SCHEMA_NAME.findall(el.get("itemtype", "")))
    return found


#: `<meta name="generator">` of wiki engines and book and reference-doc generators: their pages
#: are documentation even when marked up as `Article` (Wikipedia). Generators that also build
#: blogs (MkDocs, Docusaurus, Hugo, VitePress, Quarto, …) are left to the other evidence.
DOC_GENERATOR = re.compile(
    r"^(?:mediawiki|dokuwiki|pmwiki|moinmoin|tiddlywiki|xwiki|confluence|bookstack|wiki\.js"
    r"|bookdown|gitbook|mdbook|rustdoc|docutils|sphinx|doxygen|javadoc|jsdoc|typedoc|pkgdown"
    r"|starlight|antora)\b",
    re.I,
)


def doc_generator(doc: Document) -> bool:
    """Whether a `<meta name="generator">` names a wiki engine or a documentation generator."""
    return any(
        DOC_GENERATOR.match((meta.get("content") or "").strip())
        for meta in doc.root.iterfind("head/meta[@name='generator']")
    )


def type_from_markup(doc: Document) -> str | None:
    """'article' or another page type from the generator, JSON-LD @type, og:type, microdata."""
    if doc_generator(doc):
        return "documentation"
    types = ld_types(doc)
    if types & ARTICLE_TYPES and not types & FORUM_TYPES:
        return "article"
    if types & OFFERED:
        types = types - {"Offer"}
    for name in sorted(types & OTHER_TYPES.keys()):
        return OTHER_TYPES[name]
    og_type = (doc.first(("meta[property='og:type']::attr(content)",)) or "").lower()
    return OTHER_OG_TYPES.get(og_type) or type_from_microdata(microdata_types(doc))


def type_from_microdata(types: set[str]) -> str | None:
    """A non-article type from microdata, unless it also marks an article up (not a forum).

    News sites mark subscription offers up as `Product` inside a `NewsArticle`.
    """
    if types & ARTICLE_TYPES and not types & FORUM_TYPES:
        return None
    for name in sorted(types & MICRODATA_TYPES.keys()):
        return MICRODATA_TYPES[name]
    return None


def size(text: str) -> int:
    """Length in words; unspaced scripts (Chinese, Japanese, Thai) count one word per 4 chars."""
    return max(len(text.split()), len(text) // CHARS_PER_WORD)


def has_running_text(body: str) -> bool:
    """Whether the extracted body reads like an article (a long paragraph, or many words).

    >>> has_running_text("短い。" * 60), has_running_text("Home News Sport")
    (True, False)
    """
    if size(body) >= MIN_ARTICLE_WORDS:
        return True
    return any(size(p) >= PARAGRAPH_WORDS for p in body.splitlines())


def summary_cards(doc: Document) -> list[str]:
    """Summaries of teaser cards: blocks with one headline link to another page plus text."""
    summaries: list[str] = []
    seen: set[HtmlElement] = set()  # keeps the proxies alive, so identity is stable
    for anchor in doc.root.iter("a"):
        href = anchor.get("href")
        if not href or len(text_of(anchor).split()) < TEASER_WORDS:
            continue
        card = anchor
        for parent in list(anchor.iterancestors())[:CARD_DEPTH]:
            if len({a.get("href") for a in parent.iter("a") if a.get("href")}) > 1:
                break
            card = parent
        if card in seen:
            continue
        seen.add(card)
        rest = len(text_of(card).split()) - len(text_of(anchor).split())
        if rest >= SUMMARY_WORDS:
            summaries.append(text_of(card))
    return summaries


def is_listing(doc: Document, body: str) -> bool:
    """Whether the body is mostly teaser-card summaries (a listing of other pages)."""
    cards = summary_cards(doc)
    if len(cards) < LISTING_TEASERS:
        return False
    card_words = sum(len(c.split()) for c in cards)
    return card_words >= LISTING_SHARE * max(len(body.split()), 1)


#: `<title>`s of bot-check and challenge pages (Cloudflare, Anubis, DDoS-Guard, …), whole.
CHALLENGE_TITLE = re.compile(
    r"^(?:just a moment|attention required|making sure you[’']?re not a bot|checking your browser"
    r"|verifying you are (?:a )?human|are you a robot|human verification|one more step"
    r"|access denied|ddos-guard|pardon our interruption)\W*(?:\|\s*cloudflare\W*)?$",
    re.I,
)
#: A challenge page is short: its extracted text has fewer words than this.
CHALLENGE_WORDS = 500


def is_challenge(doc: Document, body: str) -> bool:
    """Whether the page is a bot check standing in for the page asked for (never an article).

    >>> from newscrawl.extract.document import parse_html
    >>> page = parse_html("<title>Just a moment...</title><p>Checking</p>", "https://x.org/a")
    >>> is_challenge(page, "Checking"), is_challenge(page, "word " * 600)
    (True, False)
    """
    title = doc.root.findtext("head/title") or ""
    return CHALLENGE_TITLE.match(" ".join(title.split())) is not None and (
        size(body) < CHALLENGE_WORDS
    )


def strong_type(url: str, profile: Profile, by_markup: str | None) -> str | None:
    """The type that strong evidence decides: the profile's URL rules, markup, URL shape.

    A documentation URL (`docs.` host, `/docs/` path) outranks markup: doc sites mark their
    pages up as `TechArticle` or `Article`.
    """
    by_url = type_from_url(url)
    if by_url == "documentation":
        return profile.classify_url(url) or by_url
    return profile.classify_url(url) or by_markup or by_url


def page_type(
    doc: Document,
    profile: Profile,
    by_markup: str | None,
    body: str,
    by_structure: str | None = None,
    leans_article: bool = False,
) -> str:
    """'article', or the kind of non-article page: profile URL rules, markup, URL, text.

    `by_markup` and `by_structure` are `type_from_markup` and `type_from_structure` of the
    page before chrome removal (scripts, forms and navigation are chrome); `leans_article`
    (the structural score favours an article by OTHER_MARGIN) overrules the teaser-card rule.

    >>> from newscrawl.profiles import load_profile
    >>> from newscrawl.extract.document import parse_html
    >>> forum = parse_html("<p>hi</p>", "https://forum.example.org/t/help/12")
    >>> page_type(forum, load_profile(), None, "word " * 300)
    'forum'
    >>> story = parse_html("<p>hi</p>", "https://example.org/2026/story")
    >>> page_type(story, load_profile(), None, "word " * 300)
    'article'
    """
    if is_challenge(doc, body):
        return "challenge"
    strong = strong_type(doc.url, profile, by_markup)
    if strong:
        return strong
    if not leans_article and is_listing(doc, body):
        return "listing"
    if by_structure:
        return by_structure
    return "article" if has_running_text(body) else "listing"


#: Signs of a product page: schema.org price markup, cart buttons and forms, prices.
CART_TEXT = re.compile(
    r"^(?:add to (?:cart|bag|basket|trolley)|buy (?:it )?now|in den warenkorb|ajouter au panier"
    r"|añadir al carrito|aggiungi al carrello|in winkelwagen)\b",
    re.I,
)
CART_ATTR = re.compile(r"add[-_]?to[-_]?(?:cart|bag|basket)|product[-_]?price|/cart", re.I)
PRICE = re.compile(r"(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|USD|GBP|kr|zł))(?!\w)")
#: Where a currency amount may be: PRICE is only run within WINDOW characters of these.
CURRENCY = re.compile(r"[$€£¥₹]|EUR|USD|GBP|kr|zł")
WINDOW = 100
#: Signs of a forum thread: post and user-info blocks.
FORUM_ATTR = re.compile(
    r"\b(?:post[-_]?(?:body|content|author|user|message)|message[-_]?(?:body|content)"
    r"|username|user[-_]?info|postbit|topic[-_]?post|comment[-_]?author|reply[-_]?count)\b",
    re.I,
)
#: Signs of documentation: edit links, tables of contents, code blocks.
DOCS_TEXT = re.compile(
    r"^(?:edit (?:this|on github|page)|edit this page.*|on this page|table of contents"
    r"|was this (?:page|article) helpful\??|next|previous)$",
    re.I,
)
#: "Edit this page" links to the page's source on GitHub or GitLab (documentation sites).
EDIT_HREF = re.compile(r"github\.com/.+/(?:edit|blob)/|gitlab\.com/.+/-/(?:edit|blob)/", re.I)
#: Signs of a service or landing page: calls to action and sign-up/contact forms.
CTA_TEXT = re.compile(
    r"^(?:book a (?:demo|call|consultation)|request a (?:demo|quote)|get (?:a )?(?:quote|started"
    r"|in touch|free quote)|contact us|free (?:trial|consultation)|schedule a (?:call|demo)"
    r"|start (?:free )?trial|sign up (?:for )?free|call (?:us )?now)\b",
    re.I,
)
#: Signs of an article (besides publication meta and <time>): byline blocks, a comment section.
BYLINE_ATTR = re.compile(r"\b(?:byline|author|post[-_]?meta|entry[-_]?meta|dateline)\b", re.I)
#: Whole words only, unlike `names.COMMENT_WORDS` (which also reads "discussion", "disqus"):
#: merging the two would change page types.
COMMENTS_ATTR = re.compile(r"\b(?:comments?|comment-list|respond)\b", re.I)
#: Button and link labels longer than this are not calls to action.
SHORT = 40


def attribute_signs(attrs: str) -> tuple[bool, bool, bool, bool]:
    """Whether class-and-id text names a cart, a forum post part, a byline, a comment section."""
    return (
        CART_ATTR.search(attrs) is not None,
        FORUM_ATTR.search(attrs) is not None,
        BYLINE_ATTR.search(attrs) is not None,
        COMMENTS_ATTR.search(attrs) is not None,
    )


def page_features(doc: Document) -> Counter[str]:
    """Counts of structural signs of each page type, from one pass over the tree."""
    f: Counter[str] = Counter()
    signs: dict[str, tuple[bool, bool, bool, bool]] = {}  # class and id strings repeat on a page
    cards = 0
    for el in doc.root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if len(el) >= MANY_CARDS:
            cards = max(cards, card_run(el))
        attrs = f"{el.get('class', '')} {el.get('id', '')}"  # names.names, inline: a hot loop
        if (found := signs.get(attrs)) is None:
            found = signs[attrs] = attribute_signs(attrs)
        cart, forum, byline, comments = found
        prop = el.get("itemprop", "")
        if prop in ("price", "offers", "priceCurrency", "lowPrice"):
            f["price_md"] += 1
        elif prop == "datePublished":
            f["art_meta"] += 1
        if tag in ("button", "a", "input", "span"):
            label = (el.get("value") if tag == "input" else None) or (
                text_of(el) if len(el) < 4 else ""
            )
            if label and len(label) <= SHORT:
                if CART_TEXT.match(label):
                    f["cart"] += 1
                if DOCS_TEXT.match(label):
                    f["docs_text"] += 1
                if CTA_TEXT.match(label):
                    f["cta"] += 1
        if cart or CART_ATTR.search(el.get("action", "")):
            f["cart"] += 1
        if forum:
            f["forum_attr"] += 1
        if byline or el.get("rel") == "author":
            f["byline"] += 1
        if comments:
            f["comments"] += 1
        if tag == "a":
            href = el.get("href", "")
            f["edit_link"] += EDIT_HREF.search(href) is not None
            f["phone_links"] += href.startswith("tel:")
        elif tag == "code":
            f["inline_code"] += 1
        if tag == "pre" or (
            tag == "code" and el.getparent() is not None and el.getparent().tag == "pre"
        ):
            f["code"] += 1
        elif tag == "time":
            f["time"] += 1
        elif tag == "article":
            f["article_tag"] += 1
        elif tag in ("h2", "h3"):
            f["headings"] += 1
        elif tag == "section":
            f["sections"] += 1
        elif tag == "p":
            if (words := len((el.text_content() or "").split())) >= PARAGRAPH_WORDS:
                f["long_p"] += 1
                f["long_p_words"] += words
        elif tag == "meta":
            prop = el.get("property") or el.get("name") or ""
            if prop == "article:published_time":
                f["art_meta"] += 1
            elif prop == "og:type" and (el.get("content") or "").lower() == "article":
                f["og_article"] += 1
    f["price"] = price_count(doc.root.text_content())
    f["faq_md"] = int("FAQPage" in ld_types(doc))
    f["card_run"] = cards
    f["no_prose_markup"] = int(not f["long_p"])
    return f + url_features(doc.url)


def card_run(parent: HtmlElement) -> int:
    """The most children of `parent` of one tag and class that each hold a link and an image."""
    runs: Counter[tuple[str, str]] = Counter()
    for child in parent:
        if isinstance(child.tag, str) and is_card(child):
            runs[(child.tag, child.get("class", ""))] += 1
    return max(runs.values(), default=0)


def is_card(el: HtmlElement) -> bool:
    """Whether an element holds (or is) a link and holds an image."""
    linked = el.tag == "a" or el.find(".//a") is not None
    return linked and (el.find(".//img") is not None or el.find(".//picture") is not None)


#: A path of locale codes only ("/", "/en/", "/en-us/") is a home page.
LOCALE = re.compile(r"^(?:[a-z]{2}(?:[-_][a-z]{2})?|global|intl|home|index)$", re.I)
#: Headlines this short name a section or service ("Pet Insurance"); this long, a story.
SHORT_HEADLINE = 3
LONG_HEADLINE = 7
#: A URL slug of this many words names a story ("how-to-back-up-a-laptop"); a last segment
#: shorter than MIN_WORD letters ("/a", "/p") is a route letter, not a name.
LONG_SLUG = 4
#: Last URL segments that name a view of the page above them ("/<slug>/amp", "…/view").
VIEW_SEGMENTS = frozenset(["amp", "view", "index", "print"])
MIN_WORD = 3
#: Path segments that name an offer rather than a story ("/services/", "/programs/").
SERVICE_SEGMENTS = frozenset(
    {"service", "services", "solution", "solutions", "program", "programs", "course", "courses"}
    | {"certificate", "certificates", "pricing"}
)
#: Less running text than this (words in paragraphs of PARAGRAPH_WORDS or more) is little prose;
#: lines shorter than this on average are lists, tiles and buttons.
LITTLE_PROSE = 300
SHORT_LINES = 20


def url_features(url: str) -> Counter[str]:
    """URL signs: a home page, a one-word last segment ("/webcams"), a long story slug, an offer.

    >>> sorted(url_features("https://x.org/en/")), sorted(url_features("https://x.org/a/pets"))
    (['home_page', 'one_word_slug'], ['one_word_slug'])
    >>> sorted(url_features("https://x.org/2026/how-to-back-up-a-laptop"))
    ['long_slug']
    >>> url_features("https://x.org/a/12345")
    Counter()
    >>> sorted(url_features("https://x.org/blog/2026-01-26-query-tuning-in-postgres/amp"))
    ['long_slug']
    >>> sorted(url_features("https://x.org/services/it-support-for-small-firms"))
    ['long_slug', 'service_path']
    """
    f: Counter[str] = Counter()
    segments = [re.sub(r"\.\w+$", "", s) for s in urlsplit(url).path.split("/") if s]
    if all(LOCALE.match(s) for s in segments):
        f["home_page"] = 1
    named = list(segments)
    while len(named) > 1 and named[-1].lower() in VIEW_SEGMENTS:
        named.pop()
    last = named[-1] if named else ""
    if f["home_page"] or (last.isalpha() and len(last) >= MIN_WORD):
        f["one_word_slug"] = 1
    if len([w for w in re.split(r"[-_+]", last) if w.isalpha()]) >= LONG_SLUG:
        f["long_slug"] = 1
    if SERVICE_SEGMENTS & {s.lower() for s in segments}:
        f["service_path"] = 1
    return f


def text_features(body: str, headline: str | None) -> Counter[str]:
    """Signs in the extracted text: headline length, running prose, line length, sales talk."""
    f: Counter[str] = Counter()
    words = len((headline or "").split())
    f["short_headline"] = int(words <= SHORT_HEADLINE)
    f["long_headline"] = int(words >= LONG_HEADLINE)
    sizes = [size(line) for line in body.splitlines() if line.strip()]
    f["little_prose"] = int(sum(s for s in sizes if s >= PARAGRAPH_WORDS) < LITTLE_PROSE)
    f["short_lines"] = int(sum(sizes) < SHORT_LINES * max(len(sizes), 1))
    f["body_words"] = len(body.split())
    return f + pitch_features(body, headline)


def price_count(text: str) -> int:
    """How many currency amounts `text` holds (`PRICE` matches).

    Only the stretches near currency signs are scanned: the whole text of a page with inline
    data is hundreds of kilobytes, and long digit runs made one page take 1.9 s.

    >>> price_count("From $19.99, or 25 EUR a month; 1,2,3,4 are not prices.")
    2
    """
    spans: list[list[int]] = []
    for sign in CURRENCY.finditer(text):
        start, end = max(0, sign.start() - WINDOW), sign.end() + WINDOW
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return sum(len(PRICE.findall(text, start, end)) for start, end in spans)


def type_from_structure(doc: Document, body: str = "", headline: str | None = None) -> str | None:
    """`type_from_features` of the page's tree and URL plus its extracted body and headline."""
    return type_from_features(page_features(doc) + text_features(body, headline))
