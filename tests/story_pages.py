"""Handwritten story pages shared by the body-rule tests: one sentence, four paragraphs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from newscrawl.extract import extract_article

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
BLOG_URL = "https://example.org/blog/how-the-council-passed-the-budget"
SENTENCE = "The city council voted on the new budget after a long debate on Tuesday. "
PROSE = "".join(f"<p>{SENTENCE * 3}Point {i}.</p>" for i in range(4))


def story_body(inner: str, url: str = BLOG_URL, in_article: bool = True) -> str:
    """The extracted body of a page with a headline and `inner` (in an `<article>`)."""
    story = f"<article>{inner}</article>" if in_article else inner
    page = f"<html><body><h1>Council passes the budget</h1>{story}</body></html>"
    article = extract_article(page, url, WHEN)
    assert article.articleBody is not None
    return article.articleBody


def check_lines(body: str, dropped: Iterable[str] = (), kept: Iterable[str] = ()) -> None:
    """Assert that none of the `dropped` texts is in `body` and every `kept` text is."""
    assert [text for text in dropped if text in body] == [], "chrome left in the body"
    assert [text for text in kept if text not in body] == [], "story text lost"
