"""Distributed crawling: N workers on one Redis frontier (scrapy-redis), one shared incremental
state (RedisStateStore): exactly-once output, versions across runs, nothing lost to a kill."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from redis import Redis
from scrapy import Request
from scrapy.crawler import CrawlerRunner
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from scrapy_redis import picklecompat

from newscrawl.cli import main as cli_main
from newscrawl.cli.seed import reset, seed
from newscrawl.demo.server import serve_site
from newscrawl.demo.sitegen import build_site
from newscrawl.distributed.config import apply_distributed_settings
from newscrawl.distributed.dupefilter import ArticleDupeFilter
from newscrawl.distributed.frontier import Frontier, Keys
from newscrawl.distributed.leases import LeaseBook
from newscrawl.distributed.politeness import DomainLimiter
from newscrawl.output.jsonl import DurableJsonlFile
from newscrawl.output.recovery import recover
from newscrawl.pipelines import DeduplicationPipeline
from newscrawl.profiles import load_profile
from newscrawl.records import RECORD_FIELDS
from newscrawl.spiders.daily8 import Daily8Spider
from newscrawl.state import (
    CHANGED,
    CLAIMED,
    NEW,
    UNCHANGED,
    Emission,
    StateStore,
    content_fingerprint,
)
from newscrawl.state.redis_store import RedisStateStore
from tests.distributed_helpers import (
    REDIS_SERVER,
    build_scaled_site,
    kill_worker,
    lines_written,
    records,
    redis_server,
    run_files,
    scaled_content,
    start_worker,
    wait_for,
)
from tests.test_incremental_crawl import changed_content

pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not on PATH (apt-get install redis-server)"
)
KEYS = Keys.for_spider("daily8")
NOW, LATER = "2026-11-28T00:00:00+00:00", "2026-11-29T00:00:00+00:00"
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
    assert pipelines["IncrementalOutputPipeline"] == max(pipelines.values())  # same stage, last
    assert not settings.getdict("FEEDS")  # the incremental stage writes the output
    middlewares = {_name(k) for k in settings.getdict("DOWNLOADER_MIDDLEWARES")}
    assert {
        "LeaseDownloaderMiddleware",
        "RedisPolitenessMiddleware",
        "FetchTimeMiddleware",
    } <= middlewares


def _name(key: Any) -> str:
    """Class name of a component key."""
    return key.rsplit(".", 1)[-1] if isinstance(key, str) else key.__name__


def test_the_shared_claims_replace_the_per_process_dedup(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's own memory of article ids would lose an article released by a dead worker."""
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    crawler = CrawlerRunner(get_project_settings()).create_crawler(Daily8Spider)
    with pytest.raises(NotConfigured):
        DeduplicationPipeline.from_crawler(crawler)
    settings = get_project_settings()
    settings.set("FEEDS", {"out.jsonl": {"format": "jsonlines"}}, "cmdline")  # no claims
    crawler = CrawlerRunner(settings).create_crawler(Daily8Spider)
    assert DeduplicationPipeline.from_crawler(crawler).seen == set()


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


def test_a_seed_is_leased_until_its_request_is_queued(server: Redis) -> None:
    """A worker killed between reading seeds and queueing their requests loses none."""
    frontier = Frontier(server, KEYS, "w1", ttl=0.3)
    frontier.join()
    seed(server, KEYS, ["http://a.example/en", "http://b.example/en"])
    (lease_a, _), (_, message_b) = frontier.pop_seeds(16)
    assert frontier.seeds_waiting() == 0 and frontier.own_inflight() == 2
    assert frontier.push(b"request a", -1, "", replaces=lease_a)  # queued: lease handed over
    time.sleep(0.4)  # killed before queueing seed b: its heartbeat expires
    assert Frontier(server, KEYS, "w2", ttl=5).recover_dead() == 1
    assert server.lrange(KEYS.start_urls, 0, -1) == [message_b]
    assert server.zrange(KEYS.queue, 0, -1) == [b"request a"]


def test_an_article_version_is_claimed_by_one_worker_only(server: Redis) -> None:
    one = RedisStateStore(server, KEYS.state, "w1")
    two: StateStore = RedisStateStore(server, KEYS.state, "w2")
    url = "http://h/en/article/a"
    assert one.claim("daily8:a", "fp1", NOW, url).outcome == NEW
    assert two.claim("daily8:a", "fp1", NOW, url).outcome == CLAIMED  # unsettled elsewhere
    assert one.claim("daily8:a", "fp1", NOW, url).outcome == CLAIMED  # and for itself
    assert one.claims() == {"daily8:a": url}
    one.record_emitted(None, [Emission("daily8:a", "fp1", 1)], NOW)
    assert one.claims() == {}
    assert two.claim("daily8:a", "fp1", LATER, url).outcome == UNCHANGED
    changed = two.claim("daily8:a", "fp2", LATER, url)
    assert (changed.outcome, changed.version) == (CHANGED, 2)
    assert not one.claim("daily8:a", "fp3", LATER, url).granted
    two.record_emitted(None, [Emission("daily8:a", "fp2", 2)], LATER)
    state = one.get("daily8:a")
    assert state is not None
    assert (state.version, state.fingerprint, state.first_seen, state.last_emitted) == (
        2,
        "fp2",
        NOW,
        LATER,
    )
    assert one.counts() == {"known": 1, "emitted": 1}


