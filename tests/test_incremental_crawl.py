"""Scheduled, incremental crawls of the demo site: killed at random moments, or re-run after
the site changed, they emit every article exactly once and then only what is new or changed."""

from __future__ import annotations

import copy
import os
import random
import shutil
import signal
import time
from collections import Counter
from pathlib import Path

from newscrawl.demo.server import serve_site
from newscrawl.demo.sitegen import build_site, load_content
from tests.demo_site import SITE, expected_records
from tests.incremental_crawl import (
    crawl,
    read_lines,
    run_files,
    start_crawl,
    summary_of,
    wait_for_line,
)

DEMO_IDS = {"daily8:" + e["path"].rsplit("/", 1)[1] for e in expected_records()}
#: Small batches and a little delay, so that kills land between and inside batches.
SLOW = {
    "NEWSCRAWL_BATCH_SIZE": 2,
    "NEWSCRAWL_BATCH_SECONDS": 0.2,
    "DOWNLOAD_DELAY": 0.1,
    "CONCURRENT_REQUESTS": 1,
}


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    seed = int(os.environ.get("NEWSCRAWL_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    log = tmp_path / "crawl.log"
    killed = 0
    with serve_site(SITE) as (base, _requests):
        for _ in range(3):
            start = log.stat().st_size if log.exists() else 0
            process = start_crawl(base, tmp_path, log, **SLOW)
            assert wait_for_line(log, "Spider opened", start), log.read_text()[-3000:]
            time.sleep(rng.uniform(0.1, 2.0))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed += 1
            process.wait(timeout=60)
        crawl(base, tmp_path)  # the run that completes
    records = [r for f in run_files(tmp_path) for r in read_lines(f)]
    counts = Counter(r["articleId"] for r in records)
    context = f"seed {seed}, {killed} kills; log {log}"
    assert killed >= 1, context
    assert set(counts) == DEMO_IDS, context
    assert max(counts.values()) == 1, (counts.most_common(3), context)
    assert {r["version"] for r in records} == {1}, context
    last = summary_of(run_files(tmp_path)[-1])
    assert last["finish_reason"] == "finished"
    assert last["records_emitted"] + last["records_skipped_unchanged"] == len(DEMO_IDS), context


def changed_content(content: dict) -> tuple[dict, str, str]:
    """The demo content with one article's body edited and one article added (linked)."""
    content = copy.deepcopy(content)
    articles = content["articles"]
    edited = articles[3]
    edited["paragraphs"][0] = "Correction: " + edited["paragraphs"][0]
    new = copy.deepcopy(articles[0])
    new["id"] = "0123456789abcdef0123456789abcdef"
    new["headline"] = "Port of Busan opens a fully electric container terminal"
    new["paragraphs"] = [
        "The port of Busan opened its first fully electric container terminal on Monday.",
        "Operators said the cranes and yard trucks run on power bought from offshore wind.",
    ]
    new["related"] = [articles[1]["id"], articles[2]["id"]]
    articles.insert(0, new)  # first on the home page
    return content, "daily8:" + edited["id"], "daily8:" + new["id"]


def test_second_run_emits_only_the_changed_and_the_new_article(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    with serve_site(site) as (base, _requests):
        crawl(base, tmp_path)
        first = read_lines(run_files(tmp_path)[0])
        assert {r["articleId"] for r in first} == DEMO_IDS
        assert {r["version"] for r in first} == {1}

        content, edited_id, new_id = changed_content(load_content(SITE / "content.json"))
        build_site(content, site, with_expected=False)
        crawl(base, tmp_path)
    files = run_files(tmp_path)
    assert len(files) == 2
    second = {r["articleId"]: r for r in read_lines(files[1])}
    assert set(second) == {edited_id, new_id}
    assert second[edited_id]["version"] == 2
    assert second[edited_id]["articleBody"].startswith("Correction: ")
    assert second[new_id]["version"] == 1
    summary = summary_of(files[1])
    assert (summary["records_emitted"], summary["records_new"], summary["records_changed"]) == (
        2,
        1,
        1,
    )
    assert summary["records_skipped_unchanged"] == len(DEMO_IDS) - 1
    assert summary["pages_fetched"] > len(DEMO_IDS)  # listings and articles visited again
