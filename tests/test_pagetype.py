"""Page-type rules: markup evidence, URL shape, running text and teaser-card listings."""

from __future__ import annotations

from collections import Counter

from newscrawl.extract.document import parse_html
from newscrawl.extract.pagetype import (
    has_running_text,
    is_listing,
    page_features,
    page_type,
    text_features,
    type_from_markup,
    type_from_structure,
    type_from_url,
    url_features,
)
from newscrawl.extract.pitch import pitch_features
from newscrawl.extract.score import (
    Verdict,
    combined_features,
    leans_article,
    type_from_features,
    verdict,
)
from newscrawl.profiles import load_profile

LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"%s"}</script>'


def markup(kind: str) -> str | None:
    """type_from_markup of a page whose JSON-LD names `kind`."""
    return type_from_markup(parse_html(f"<html><head>{LD % kind}</head></html>", "https://x.org"))


def test_json_ld_types() -> None:
    assert markup("NewsArticle") == "article"
    assert markup("Product") == "product"
    assert markup("DiscussionForumPosting") == "forum"
    assert markup("WebPage") is None
    assert markup("TechArticle") is None  # documentation sites use it: the score decides


def test_an_offer_inside_a_course_or_service_is_no_product() -> None:
    course = '{"@type":"Course","name":"What is a smartphone?","offers":{"@type":"Offer"}}'
    html = f'<html><head><script type="application/ld+json">{course}</script></head></html>'
    assert type_from_markup(parse_html(html, "https://x.org")) is None
    assert markup("Offer") == "product"
    both = f"<html><head>{LD % 'Service'}{LD % 'Product'}</head></html>"
    assert type_from_markup(parse_html(both, "https://x.org")) == "product"


def test_forum_type_outranks_article_type() -> None:
    html = f"<html><head>{LD % 'Article'}{LD % 'QAPage'}</head></html>"
    assert type_from_markup(parse_html(html, "https://x.org")) == "forum"


def test_og_product() -> None:
    html = '<html><head><meta property="og:type" content="product"></head></html>'
    assert type_from_markup(parse_html(html, "https://x.org")) == "product"


def test_url_shapes() -> None:
    assert type_from_url("https://docs.example.org/guide/intro") == "documentation"
    assert type_from_url("https://example.org/forums/topic-1") == "forum"
    assert type_from_url("https://example.org/products/red-shoe") == "product"
    assert type_from_url("https://shop.example.org/browse/featured/red-clogs") == "collection"
    assert type_from_url("https://example.org/news/") == "listing"
    assert type_from_url("https://example.org/news/2026/01/harbour-reopens") is None
    assert type_from_url("https://qa.example.org/questions/123/how-to-fix-a-quay") == "forum"
    assert type_from_url("https://www.example.org/r/boats/comments/abc/quay") == "forum"


def test_thread_url_shapes() -> None:
    assert type_from_url("https://example.org/t/123270/Year-in-a-tiny-house") == "forum"
    assert type_from_url("https://example.org/topic/225132-if-the-forum-ends/") == "forum"
    assert type_from_url("https://example.org/discussions/topic/first-projects/") == "forum"
    assert type_from_url("https://example.org/discussion/39620/open-source-ends") == "forum"
    assert type_from_url("https://example.org/topics/harbour") is None
    assert type_from_url("https://example.org/2026/topical-storm-hits-the-quay") is None


def generated(generator: str) -> str | None:
    """type_from_markup of a page marked up `Article`, made by `generator`."""
    head = f'{LD % "Article"}<meta name="generator" content="{generator}">'
    return type_from_markup(parse_html(f"<html><head>{head}</head></html>", "https://x.org"))


def test_wiki_and_doc_generators_outrank_article_markup() -> None:
    assert generated("MediaWiki 1.46.0-wmf.18") == "documentation"
    assert generated("DokuWiki") == "documentation"
    assert generated("bookdown 0.37 and GitBook 2.6.7") == "documentation"
    assert generated("WordPress 6.9") == "article"
    assert generated("mkdocs-1.6.1, mkdocs-material-9.7.1") == "article"  # it builds blogs too


def test_running_text_counts_unspaced_scripts() -> None:
    assert has_running_text("word " * 200)
    assert has_running_text("港が再開した。" * 30)
    assert not has_running_text("Home\nNews\nSport")


