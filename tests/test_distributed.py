"""Distributed crawling: N workers on one Redis frontier (scrapy-redis), exactly-once output."""

from __future__ import annotations

import asyncio
import itertools
import json
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from redis import Redis
from scrapy import Request
from scrapy.crawler import CrawlerRunner
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from newscrawl.cli import main as cli_main
from newscrawl.cli.seed import seed
from newscrawl.demo.server import serve_site
from newscrawl.distributed.config import apply_distributed_settings
from newscrawl.distributed.dupefilter import ArticleDupeFilter
from newscrawl.distributed.emitted import RedisEmittedSet
from newscrawl.distributed.frontier import Frontier, Keys
from newscrawl.distributed.leases import LeaseBook
from newscrawl.distributed.politeness import DomainLimiter
from newscrawl.distributed.reconcile import reconcile_pending
from newscrawl.profiles import load_profile
from newscrawl.spiders.daily8 import Daily8Spider
from tests.distributed_helpers import (
    REDIS_SERVER,
    build_scaled_site,
    records,
    redis_server,
    start_worker,
    wait_for,
)

pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not on PATH (apt-get install redis-server)"
)
KEYS = Keys.for_spider("daily8")
#: 13 copies of the 16 bundled demo articles: 208 articles, 35 listing pages, hashtag pages.
COPIES = 13
#: The crash test crawls a smaller site (96 articles) to keep the suite fast.
CRASH_COPIES = 6


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A private redis-server for this module."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def server(redis_url: str) -> Redis:
    """A client on an empty database."""
    client = Redis.from_url(redis_url)
    client.flushdb()
    return client


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A generated demo site of 208 articles and its article ids."""
    site = tmp_path_factory.mktemp("site")
    return site, build_scaled_site(site, COPIES)


@pytest.fixture(scope="module")
def crash_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A generated demo site of 96 articles and its article ids."""
    site = tmp_path_factory.mktemp("crash-site")
    return site, build_scaled_site(site, CRASH_COPIES)


# -- the switch ------------------------------------------------------------------------------
def test_without_redis_url_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    settings = get_project_settings()
    before = {k: settings[k] for k in ("SCHEDULER", "DUPEFILTER_CLASS", "FEED_STORAGES")}
    assert apply_distributed_settings(settings) is False
    assert {k: settings[k] for k in before} == before
    crawler = CrawlerRunner(get_project_settings()).create_crawler(Daily8Spider)
    assert "newscrawl.pipelines.DeduplicationPipeline" in crawler.settings.getdict("ITEM_PIPELINES")
    assert "distributed" not in json.dumps(crawler.settings.getdict("DOWNLOADER_MIDDLEWARES"))


def test_redis_url_turns_spiders_into_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    crawler = CrawlerRunner(get_project_settings()).create_crawler(Daily8Spider)
    settings = crawler.settings
    assert settings["SCHEDULER"] == "newscrawl.distributed.scheduler.RedisScheduler"
    assert settings["DUPEFILTER_CLASS"] == "newscrawl.distributed.dupefilter.ArticleDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST")
    pipelines = {_name(k): v for k, v in settings.getdict("ITEM_PIPELINES").items()}
    assert "DeduplicationPipeline" not in pipelines
    assert "IncrementalOutputPipeline" not in pipelines
    assert pipelines["RedisEmitPipeline"] > max(
        v for k, v in pipelines.items() if k != "RedisEmitPipeline"
    )
    middlewares = {_name(k) for k in settings.getdict("DOWNLOADER_MIDDLEWARES")}
    assert {
        "LeaseDownloaderMiddleware",
        "RedisPolitenessMiddleware",
        "FetchTimeMiddleware",
    } <= middlewares
    assert any("%(worker_id)s" in uri for uri in settings.getdict("FEEDS"))


def _name(key: Any) -> str:
    """Class name of a component key."""
    return key.rsplit(".", 1)[-1] if isinstance(key, str) else key.__name__


def test_explicit_feeds_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings({"REDIS_URL": "redis://x", "FEEDS": {"out.jsonl": {"format": "jsonlines"}}})
    assert apply_distributed_settings(settings)
    assert list(settings.getdict("FEEDS")) == ["out.jsonl"]


# -- frontier, leases, claims -----------------------------------------------------------------
def test_push_is_deduplicated_atomically_and_pop_leases(server: Redis) -> None:
    frontier = Frontier(server, KEYS, "w1", ttl=5)
    assert frontier.push(b"a", 0, "fp-a")
    assert not frontier.push(b"a again", 0, "fp-a")
    assert frontier.push(b"seed", -1, "")  # no fingerprint: never filtered
    lease, data = frontier.pop() or ("", b"")
    assert data == b"seed"  # score -1 (priority 1) first
    assert frontier.own_inflight() == 1 and frontier.queued() == 1
    frontier.ack(lease)
    assert frontier.own_inflight() == 0


