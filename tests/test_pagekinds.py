"""Shop collection signs: priced product cards and shop buttons, as page-type points."""

from __future__ import annotations

from collections import Counter

from newscrawl.extract.document import parse_html
from newscrawl.extract.pagekinds import kind_features, listing_features, with_kinds
from newscrawl.extract.pagetype import page_features
from newscrawl.extract.score import evidence, type_from_features

CARD = (
    '<li class="item"><a href="/p/{n}">Blue Wool Crew Socks {n}</a>'
    " <span>{price}</span> Soft merino</li>"
)


def shop_page(prices: list[str], extra: str = "") -> str:
    """A category page: one list of product cards with the given prices."""
    cards = "".join(CARD.format(n=n, price=p) for n, p in enumerate(prices))
    return f"<html><body><h1>Socks</h1><ul>{cards}</ul>{extra}</body></html>"


def signs(html: str) -> Counter[str]:
    """kind_features of a page."""
    return kind_features(parse_html(html, "https://shop.example.org/socks"))


def test_priced_cards_make_a_shop_page() -> None:
    assert signs(shop_page(["$12.00", "$14.50", "€9", "£20"]))["shop_cards"] == 1


def test_cards_without_prices_or_too_few_are_not() -> None:
    assert signs(shop_page(["new", "new", "new", "new"]))["shop_cards"] == 0
    assert signs(shop_page(["$12.00", "$14.50", "$9.00"]))["shop_cards"] == 0


def test_long_blocks_with_prices_are_not_cards() -> None:
    story = "The council said the new bus fare would rise from $2 next spring. " * 8
    paragraphs = "".join(
        f'<p><a href="/s/{n}">Read the full story here</a> {story}</p>' for n in range(5)
    )
    assert signs(f"<html><body><div>{paragraphs}</div></body></html>")["shop_cards"] == 0


def test_shop_buttons_make_a_shop_page() -> None:
    buttons = '<button class="qv">Quick view</button><a href="/cart">Add to cart</a>'
    assert signs(f"<html><body><p>Socks</p>{buttons}</body></html>")["shop_cards"] == 1
    assert signs("<html><body><button>Quick view</button></body></html>")["shop_cards"] == 0


def test_pages_with_few_prices_are_not_looked_at() -> None:
    doc = parse_html(shop_page(["$12.00", "$14.50", "$9.00", "$8.00"]), "https://x.org/socks")
    assert with_kinds(doc, page_features(doc))["shop_cards"] == 1
    assert with_kinds(doc, Counter({"price": 3}))["shop_cards"] == 0


def test_shop_sign_adds_collection_points() -> None:
    against, _ = evidence(Counter({"shop_cards": 1}))
    assert against == {"collection": 2}
    # two points for a one-word slug plus the shop sign's two pass the margin of four
    assert type_from_features(Counter({"one_word_slug": 1, "shop_cards": 1})) is not None
    assert type_from_features(Counter({"one_word_slug": 1})) is None


TEASER = (
    '<li class="t"><a href="/s/{n}">Council votes on the new harbour plan {n}</a> Two lines.</li>'
)
PROSE = "<p>" + "The council met on Tuesday to argue about the harbour once again. " * 4 + "</p>"


def listing(cards: int, paragraphs: int) -> Counter[str]:
    """kind_features of a page with a run of teaser cards and some running-text paragraphs."""
    teasers = "".join(TEASER.format(n=n) for n in range(cards))
    html = f"<html><body><ul>{teasers}</ul>{PROSE * paragraphs}</body></html>"
    doc = parse_html(html, "https://x.org/harbour")
    return listing_features(doc, page_features(doc)["long_p_words"])


def test_long_card_run_outweighing_prose_makes_a_listing() -> None:
    assert listing(12, 1)["text_cards"] == 1


def test_short_card_runs_or_long_prose_do_not() -> None:
    assert listing(11, 0)["text_cards"] == 0
    assert listing(12, 4)["text_cards"] == 0  # a story with a rail of teasers


def test_listing_sign_adds_listing_points() -> None:
    against, _ = evidence(Counter({"text_cards": 1}))
    assert against == {"listing": 2}


def test_pages_leaning_far_to_an_article_are_not_looked_at() -> None:
    doc = parse_html(shop_page(["$12.00", "$14.50", "$9.00", "$8.00"]), "https://x.org/socks")
    story = Counter({"price": 4, "og_article": 1, "art_meta": 1})  # 4 points for an article
    lean = Counter({"byline": 1, "time": 1, "comments": 1, "long_headline": 1, "long_slug": 1})
    assert with_kinds(doc, story + lean)["shop_cards"] == 0
    assert with_kinds(doc, story)["shop_cards"] == 1


def test_thin_prose_is_at_most_one_running_paragraph() -> None:
    assert listing(0, 1)["thin_prose"] == 1
    assert listing(0, 2)["thin_prose"] == 0
    against, _ = evidence(Counter({"thin_prose": 1}))
    assert against == {"listing": 1}
