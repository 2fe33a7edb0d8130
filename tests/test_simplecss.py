"""The one-pass simple-selector matcher finds what the selectors' XPath translation finds."""

from __future__ import annotations

from lxml import etree
from lxml.html import fromstring
from parsel.csstranslator import HTMLTranslator

from newscrawl.extract.simplecss import matcher

PAGE = """<html><body><header>top</header>
<div class="a share\tb" id="x"><nav role="navigation">n</nav></div>
<div class="shared">not a share class</div><p role="banner" aria-hidden="true">p</p>
<section id="comments" data-kind="c"><span class="comments wide">c</span></section>
<div class="news-grid tight" data-x="1">g</div><aside data-x>a</aside>
<em data-q="it's">q</em></body></html>"""

SELECTORS = (
    "header",
    "aside",
    ".share",
    "#comments",
    "[role='navigation']",
    '[aria-hidden="true"]',
    "div.news-grid[data-x]",
    "span.comments.wide",
    "[data-kind]",
    '[data-q="it\'s"]',
)


def xpath_answer(root: etree._Element, selectors: tuple[str, ...]) -> list[etree._Element]:
    """Reference: the HTMLTranslator XPath of every selector, or-ed, in one query."""
    translator = HTMLTranslator()
    tests = " or ".join(translator.css_to_xpath(css, prefix="self::") for css in selectors)
    return list(etree.XPath(f"descendant-or-self::*[{tests}]")(root))


def test_matcher_agrees_with_xpath() -> None:
    root = fromstring(PAGE)
    found = matcher(SELECTORS).find(root)
    assert found == xpath_answer(root, SELECTORS)
    expected = ["header", "div", "nav", "p", "section", "span", "div", "aside", "em"]
    assert [e.tag for e in found] == expected


def test_class_is_a_whole_token() -> None:
    root = fromstring(PAGE)
    assert [e.get("class") for e in matcher((".share",)).find(root)] == ["a share\tb"]