def cards(n: int) -> str:
    """A listing of n teaser cards with summaries."""
    return "".join(
        f'<div><a href="/s/{i}">Harbour story number {i} today</a>'
        f"<p>A summary of story {i} in about a dozen words for the reader.</p></div>"
        for i in range(n)
    )


def test_teaser_cards_make_a_listing() -> None:
    doc = parse_html(f"<html><body>{cards(5)}</body></html>", "https://x.org/")
    body = "\n".join(
        f"A summary of story {i} in about a dozen words for the reader." for i in range(5)
    )
    assert is_listing(doc, body)
    assert page_type(doc, load_profile(), None, body) == "listing"


def test_article_with_a_few_cards_stays_an_article() -> None:
    story = "<p>" + "The harbour reopened after a long winter of repairs. " * 40 + "</p>"
    doc = parse_html(f"<html><body>{story}{cards(4)}</body></html>", "https://x.org/a")
    body = "The harbour reopened after a long winter of repairs. " * 40
    assert not is_listing(doc, body)
    assert page_type(doc, load_profile(), None, body) == "article"


STORY = "<p>" + "The harbour reopened after a long winter of repairs. " * 6 + "</p>"


PROSE = "The harbour reopened after a long winter of repairs to the old stone quay. " * 24


def structure(
    body: str, head: str = "", url: str = "https://x.org/news/harbour-reopens", text: str = PROSE
) -> str | None:
    """type_from_structure of a small page whose extracted body is `text`."""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return type_from_structure(parse_html(html, url), text, "The harbour reopens in spring")


def test_cart_and_price_markup_make_a_product() -> None:
    page = (
        '<h1>Red shoe</h1><span itemprop="price">49.00</span>'
        '<form action="/cart/add"><button>Add to cart</button></form>' + STORY
    )
    assert structure(page) == "product"


def test_code_blocks_and_edit_link_make_documentation() -> None:
    page = "<pre><code>pip install x</code></pre><pre>x.run()</pre><a>Edit this page</a>"
    assert structure(page + STORY) is None  # 3 points: below OTHER_MARGIN
    assert structure(page + STORY, url="https://x.org/guide/install") == "documentation"


def test_post_blocks_alone_are_not_enough() -> None:
    posts = "".join(
        f'<div class="post-author">user{i}</div><div class="post-body">{STORY}</div>'
        for i in range(3)
    )
    assert structure(posts) is None  # 2 points: below OTHER_MARGIN (blogs share these classes)


def test_article_evidence_outweighs_a_shop_sidebar() -> None:
    head = '<meta property="og:type" content="article">'
    head += '<meta property="article:published_time" content="2026-01-02">'
    page = '<div class="byline">By A. Writer</div><time>2 Jan</time><button>Buy now</button>'
    assert structure(page + STORY * 8, head) is None


def test_plain_story_has_no_structural_type() -> None:
    assert structure("<h1>Harbour</h1>" + STORY * 3) is None


def test_url_features() -> None:
    assert url_features("https://x.org/")["home_page"] == 1
    assert url_features("https://x.org/en-gb/")["home_page"] == 1
    assert url_features("https://x.org/services/webcams")["one_word_slug"] == 1
    assert url_features("https://x.org/a/how-the-harbour-was-rebuilt")["long_slug"] == 1
    assert not url_features("https://x.org/news/12345")  # an id says nothing


def test_text_features() -> None:
    tiles = "\n".join(["Fast setup", "Secure by default", "Plans from $5"] * 5)
    f = text_features(tiles, "Build faster")
    assert f["short_headline"] == f["little_prose"] == f["short_lines"] == 1
    f = text_features(PROSE, "How the old stone quay was rebuilt after the storm")
    assert f["long_headline"] == 1 and f["little_prose"] == f["short_lines"] == 0


def test_landing_page_is_not_an_article() -> None:
    tiles = "\n".join(["Fast setup", "Secure by default", "Plans from $5"] * 5)
    page = "<h1>Build faster</h1>" + "".join(f"<h3>{t}</h3>" for t in tiles.splitlines())
    assert structure(page, url="https://x.org/", text=tiles) == "listing"
    assert structure(page, url="https://x.org/en/pricing", text=tiles) == "listing"