def test_racing_workers_never_win_the_same_claim(redis_url: str, server: Redis) -> None:
    ids = [f"daily8:{n}" for n in range(300)]
    won: dict[str, list[str]] = {"w1": [], "w2": [], "w3": []}

    def claim_all(worker: str) -> None:
        store = RedisStateStore(Redis.from_url(redis_url), KEYS.state, worker)
        for article_id in ids:
            if store.claim(article_id, "fp", NOW, "http://h/x").granted:
                won[worker].append(article_id)

    threads = [threading.Thread(target=claim_all, args=(w,)) for w in won]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = Counter(i for claimed in won.values() for i in claimed)
    assert set(winners) == set(ids) and max(winners.values()) == 1


def test_restart_reconciles_the_journal_and_requeues_unwritten_claims(
    server: Redis, tmp_path: Path
) -> None:
    """A worker killed after writing part of a batch: the written records count as emitted,
    the others' claims are released (their URLs to crawl again); other files are untouched."""
    spider_dir = tmp_path / "daily8"
    store = RedisStateStore(server, KEYS.state, "w1")
    recs = [_record(n) for n in range(3)]
    for rec in recs:
        assert store.claim(rec["articleId"], content_fingerprint(rec), NOW, rec["url"]).granted
    path = spider_dir / "2026-11-28T00-00-00+00-00-w1.jsonl"
    file = DurableJsonlFile(path)
    lines = [json.dumps({k: r.get(k) for k in RECORD_FIELDS}) + "\n" for r in recs]
    batch = store.begin_batch(str(path), 0)
    file.append((lines[0] + lines[1][:30]).encode())  # killed mid-batch
    other = spider_dir / "2026-11-28T00-00-00+00-00-w2.jsonl"
    other.write_text(lines[2][:20], "utf-8")  # another worker's file, being written
    assert [b.batch_id for b in store.pending_batches()] == [batch]

    restarted = RedisStateStore(server, KEYS.state, "w1", (KEYS.queue, str.encode))
    report = recover(restarted, spider_dir, LATER, "-w1")

    assert (report.batches_reconciled, report.records_reconciled) == (1, 1)
    assert sorted(report.released_urls) == [recs[1]["url"], recs[2]["url"]]
    queued = server.zrange(KEYS.queue, 0, -1)  # released and requeued in one step
    assert sorted(queued) == [recs[1]["url"].encode(), recs[2]["url"].encode()]
    assert path.read_text("utf-8") == lines[0]
    assert other.read_text("utf-8") == lines[2][:20]
    assert store.pending_batches() == [] and store.claims() == {}
    emitted = store.get(recs[0]["articleId"])
    assert emitted is not None and emitted.version == 1
    released = RedisStateStore(server, KEYS.state, "w2").claim(
        recs[1]["articleId"], content_fingerprint(recs[1]), LATER, recs[1]["url"]
    )
    assert (released.outcome, released.version) == (NEW, 1)


def _record(n: int) -> dict[str, Any]:
    """A record with the fields the state layer reads."""
    return {
        "url": f"http://127.0.0.1:1/en/article/{n}",
        "articleId": f"daily8:{n}",
        "version": 1,
        "headline": f"Headline {n}",
        "articleBody": "Body.",
    }


def test_reset_clears_the_frontier_and_keeps_the_article_state(server: Redis) -> None:
    store = RedisStateStore(server, KEYS.state, "w1")
    store.record_emitted(None, [Emission("daily8:a", "fp", 1)], NOW)
    Frontier(server, KEYS, "w1", ttl=5).push(b"page", 0, "fp-page")
    assert reset(server, KEYS) == 2  # queue and dupefilter
    assert not server.exists(KEYS.queue) and not server.exists(KEYS.dupefilter)
    assert store.claim("daily8:a", "fp", LATER, "http://h/a").outcome == UNCHANGED
    assert reset(server, KEYS, keep_state=False) == 2  # the article and the counts
    assert store.get("daily8:a") is None


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
    redirect = Request(
        "https://localhost:1" + article, meta={"redirect_urls": ["http://h" + article]}
    )
    assert dupefilter.fingerprint_to_check(redirect) == ""  # the same article: not filtered
    elsewhere = redirect.replace(url="http://127.0.0.1:1/en/page/2")
    assert dupefilter.fingerprint_to_check(elsewhere) == listing


