"""Link discovery: `page_links` finds what Scrapy's LinkExtractor finds, as plain URLs."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from newscrawl.spiders.links import page_links

PAGE = """<html><head><base href="https://news.example/en/"></head><body>
<a href="article/1">one</a> <a href=" article/1#comments ">one again</a>
<a href="/en/hashtag/World">tag</a> <map><area href="https://other.example/x"></map>
<a href="mailto:desk@news.example">mail</a> <a href="javascript:void(0)">js</a>
<a href="/files/report.pdf">pdf</a> <a href="/img/photo.JPG">photo</a>
<a href="ftp://files.example/pub">ftp</a> <a href="#top">top</a> <a>no href</a>
</body></html>"""


def response(html: str, url: str = "https://news.example/en/page") -> HtmlResponse:
    """A response for the given page."""
    return HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")


def test_page_links_resolves_against_base_and_drops_fragments_and_files() -> None:
    assert page_links(response(PAGE)) == [
        "https://news.example/en/article/1",
        "https://news.example/en/hashtag/World",
        "https://other.example/x",
        "ftp://files.example/pub",
        "https://news.example/en/",
    ]


@pytest.mark.parametrize(
    "html",
    [
        PAGE,
        '<a href="a?b=1&amp;c=2">q</a><a href="../up">up</a><a href="//cdn.example/p">p</a>',
        '<a href="https://news.example/en/article/ab#x">x</a><a href="/en/article/ab">y</a>',
    ],
)
def test_page_links_agrees_with_scrapys_link_extractor_but_without_fragments(html: str) -> None:
    extractor = LinkExtractor(unique=True)
    found = [link.url.partition("#")[0] for link in extractor.extract_links(response(html))]
    assert page_links(response(html)) == list(dict.fromkeys(found))
