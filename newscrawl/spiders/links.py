"""Link discovery for the spiders: a lean stand-in for Scrapy's LinkExtractor.

The spider only needs URLs (anchor text and rel are never used), so this skips the per-link
`Link` objects and per-link URL escaping of `LinkExtractor` (Requests escape their URL anyway)
and costs about a third of it per page, which matters on the crawl's single reactor thread.
"""

from __future__ import annotations

from posixpath import splitext
from urllib.parse import urlsplit

from scrapy.http import TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS

#: Extensions of files that are never pages (images, media, archives, office documents).
SKIPPED_EXTENSIONS = frozenset(f".{ext}" for ext in IGNORED_EXTENSIONS)
#: Schemes kept for the safety policy to judge (as LinkExtractor keeps them).
KEPT_SCHEMES = frozenset({"http", "https", "file", "ftp"})


def page_links(response: TextResponse) -> list[str]:
    """Absolute URLs of the page's `<a>`/`<area>` links, in page order, each once.

    The page's `<base href>` is honoured, fragments are dropped, and links to files that
    are not pages (by extension) or with other schemes (mailto:, javascript:) are skipped.
    """
    found: dict[str, None] = {}
    for href in response.xpath("//a/@href | //area/@href").getall():
        url = response.urljoin(href.strip()).partition("#")[0]
        if url and url not in found and _is_page_link(url):
            found[url] = None
    return list(found)


def _is_page_link(url: str) -> bool:
    """Whether the URL has a kept scheme and no file extension of a non-page."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in KEPT_SCHEMES:
        return False
    return splitext(parts.path)[1].lower() not in SKIPPED_EXTENSIONS