# -- politeness -------------------------------------------------------------------------------
def test_per_domain_limits_hold_across_workers(redis_url: str) -> None:
    """Two workers' limiters together never exceed 2 concurrent downloads, 250 ms apart.

    The interval is kept on Redis's clock and the starts are seen on ours, so the check allows
    100 ms of scheduling delay on a loaded machine.
    """
    limiters = [
        DomainLimiter(Redis.from_url(redis_url), "daily8:polite", 2, 0.25, 30) for _ in range(2)
    ]
    starts: list[float] = []
    active, peak = 0, 0

    async def download(limiter: DomainLimiter) -> None:
        nonlocal active, peak
        token = await limiter.acquire("example.org")
        starts.append(time.monotonic())
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.6)
        active -= 1
        limiter.release("example.org", token)

    async def crawl() -> None:
        await asyncio.gather(*(download(limiters[i % 2]) for i in range(8)))

    asyncio.run(crawl())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert peak == 2
    assert min(gaps) >= 0.15, gaps


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
    """Run workers w1, w2 on the site from an empty Redis; optionally run w1 alone, SIGKILL it
    after `kill_after` records (while it holds unwritten claims) and restart it beside w2.
    Return the records of each worker and the logs."""
    Redis.from_url(redis_url).flushdb()
    with serve_site(site) as (base, _requests):
        return _run_workers(redis_url, base, tmp, kill_after)


def _run_workers(
    redis_url: str, base: str, tmp: Path, kill_after: int | None = None
) -> dict[str, Any]:
    """One distributed run of w1 and w2 (output in tmp/w1, tmp/w2; logs appended), seeded with
    the site's home page; the records are those of the files this run created."""
    server = Redis.from_url(redis_url)
    logs = {w: tmp / f"{w}.log" for w in ("w1", "w2")}
    before = {w: set(run_files(tmp / w)) for w in logs}
    # Seed first: a worker that started alone on an empty frontier would be idle and exit
    # (after MAX_IDLE_TIME_BEFORE_CLOSE = 1 s) before the other one, slow to start, joined.
    seed(server, KEYS, [f"{base}/en"])
    # With a kill, w2 joins when w1 restarts: w1 alone reaches `kill_after` records while it
    # still holds work, however slow the machine (sharing, w1 might finish its part first).
    first = ["w1"] if kill_after is not None else list(logs)
    workers = {w: start_worker(w, base, redis_url, tmp / w, logs[w]) for w in first}
    try:
        if kill_after is not None:
            _kill_and_restart_w1(server, base, redis_url, tmp, workers, kill_after)
            workers["w2"] = start_worker("w2", base, redis_url, tmp / "w2", logs["w2"])
        for process in workers.values():
            process.wait(90)
    finally:
        for process in workers.values():  # only after a failure: never leave workers behind
            if process.poll() is None:
                kill_worker(process)
    new_files = {w: [f for f in run_files(tmp / w) if f not in before[w]] for w in logs}
    return {
        "records": {w: records(tmp / w, new_files[w]) for w in logs},
        "summaries": {w: _summaries(new_files[w]) for w in logs},
        "logs": {w: path.read_text("utf-8", errors="replace") for w, path in logs.items()},
        "codes": {w: p.returncode for w, p in workers.items()},
    }


def _kill_and_restart_w1(
    server: Redis,
    base: str,
    redis_url: str,
    tmp: Path,
    workers: dict[str, subprocess.Popen[bytes]],
    kill_after: int,
) -> None:
    """SIGKILL w1 (and its extraction pool) once it has written `kill_after` records and holds
    leases and unwritten claims; restart it with the same id and output folder."""
    claims = RedisStateStore(server, KEYS.state, "w1").claims_key
    wait_for(
        lambda: (
            lines_written(tmp / "w1") >= kill_after
            and server.hlen(KEYS.inflight("w1"))
            and server.hlen(claims)
        ),
        120,
        "w1 never got going",
    )
    kill_worker(workers["w1"])
    workers["w1"] = start_worker("w1", base, redis_url, tmp / "w1", tmp / "w1.log")


def _summaries(files: list[Path]) -> list[dict[str, Any]]:
    """The run summaries beside run files (a killed run has none)."""
    paths = [f.with_name(f.name.removesuffix(".jsonl") + ".summary.json") for f in files]
    return [json.loads(p.read_text("utf-8")) for p in paths if p.is_file()]


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
    assert {r["version"] for recs in result["records"].values() for r in recs} == {1}
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
    # Its claims not yet written were requeued; or, killed between a batch's fsync and its
    # commit, the batch was reconciled from its file.
    assert "was never written; requeued" in logs["w1"] or "a killed run wrote" in logs["w1"]
    assert "DeprecationWarning" not in logs["w1"] + logs["w2"]
    for path in run_files(tmp_path / "w1"):  # complete lines only (a torn one is cut on restart)
        assert path.read_bytes()[-1:] in (b"", b"\n")