def test_story_on_a_one_word_url_stays_an_article() -> None:
    head = '<meta property="og:type" content="article">'
    page = "<h1>Harbour</h1><time>2 Jan</time>" + STORY * 3
    assert structure(page, head, url="https://x.org/harbour", text=PROSE) is None


def test_service_path_segment() -> None:
    assert url_features("https://x.org/services/harbour-tours")["service_path"] == 1
    assert url_features("https://x.org/en/programs/sailing.html")["service_path"] == 1
    assert url_features("https://x.org/pricing")["service_path"] == 1
    assert not url_features("https://x.org/news/service-resumes-on-the-ferry")["service_path"]


def features_of(body: str, head: str = "", url: str = "https://x.org/news/harbour") -> dict:
    """page_features of a small page."""
    return page_features(parse_html(f"<html><head>{head}</head><body>{body}</body></html>", url))


def test_faq_markup_sections_and_comments_are_counted() -> None:
    f = features_of("<p>hi</p>", LD % "FAQPage")
    assert f["faq_md"] == 1
    assert features_of("<p>hi</p>", LD % "WebPage")["faq_md"] == 0
    f = features_of("<section><h2>A</h2></section>" * 10 + '<div id="comments"></div>')
    assert f["sections"] == 10 and f["headings"] == 10 and f["comments"] == 1
    assert features_of('<div class="commentary-box"></div>')["comments"] == 0


def test_short_sections_under_many_headings() -> None:
    f = text_features("word " * 300, "Harbour tours") + features_of("<h2>A</h2>" * 5)
    assert combined_features(f)["sectioned"] == 1  # 60 words per heading
    f = text_features("word " * 500, "Harbour tours") + features_of("<h2>A</h2>" * 5)
    assert combined_features(f)["sectioned"] == 0  # 100 words per heading
    f = text_features("word " * 30, "Harbour tours") + features_of("<h2>A</h2>" * 4)
    assert combined_features(f)["sectioned"] == 0  # too few headings


def test_service_page_with_prose_is_not_an_article() -> None:
    sections = "".join(f"<section><h2>Tour {i}</h2><p>Notes.</p></section>" for i in range(10))
    url = "https://x.org/services/harbour-tours"
    assert structure(sections, LD % "FAQPage", url=url) == "service"
    assert structure(sections, url="https://x.org/news/harbour-tours") is None


def test_comment_section_supports_an_article() -> None:
    sections = STORY + "".join(
        f"<section><h2>Tour {i}</h2><p>Notes.</p></section>" for i in range(10)
    )
    url = "https://x.org/services/harbour-tours"
    assert structure(sections, url=url) == "service"  # 4 points: path 2, sections 1, sectioned 1
    assert structure(sections + '<div id="comments"></div>', url=url) is None


def test_article_evidence_overrules_the_teaser_card_rule() -> None:
    doc = parse_html(f"<html><body>{cards(5)}</body></html>", "https://x.org/a")
    body = " ".join(  # one line of running text
        f"A summary of story {i} in about a dozen words for the reader." for i in range(5)
    )
    assert page_type(doc, load_profile(), None, body, leans_article=True) == "article"
    assert page_type(doc, load_profile(), None, body, leans_article=False) == "listing"


def test_leans_article() -> None:
    head = '<meta property="og:type" content="article">'
    head += '<meta property="article:published_time" content="2026-01-02">'
    story = features_of("<article><time>2 Jan</time>" + STORY + "</article>", head)
    assert leans_article(story + text_features(PROSE, "How the old stone quay was rebuilt"))
    assert not leans_article(features_of(STORY) + text_features(PROSE, "Harbour"))


def test_verdict_weighs_the_evidence_once_for_both_answers() -> None:
    head = '<meta property="og:type" content="article">'
    head += '<meta property="article:published_time" content="2026-01-02">'
    story = features_of("<article><time>2 Jan</time>" + STORY + "</article>", head)
    pages = [story + text_features(PROSE, "How the old stone quay was rebuilt")]
    pages.append(Counter({"one_word_slug": 1, "short_headline": 1, "little_prose": 1}))
    for f in pages:
        assert verdict(f) == Verdict(type_from_features(f), leans_article(f))
    assert verdict(pages[0]).leans_article and verdict(pages[1]).page_type == "listing"