def test_push_replacing_a_lease_acks_it(server: Redis) -> None:
    frontier = Frontier(server, KEYS, "w1", ttl=5)
    frontier.push(b"page", 0)
    lease, _ = frontier.pop() or ("", b"")
    assert frontier.push(b"page, redirected", 0, "fp-r", replaces=lease)
    assert frontier.own_inflight() == 0 and frontier.queued() == 1


def test_leases_of_a_dead_worker_go_back_to_the_queue(server: Redis) -> None:
    dead = Frontier(server, KEYS, "w1", ttl=0.3)
    dead.join()
    for data in (b"x", b"y"):
        dead.push(data, -3)
    dead.pop(), dead.pop()
    alive = Frontier(server, KEYS, "w2", ttl=5)
    alive.join()
    assert alive.recover_dead() == 0  # w1's heartbeat is still alive
    assert alive.busy()  # w1 still has requests in flight
    time.sleep(0.4)
    assert alive.recover_dead() == 2
    assert server.zrange(KEYS.queue, 0, -1, withscores=True) == [(b"x", -3.0), (b"y", -3.0)]


def test_restarted_worker_waits_for_its_old_heartbeat_and_requeues_its_leases(
    server: Redis,
) -> None:
    first = Frontier(server, KEYS, "w1", ttl=0.3)
    first.join()
    first.push(b"in flight", 0)
    first.pop()
    second = Frontier(server, KEYS, "w1", ttl=5)
    started = time.monotonic()
    second.join()
    assert time.monotonic() - started >= 0.1
    assert second.requeue("w1", only_if_dead=False) == 1
    assert second.queued() == 1 and second.own_inflight() == 0


def test_an_article_is_claimed_by_one_worker_only(server: Redis) -> None:
    one, two = RedisEmittedSet(server, KEYS, "w1"), RedisEmittedSet(server, KEYS, "w2")
    assert one.claim("daily8:a", "http://h/en/article/a")
    assert not two.claim("daily8:a", "http://other/en/article/a")
    assert one.pending() == {"daily8:a": "http://h/en/article/a"} and two.pending() == {}
    one.confirm("daily8:a")
    assert one.pending() == {} and two.is_emitted("daily8:a")


def test_restart_settles_pending_claims_from_the_output_files(
    server: Redis, tmp_path: Path
) -> None:
    emitted = RedisEmittedSet(server, KEYS, "w1")
    emitted.claim("daily8:written", "http://h/en/article/written")
    emitted.claim("daily8:lost", "http://h/en/article/lost")
    out = tmp_path / "daily8" / "2026-11-28T00-00-00+00-00-w1.jsonl"
    out.parent.mkdir()
    out.write_text('{"articleId": "daily8:written"}\n{"articleId": "daily8:tru', "utf-8")
    counts: Counter[str] = Counter()
    worker = SimpleNamespace(
        emitted=emitted,
        id="w1",
        crawler=SimpleNamespace(
            settings=Settings({"FEEDS": {f"{tmp_path}/%(name)s/%(time)s-%(worker_id)s.jsonl": {}}})
        ),
        count=lambda key, n=1: counts.update({key: n}),
    )
    requeued: list[str] = []
    reconcile_pending(worker, SimpleNamespace(name="daily8"), requeued.append)  # type: ignore[arg-type]
    assert requeued == ["http://h/en/article/lost"]
    assert emitted.pending() == {}
    assert emitted.is_emitted("daily8:written") and not emitted.is_emitted("daily8:lost")
    assert counts == {"claims/confirmed_on_start": 1, "claims/requeued_on_start": 1}


def test_lease_is_acked_when_output_and_items_are_done() -> None:
    acked: list[str] = []
    book = LeaseBook(acked.append)
    book.output_started("1")
    book.item_started("1")
    book.output_finished("1")
    assert acked == []  # its item is still in the pipelines
    book.item_finished("1")
    assert acked == ["1"]
    book.output_started("2")
    book.output_finished("2")
    book.failed("3")
    assert acked == ["1", "2", "3"] and book.outstanding() == 0


def test_article_urls_on_any_host_share_one_fingerprint(server: Redis) -> None:
    dupefilter = ArticleDupeFilter(server, KEYS.dupefilter)
    dupefilter.profile = load_profile("daily8")
    article = "/en/article/" + "ab" * 16
    one = dupefilter.request_fingerprint(Request("http://127.0.0.1:1" + article))
    two = dupefilter.request_fingerprint(Request("http://localhost:1" + article))
    listing = dupefilter.request_fingerprint(Request("http://127.0.0.1:1/en/page/2"))
    assert one == two == "article:daily8:" + "ab" * 16
    assert listing != one


