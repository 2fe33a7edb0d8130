"""A real `scrapy crawl daily8` of the demo site served on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawl.crawl import run_crawl
from newscrawl.demo.server import serve_site
from tests.demo_site import FROZEN, SITE, chrome_in, expected_records
from tests.test_extract_demo import FIELDS, related_view


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Crawl the demo site once with a frozen fetch clock; return records, log and requests."""
    out = tmp_path_factory.mktemp("output")
    state = tmp_path_factory.mktemp("state")
    with serve_site(SITE) as (base, requests):
        result = run_crawl(
            "daily8",
            {"start_url": f"{base}/en", "also_allow": "localhost"},
            {
                "NEWSCRAWL_OUTPUT_DIR": out,
                "NEWSCRAWL_STATE_DIR": state,
                "NEWSCRAWL_FETCHED_AT": FROZEN,
                "AUTOTHROTTLE_ENABLED": False,
                "DOWNLOAD_DELAY": 0,
            },
            timeout=300,
        )
    files = sorted(out.glob("daily8/*.jsonl"))
    return {
        "result": result,
        "files": files,
        "requests": list(requests),
        "records": [json.loads(x) for f in files for x in f.read_text("utf-8").splitlines()],
    }


def test_crawl_succeeds_and_writes_one_file(crawl: dict) -> None:
    assert crawl["result"].returncode == 0, crawl["result"].stderr[-2000:]
    assert len(crawl["files"]) == 1
    assert crawl["files"][0].parent.name == "daily8"


def test_exactly_one_record_per_demo_article(crawl: dict) -> None:
    paths = [urlsplit(r["url"]).path for r in crawl["records"]]
    assert sorted(paths) == sorted(e["path"] for e in expected_records())
    assert len({r["articleId"] for r in crawl["records"]}) == len(paths)


def test_records_match_expected(crawl: dict) -> None:
    by_path = {urlsplit(r["url"]).path: r for r in crawl["records"]}
    for expected in expected_records():
        record = by_path[expected["path"]]
        for field in FIELDS:
            assert record[field] == expected[field], (expected["path"], field)
        assert related_view(record) == expected["related"]
        assert record["dateDownloaded"] == FROZEN


def test_no_chrome_in_any_record(crawl: dict) -> None:
    for record in crawl["records"]:
        assert chrome_in(record["articleBody"]) == [], record["url"]
        assert chrome_in(record["headline"]) == [], record["url"]


def test_robots_txt_obeyed_and_article_ids_fetched_once(crawl: dict) -> None:
    requests = crawl["requests"]
    assert "/robots.txt" in requests
    assert not [r for r in requests if r.startswith("/en/search")]
    article_requests = [r for r in requests if "/article/" in r]
    assert len(article_requests) == len(set(article_requests)) == len(expected_records())


def test_field_order_is_stable(crawl: dict) -> None:
    from newscrawl.records import RECORD_FIELDS

    for line in crawl["files"][0].read_text("utf-8").splitlines():
        assert tuple(json.loads(line)) == RECORD_FIELDS


def test_demo_command_writes_output(tmp_path: Path) -> None:
    from newscrawl.cli import main

    assert main(["demo", "--output-dir", str(tmp_path)]) == 0
    files = list(tmp_path.glob("daily8/*.jsonl"))
    assert len(files) == 1
    assert len(files[0].read_text("utf-8").splitlines()) == len(expected_records())


def test_crawl_logs_no_deprecation_warning(crawl: dict) -> None:
    assert "DeprecationWarning" not in crawl["result"].stderr
