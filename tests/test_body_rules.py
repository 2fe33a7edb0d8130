"""Body rules: text the chrome layers must not drop (handwritten pages)."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawl.extract import extract_article

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
PROSE = "<p>" + "The retailer reported quarterly results that moved its shares today. " * 6 + "</p>"


def test_table_rows_kept_even_when_they_look_like_a_source_line() -> None:
    """A quote table under the headline stays in the body (never dropped as a source chip)."""
    page = (
        "<html><body><article><h1>Retailer sales miss, shares fall</h1>"
        + PROSE
        + "<table><tr><th>Ticker</th><th>Last</th><th>Change</th></tr>"
        "<tr><td>HDX</td><td>ACME STORES INC.</td><td>225.86</td><td>-12.99</td></tr></table>"
        + PROSE
        + "</article></body></html>"
    )
    article = extract_article(page, "https://example.org/markets/retailer-sales", WHEN)
    assert article.articleBody is not None
    assert "ACME STORES INC." in article.articleBody