def test_an_article_dropped_behind_a_dead_workers_claim_is_emitted_once_released(
    redis_url: str, tmp_path: Path
) -> None:
    """The window of a worker killed after claiming an article and before writing it, once its
    lease went back to the queue (killed before the ack, or presumed dead): another worker
    fetches the article and must drop it (the claim holds); when the killed worker restarts and
    releases the claim, the requeued URL must be emitted, even by the worker that dropped it."""
    site = tmp_path / "site"
    content = scaled_content(1)
    build_site(content, site, with_expected=False)
    ids = {f"daily8:{a['id']}" for a in content["articles"]}
    held = content["articles"][0]["id"]
    server = Redis.from_url(redis_url)
    server.flushdb()
    dead = Frontier(server, KEYS, "w0", ttl=60)
    dead.join()  # w0 looks alive and busy: w2 neither requeues its lease nor exits
    server.hset(KEYS.inflight("w0"), "0", "0 x")
    with serve_site(site) as (base, requests):
        url = f"{base}/en/article/{held}"
        w0 = RedisStateStore(server, KEYS.state, "w0", (KEYS.queue, _encode_url))
        assert w0.claim(f"daily8:{held}", "fp", NOW, url).outcome == NEW
        log = tmp_path / "w2.log"
        worker = start_worker("w2", base, redis_url, tmp_path / "w2", log)
        try:
            wait_for(lambda: server.exists(KEYS.heartbeat("w2")), 60, "no join")
            seed(server, KEYS, [f"{base}/en"])
            wait_for(  # w2 has done everything; the held article was fetched and dropped
                lambda: (
                    lines_written(tmp_path / "w2") == len(ids) - 1
                    and not server.zcard(KEYS.queue)
                    and not server.hlen(KEYS.inflight("w2"))
                ),
                60,
                "w2 never finished",
            )
            assert f"/en/article/{held}" in requests  # fetched (and dropped) while w0 held it
            # w0 restarts: its recovery releases the claim and requeues the URL, in one step.
            report = recover(w0, tmp_path / "w0" / "daily8", LATER, "-w0")
            assert report.released_urls == [url] and dead.queued() == 1
            server.delete(KEYS.inflight("w0"))
            dead.leave()
            worker.wait(60)
        finally:
            if worker.poll() is None:
                kill_worker(worker)
    assert worker.returncode == 0
    emitted = Counter(r["articleId"] for r in records(tmp_path / "w2"))
    assert set(emitted) == ids and max(emitted.values()) == 1


def _encode_url(url: str) -> bytes:
    """A queue member crawling `url` again, as a worker's scheduler encodes it."""
    return bytes(picklecompat.dumps(Request(url, dont_filter=True).to_dict()))


def test_second_distributed_run_emits_only_the_changed_and_the_new_article(
    redis_url: str, tmp_path: Path
) -> None:
    """Two workers crawl a site; it changes (one article edited, one added); after a frontier
    reset two workers crawl it again and emit exactly those two, the edited one as version 2."""
    site = tmp_path / "site"
    content = scaled_content(2)
    build_site(content, site, with_expected=False)
    ids = {f"daily8:{a['id']}" for a in content["articles"]}
    server = Redis.from_url(redis_url)
    server.flushdb()
    with serve_site(site) as (base, _requests):
        first = _run_workers(redis_url, base, tmp_path)
        _assert_exactly_once(first, ids)
        assert {r["version"] for recs in first["records"].values() for r in recs} == {1}

        changed, edited_id, new_id = changed_content(content)
        build_site(changed, site, with_expected=False)
        reset(server, KEYS)  # fetch every page again; the article state stays
        second = _run_workers(redis_url, base, tmp_path)
    assert first["codes"] == second["codes"] == {"w1": 0, "w2": 0}
    emitted = [r for recs in second["records"].values() for r in recs]
    assert sorted(r["articleId"] for r in emitted) == sorted([edited_id, new_id])
    by_id = {r["articleId"]: r for r in emitted}
    assert by_id[edited_id]["version"] == 2
    assert by_id[edited_id]["articleBody"].startswith("Correction: ")
    assert by_id[new_id]["version"] == 1
    summaries = [x for runs in second["summaries"].values() for x in runs]
    assert sum(x["records_changed"] for x in summaries) == 1
    assert sum(x["records_new"] for x in summaries) == 1
    assert sum(x["records_skipped_unchanged"] for x in summaries) == len(ids) - 1
    assert RedisStateStore(server, KEYS.state, "w1").counts() == {
        "known": len(ids) + 1,
        "emitted": len(ids) + 1,
    }
