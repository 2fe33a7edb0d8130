"""Politeness for unattended runs: robots.txt, AutoThrottle, a contact User-Agent, backoff."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.backoff import BackoffRetryMiddleware
from newscrawl.spiders.daily8 import Daily8Spider


def test_polite_defaults() -> None:
    s = Settings()
    s.setmodule(project_settings)
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert s["NEWSCRAWL_CONTACT"] in s["USER_AGENT"] and s["USER_AGENT"].startswith("newscrawl/")
    assert {429, 503} <= {int(c) for c in s.getlist("RETRY_HTTP_CODES")}
    middlewares = s.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert "newscrawl.backoff.BackoffRetryMiddleware" in middlewares


@pytest.fixture
def middleware() -> tuple[BackoffRetryMiddleware, SimpleNamespace]:
    keys = ("RETRY_TIMES", "RETRY_HTTP_CODES", "NEWSCRAWL_BACKOFF_HTTP_CODES")
    keys += ("NEWSCRAWL_BACKOFF_BASE", "NEWSCRAWL_BACKOFF_MAX")
    crawler = get_crawler(Daily8Spider, {k: getattr(project_settings, k) for k in keys})
    crawler.stats.open_spider()
    crawler.spider = Daily8Spider.from_crawler(crawler)
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    slot = SimpleNamespace(delay=0.25)
    mw.slot_for = lambda request: slot  # type: ignore[method-assign]
    return mw, slot


def response(status: int, url: str, **headers: str) -> Response:
    return Response(url, status=status, headers=headers, request=Request(url))


def test_retry_after_sets_the_site_delay_and_retries(middleware) -> None:
    mw, slot = middleware
    url = "https://www.daily8.com/en"
    result = mw.process_response(Request(url), response(429, url, **{"Retry-After": "30"}))
    assert isinstance(result, Request) and result.meta["retry_times"] == 1
    assert slot.delay == 30
    assert mw.crawler.stats.get_value("newscrawl/backoff/429") == 1


def test_exponential_backoff_without_retry_after_is_capped(middleware) -> None:
    mw, slot = middleware
    url = "https://www.daily8.com/en"
    mw.process_response(Request(url, meta={"retry_times": 2}), response(503, url))
    assert slot.delay == 2.0 * 2**2
    mw.process_response(Request(url, meta={"retry_times": 9}), response(503, url))
    assert slot.delay == 300.0


def test_retry_after_beyond_the_bound_is_not_retried(middleware) -> None:
    mw, slot = middleware
    url = "https://www.daily8.com/en"
    too_long = response(503, url, **{"Retry-After": "99999"})
    result = mw.process_response(Request(url, meta={"retry_times": 0}), too_long)
    assert result is too_long and slot.delay < 60
    assert mw.crawler.stats.get_value("newscrawl/retry_after/too_long") == 1


def test_other_statuses_do_not_back_off(middleware) -> None:
    mw, slot = middleware
    url = "https://www.daily8.com/en"
    result = mw.process_response(Request(url), response(500, url))
    assert isinstance(result, Request)  # still retried
    assert slot.delay == 0.25
    ok = response(200, url)
    assert mw.process_response(Request(url), ok) is ok