def test_documentation_url_outranks_article_markup() -> None:
    html = f"<html><head>{LD % 'TechArticle'}</head><body>{STORY}</body></html>"
    docs = parse_html(html, "https://docs.example.org/get-started/intro")
    assert page_type(docs, load_profile(), type_from_markup(docs), PROSE) == "documentation"
    story = parse_html(html, "https://example.org/2026/how-we-rebuilt-the-quay")
    assert page_type(story, load_profile(), type_from_markup(story), PROSE) == "article"


def microdata(*kinds: str) -> str | None:
    """type_from_markup of a page whose microdata names `kinds`."""
    items = "".join(f'<div itemscope itemtype="https://schema.org/{k}"></div>' for k in kinds)
    return type_from_markup(parse_html(f"<html><body>{items}</body></html>", "https://x.org"))


def test_microdata_forum_and_product_types() -> None:
    assert microdata("DiscussionForumPosting", "Person") == "forum"
    assert microdata("Product", "Offer") == "product"
    assert microdata("NewsArticle", "Product") is None  # a subscription offer in a story
    assert microdata("Article", "QAPage") == "forum"
    assert microdata("Person", "ImageObject") is None


def test_edit_link_to_the_source_is_documentation() -> None:
    edit = '<a href="https://github.com/x/docs/edit/main/guide/install.md">Improve</a>'
    blob = '<a href="https://github.com/x/docs/blob/main/guide/install.md">Source</a>'
    assert features_of(edit)["edit_link"] == features_of(blob)["edit_link"] == 1
    assert features_of('<a href="https://github.com/x/docs">Repo</a>')["edit_link"] == 0
    blocks = "<pre>pip install x</pre><pre>x.run()</pre>" + STORY
    assert structure(blocks + edit) == "documentation"  # 2 + 2 points
    assert structure(blocks) is None


def test_many_code_spans_are_documentation() -> None:
    page = "<pre>a</pre><pre>b</pre><a>Edit this page</a>" + STORY
    assert features_of("<p><code>x</code></p>" * 10)["inline_code"] == 10
    assert structure(page + "<code>x</code>" * 10) == "documentation"
    assert structure(page + "<code>x</code>" * 9) is None


def test_many_phone_links_are_a_service_page() -> None:
    calls = "<a>Book a demo</a><a>Get a quote</a>" + STORY
    url = "https://x.org/services/harbour-tours"
    phones = '<a href="tel:+15550100">Call</a>'
    assert features_of(phones * 5)["phone_links"] == 5
    assert structure(calls + phones * 5, url=url) == "service"
    assert structure(calls + phones * 4, url=url) is None


def test_a_run_of_image_cards_is_a_listing() -> None:
    card = '<li class="card"><a href="/p/{0}"><img src="/{0}.jpg"></a>Tour {0}</li>'
    cards = "<ul>" + "".join(card.format(i) for i in range(20)) + "</ul>"
    assert features_of(cards)["card_run"] == 20
    plain = "<ul>" + "".join(f'<li class="card"><a href="/p/{i}">Tour</a></li>' for i in range(20))
    assert features_of(plain + "</ul>")["card_run"] == 0  # no images
    few = "<ul>" + "".join(card.format(i) for i in range(19)) + "</ul>"
    url = "https://x.org/harbour-tours"
    assert structure(cards + STORY, url=url, text="Tours\nBoats") == "listing"  # 2 + 1 + 1
    assert structure(few + STORY, url=url, text="Tours\nBoats") is None


def test_microdata_on_the_root_element_counts() -> None:
    html = (
        '<html itemscope itemtype="http://schema.org/NewsArticle"><body>'
        '<div itemscope itemtype="http://schema.org/CreativeWork http://schema.org/Product">'
        "</div></body></html>"
    )
    assert type_from_markup(parse_html(html, "https://x.org")) is None  # a paywall offer


def test_a_page_without_running_text_in_its_markup() -> None:
    assert features_of("<p>Tours</p><div>Boats</div>")["no_prose_markup"] == 1
    assert features_of(STORY)["no_prose_markup"] == 0
    url = "https://x.org/harbour-tours"
    text = "Tours\nBoats"
    assert structure("<p>Tours</p>", url=url, text=text) == "listing"  # 2 + 1 + 1 points
    assert structure(STORY, url=url, text=text) is None