# -- politeness -------------------------------------------------------------------------------
def test_per_domain_limits_hold_across_workers(redis_url: str) -> None:
    """Two workers' limiters together never exceed 2 concurrent downloads, 50 ms apart."""
    limiters = [
        DomainLimiter(Redis.from_url(redis_url), "daily8:polite", 2, 0.05, 30) for _ in range(2)
    ]
    starts: list[float] = []
    active, peak = 0, 0

    async def download(limiter: DomainLimiter) -> None:
        nonlocal active, peak
        token = await limiter.acquire("example.org")
        starts.append(time.monotonic())
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.12)
        active -= 1
        limiter.release("example.org", token)

    async def crawl() -> None:
        await asyncio.gather(*(download(limiters[i % 2]) for i in range(12)))

    asyncio.run(crawl())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert peak == 2
    assert min(gaps) >= 0.045, gaps


# -- seeding ----------------------------------------------------------------------------------
def test_seed_command_pushes_reports_and_resets(
    redis_url: str, server: Redis, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["seed", "daily8", "http://a.example/en", "--redis-url", redis_url]) == 0
    assert server.lrange(KEYS.start_urls, 0, -1) == [b'{"url": "http://a.example/en"}']
    capsys.readouterr()
    assert cli_main(["seed", "daily8", "--status", "--redis-url", redis_url]) == 0
    assert json.loads(capsys.readouterr().out)["seeds_waiting"] == 1
    assert cli_main(["seed", "daily8", "--reset", "--redis-url", redis_url]) == 0
    assert not server.exists(KEYS.start_urls)


# -- real crawls: two worker processes on one frontier ------------------------------------------
def _crawl(redis_url: str, site: Path, tmp: Path, kill_after: int | None = None) -> dict[str, Any]:
    """Run workers w1, w2 on the site; optionally SIGKILL w1 after `kill_after` records and
    restart it. Return the records of each worker and the logs."""
    server = Redis.from_url(redis_url)
    server.flushdb()
    logs = {w: tmp / f"{w}.log" for w in ("w1", "w2")}
    with serve_site(site) as (base, _requests):
        workers = {w: start_worker(w, base, redis_url, tmp / w, logs[w]) for w in logs}
        wait_for(lambda: all(server.exists(KEYS.heartbeat(w)) for w in logs), 60, "no join")
        seed(server, KEYS, [f"{base}/en"])
        if kill_after is not None:
            wait_for(
                lambda: len(records(tmp / "w1")) >= kill_after and server.hlen(KEYS.inflight("w1")),
                60,
                "w1 never got going",
            )
            workers["w1"].send_signal(signal.SIGKILL)
            workers["w1"].wait(10)
            workers["w1"] = start_worker("w1", base, redis_url, tmp / "w1", logs["w1"])
        for process in workers.values():
            try:
                process.wait(90)
            except subprocess.TimeoutExpired:
                process.kill()
                raise
    return {
        "records": {w: records(tmp / w) for w in logs},
        "logs": {w: path.read_text("utf-8", errors="replace") for w, path in logs.items()},
        "codes": {w: p.returncode for w, p in workers.items()},
    }


def _assert_exactly_once(result: dict[str, Any], expected: set[str]) -> None:
    """Every article of the site in exactly one record across all workers' outputs."""
    ids = Counter(r["articleId"] for recs in result["records"].values() for r in recs)
    assert set(ids) == expected, (len(set(ids)), len(expected))
    assert [i for i, n in ids.items() if n > 1] == []


def test_two_workers_emit_every_article_exactly_once(
    redis_url: str, big_site: tuple[Path, set[str]], tmp_path: Path
) -> None:
    site, expected = big_site
    result = _crawl(redis_url, site, tmp_path)
    assert result["codes"] == {"w1": 0, "w2": 0}, result["logs"]["w1"][-3000:]
    _assert_exactly_once(result, expected)
    assert all(len(recs) > 0 for recs in result["records"].values())  # both did work
    for log in result["logs"].values():
        assert "DeprecationWarning" not in log
        assert "crawl idle for 1s, closing" in log
        assert "stale_released" not in log  # every lease was acked when its work was done
        assert "ERROR" not in log


def test_a_killed_and_restarted_worker_loses_nothing(
    redis_url: str, crash_site: tuple[Path, set[str]], tmp_path: Path
) -> None:
    site, expected = crash_site
    result = _crawl(redis_url, site, tmp_path, kill_after=20)
    assert result["codes"] == {"w1": 0, "w2": 0}
    _assert_exactly_once(result, expected)
    assert len(list((tmp_path / "w1").glob("daily8/*-w1.jsonl"))) == 2  # killed run + restart
    logs = result["logs"]
    assert "requeued" in logs["w1"] + logs["w2"]  # the killed run's in-flight requests
    assert "DeprecationWarning" not in logs["w1"] + logs["w2"]
