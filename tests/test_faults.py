"""A real `scrapy crawl daily8` against the fault-injecting server (tests/faultserver.py).

Per fault: the crawl goes on, a log line names the URL and the reason, a `newscrawl/...`
stat counts it, servable pages give their record, and nothing reaches a forbidden host.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from newscrawl.crawl import run_crawl
from tests.demo_site import FROZEN, expected_records
from tests.faultserver import Fault, serve_faults

STAT = re.compile(r"'(newscrawl/[^']+)': (\d+)")
SETTINGS = {
    "NEWSCRAWL_FETCHED_AT": FROZEN,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "CONCURRENT_REQUESTS": 32,
    "DOWNLOAD_TIMEOUT": 5,
    "RETRY_TIMES": 1,
    "REDIRECT_MAX_TIMES": 5,
}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Crawl the fault site once; return records, log, stats and what each server saw."""
    out = tmp_path_factory.mktemp("faults")
    with serve_faults() as site:
        result = run_crawl(
            "daily8",
            {"start_url": f"{site.base}/en/hashtag/faults", "also_allow": "localhost"},
            {"NEWSCRAWL_OUTPUT_DIR": out, "NEWSCRAWL_STATE_DIR": out / "state", **SETTINGS},
            timeout=240,
        )
        requests, forbidden = list(site.requests), list(site.forbidden_requests)
    files = sorted(out.glob("daily8/*.jsonl"))
    text = "".join(f.read_text("utf-8") for f in files)
    stats_dump = result.stderr.rpartition("Dumping Scrapy stats")[2]
    return {
        "site": site,
        "result": result,
        "files": files,
        "text": text,
        "records": {r["url"]: r for r in map(json.loads, text.splitlines())},
        "log": result.stderr,
        "stats": {k: int(v) for k, v in STAT.findall(stats_dump)},
        "requests": requests,
        "forbidden": forbidden,
    }


def checked(crawl: dict[str, Any]) -> list[Fault]:
    """The faults with their own expectation (not mere redirect hops)."""
    return [f for f in crawl["site"].faults if f.expect != "hop"]


def fault_problems(crawl: dict[str, Any], fault: Fault) -> list[str]:
    """What is wrong with the crawl's handling of one fault (empty when handled)."""
    url = crawl["site"].base + fault.path
    if fault.expect == "record":
        record = crawl["records"].get(url)
        if record is None:
            return [f"{fault.name}: no record for servable page {url}"]
        body = record["articleBody"]
        if fault.contains and fault.contains not in body:
            return [f"{fault.name}: body lacks {fault.contains!r}: {body[:80]!r}"]
        return [f"{fault.name}: U+FFFD in body"] if "\ufffd" in body else []
    problems = []
    if crawl["stats"].get(f"newscrawl/{fault.expect}", 0) < 1:
        problems.append(f"{fault.name}: stat newscrawl/{fault.expect} not counted")
    target = fault.target or url
    reason = fault.expect.rsplit("/", 1)[-1]
    lines = [line for line in crawl["log"].splitlines() if target in line]
    if fault.expect != "links/offsite" and not any(
        reason in line or "refused" in line or "not following" in line for line in lines
    ):
        problems.append(f"{fault.name}: no log line names {target} with reason {reason}")
    if url in crawl["records"]:
        problems.append(f"{fault.name}: unexpected record")
    return problems


def test_crawl_survives_every_fault(crawl: dict[str, Any]) -> None:
    result = crawl["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    crashes = [
        line
        for line in crawl["log"].splitlines()
        if " ERROR: " in line or " CRITICAL: " in line or line.startswith("Traceback")
    ]
    assert crashes == []
    assert "Spider closed (finished)" in crawl["log"]


def test_each_fault_is_logged_counted_or_recorded(
    crawl: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    problems = [p for fault in checked(crawl) for p in fault_problems(crawl, fault)]
    faults = checked(crawl)
    forbidden = crawl["forbidden"]
    lost = [p for p in problems if "no record" in p]
    with capsys.disabled():
        print(
            f"\nfault server: {len(faults)} faults injected, "
            f"{len(faults) - len(problems)} survived "
            f"as specified; crashes: 0; lost records: {len(lost)}; "
            f"requests to disallowed hosts: {len(forbidden)}"
        )
    assert problems == []


def test_every_servable_demo_article_is_recorded(crawl: dict[str, Any]) -> None:
    by_path = {urlsplit(url).path: record for url, record in crawl["records"].items()}
    for expected in expected_records():
        record = by_path.get(expected["path"])
        assert record is not None, expected["path"]
        assert record["headline"] == expected["headline"]


def test_no_request_reaches_a_forbidden_host(crawl: dict[str, Any]) -> None:
    assert crawl["forbidden"] == []
    disallowed = [f.path for f in crawl["site"].faults if f.name == "robots-disallowed"]
    assert not [r for r in crawl["requests"] if r in disallowed]


def test_output_is_whole_json_lines(crawl: dict[str, Any]) -> None:
    assert len(crawl["files"]) == 1
    assert crawl["text"].endswith("\n")
    lines = crawl["text"].splitlines()
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert len(lines) == len(crawl["records"])  # one record per URL


def test_retry_after_is_honoured(crawl: dict[str, Any]) -> None:
    assert crawl["stats"].get("newscrawl/retry_after/waited", 0) >= 1
    assert crawl["stats"].get("newscrawl/retry_after/too_long", 0) >= 1


def test_pages_with_lying_charsets_are_recovered(crawl: dict[str, Any]) -> None:
    assert crawl["stats"].get("newscrawl/pages/charset_mismatch", 0) >= 3