def pitch_type(text: str, headline: str, url: str) -> str | None:
    """type_from_features of a page holding `text` in one paragraph, under `headline`."""
    doc = parse_html(f"<html><body><h1>{headline}</h1><p>{text}</p></body></html>", url)
    return type_from_features(page_features(doc) + text_features(text, headline))


SALES = "Our team will get in touch within a day. Contact us or get started online. " * 2


def test_sales_phrases_make_a_service_page() -> None:
    url = "https://x.org/services/harbour-tours"  # service path 2, short headline 1: 3 points
    assert pitch_type(PROSE, "Harbour tours", url) is None
    assert pitch_type(PROSE + SALES, "Harbour tours", url) == "service"
    assert pitch_features(PROSE + SALES, "Harbour tours")["sales_phrases"] == 8


def test_offer_headline_over_a_we_body_makes_a_service_page() -> None:
    we = "Our skippers know the harbour well and we run trips every day in summer. " * 20
    they = "The skippers know the harbour well and they run trips every day in summer. " * 20
    url = "https://x.org/tours"  # one-word slug: 2 points
    assert pitch_type(we, "Harbour Boat Tour Services", url) == "service"
    assert pitch_type(they, "Harbour Boat Tour Services", url) is None  # a story about them
    assert pitch_type(we, "Harbour boat tours start again", url) is None
    assert pitch_features(we, "Boat Tours | Harbour Co")["offer_headline"] == 0
    assert pitch_features(we, "Boat Tour Company | Harbour Co")["offer_headline"] == 1


def test_business_voice_adds_a_service_point() -> None:
    we = "Our skippers know the harbour well and we run trips every day in summer. " * 20
    url = "https://x.org/services/harbour-tours"  # service path 2, short headline 1: 3 points
    assert pitch_type(we, "Harbour tours", url) == "service"
    reported = we + "She said the trips were full."
    assert pitch_type(reported, "Harbour tours", url) is None  # a story quoting someone
    assert pitch_features(we, "Harbour tours")["business_voice"] == 1


def test_many_article_blocks_make_a_listing() -> None:
    teaser = "<article><h2><a href='/s/{i}'>Harbour story {i}</a></h2><p>Ships.</p></article>"
    page = "<h1>Harbour news</h1>" + STORY + "".join(teaser.format(i=i) for i in range(20))
    url = "https://x.org/harbour"  # slug 2, headline 1, short lines 1 vs <article> 1: 3
    text = PROSE + "\n" + "\n".join(f"Harbour story {i}" for i in range(20))
    doc = parse_html(f"<html><body>{page}</body></html>", url)
    assert type_from_features(page_features(doc) + text_features(text, "Harbour news")) == "listing"
    one = parse_html(
        f"<html><body><h1>Harbour news</h1>{STORY}{teaser.format(i=1)}</body></html>", url
    )
    assert type_from_features(page_features(one) + text_features(text, "Harbour news")) is None


def test_offer_headline_needs_a_pitch_and_no_question() -> None:
    they = "The skippers know the harbour well and they run trips every day in summer. " * 20
    selling = they + "Book now for the summer."
    assert pitch_features(they, "Harbour Boat Tour Services")["offer_headline"] == 0
    assert pitch_features(selling, "Harbour Boat Tour Services")["offer_headline"] == 1
    assert pitch_type(selling, "Harbour Boat Tour Services", "https://x.org/tours") == "service"
    assert pitch_features(selling, "What are boat tour services?")["offer_headline"] == 0


def test_a_bot_check_page_is_no_article() -> None:
    check = "You are seeing this because the site protects itself from scrapers. " * 5
    html = f"<html><head><title>Making sure you&#39;re not a bot!</title></head><p>{check}</p>"
    page = parse_html(html, "https://example.org/t/a-thread")
    assert page_type(page, load_profile(), None, check) == "challenge"
    story = html.replace("Making sure you&#39;re not a bot!", "Harbour reopens after the storm")
    page = parse_html(story, "https://example.org/2026/harbour-reopens")
    assert page_type(page, load_profile(), None, check) == "article"
    cloudflare = "<html><head><title>Just a moment...</title></head><p>Checking</p></html>"
    page = parse_html(cloudflare, "https://example.org/2026/harbour-reopens")
    assert page_type(page, load_profile(), None, check) == "challenge"
    assert page_type(page, load_profile(), None, PROSE * 20) == "article"  # a long text is read
