"""Pipelines: bad input is counted and logged, never crashes, never loses a valid record."""

from __future__ import annotations

import asyncio
import inspect

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.pipelines import (
    DatePipeline,
    DeduplicationPipeline,
    ExtractionPipeline,
    ValidationPipeline,
)
from newscrawl.spiders.daily8 import Daily8Spider
from tests.demo_site import FROZEN, expected_records, page_html


@pytest.fixture
def crawler():
    crawler = get_crawler(Daily8Spider, {"NEWSCRAWL_EXTRACT_WORKERS": 0})
    crawler.stats.open_spider()
    return crawler


def call(pipe, item):
    """Run one pipeline step (awaiting it when it is a coroutine)."""
    result = pipe.process_item(item)
    return asyncio.run(result) if inspect.iscoroutine(result) else result


def run_all(crawler, item):
    for cls in (ExtractionPipeline, DeduplicationPipeline, DatePipeline, ValidationPipeline):
        item = call(cls.from_crawler(crawler), item)
    return item


def page(path: str, html: str | None = None) -> FetchedPage:
    return FetchedPage(f"http://127.0.0.1:8000{path}", html or page_html(path), FROZEN, "daily8")


def test_article_page_becomes_a_record(crawler) -> None:
    expected = expected_records()[0]
    item = run_all(crawler, page(expected["path"]))
    assert isinstance(item, ArticleItem)
    assert item["datePublished"] == expected["datePublished"]
    assert crawler.stats.get_value("newscrawl/records/valid") == 1


def test_listing_page_is_dropped_and_counted(crawler) -> None:
    with pytest.raises(DropItem):
        run_all(crawler, page("/en"))
    assert crawler.stats.get_value("newscrawl/dropped/not_article") == 1


def test_duplicate_article_id_is_dropped(crawler) -> None:
    path = expected_records()[0]["path"]
    pipes = [ExtractionPipeline.from_crawler(crawler), DeduplicationPipeline.from_crawler(crawler)]
    first = call(pipes[1], call(pipes[0], page(path)))
    assert first is not None
    other_host = FetchedPage(f"http://localhost:9{path}", page_html(path), FROZEN, "daily8")
    with pytest.raises(DropItem):
        call(pipes[1], call(pipes[0], other_host))
    assert crawler.stats.get_value("newscrawl/dropped/duplicate") == 1


def test_article_without_body_is_dropped_with_reason(crawler) -> None:
    html = "<html><body><h1>Title only</h1></body></html>"
    with pytest.raises(DropItem):
        run_all(crawler, page("/en/article/" + "c" * 32, html))
    assert crawler.stats.get_value("newscrawl/dropped/invalid/articleBody") == 1


def test_garbage_html_does_not_crash(crawler) -> None:
    with pytest.raises(DropItem):
        run_all(crawler, page("/en/article/" + "d" * 32, "\x00\x01<<<>>>&&&"))


def test_a_failing_date_stage_keeps_the_record_and_is_counted(crawler, monkeypatch) -> None:
    def broken(article, profile, htmldate=None):
        raise ValueError("date stage bug")

    monkeypatch.setattr("newscrawl.page.resolve_article_dates", broken)
    path = expected_records()[0]["path"]
    item = run_all(crawler, page(path))
    assert isinstance(item, ArticleItem) and item["datePublished"] is None
    assert item["datePublishedRaw"]
    assert crawler.stats.get_value("newscrawl/dates/error") == 1
