"""The crawl state store, the durable JSONL writer and start-up recovery, without a crawl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.output.batch import BatchWriter
from newscrawl.output.jsonl import DurableJsonlFile, complete_lines, repair_torn_tail
from newscrawl.output.recovery import recover
from newscrawl.output.runfiles import new_run_file, run_stamp, summary_path
from newscrawl.records import RECORD_FIELDS
from newscrawl.state import (
    CHANGED,
    CLAIMED,
    NEW,
    UNCHANGED,
    Emission,
    SQLiteStateStore,
    StateStore,
    content_fingerprint,
)
from newscrawl.state.lock import FileLock, StateLocked

NOW = "2026-11-28T00:00:00+00:00"


def record(n: int, body: str = "Body.", version: int = 1) -> dict:
    """A record with the fields the state layer reads."""
    return {
        "url": f"http://127.0.0.1:1/en/article/{n}",
        "canonicalUrl": f"https://www.daily8.com/en/article/{n}",
        "articleId": f"daily8:{n}",
        "version": version,
        "headline": f"Headline {n}",
        "articleBody": body,
        "dateDownloaded": NOW,
    }


def emission(rec: dict) -> Emission:
    return Emission(rec["articleId"], content_fingerprint(rec), rec["version"])


def writer(tmp_path: Path, store: StateStore, name: str = "run.jsonl") -> BatchWriter:
    return BatchWriter(DurableJsonlFile(tmp_path / "out" / name), store, RECORD_FIELDS, lambda: NOW)


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStateStore:
    return SQLiteStateStore(tmp_path / "state" / "daily8.sqlite3")


def test_sqlite_store_satisfies_the_protocol(store: SQLiteStateStore) -> None:
    checked: StateStore = store
    assert checked.get("daily8:1") is None


def test_seen_then_emitted_then_unchanged(store: SQLiteStateStore) -> None:
    state = store.seen("daily8:1", NOW)
    assert (state.version, state.first_seen, state.fingerprint) == (0, NOW, None)
    store.record_emitted(None, [Emission("daily8:1", "fp1", 1)], NOW)
    later = store.seen("daily8:1", "2026-11-28T01:00:00+00:00")
    assert later.first_seen == NOW and later.last_seen.startswith("2026-11-28T01")
    assert later.unchanged("fp1") and not later.unchanged("fp2")
    assert later.version == 1 and later.last_emitted == NOW


def test_a_claim_reserves_the_next_version_until_emitted(store: SQLiteStateStore) -> None:
    first = store.claim("daily8:1", "fp1", NOW, "http://h/1")
    assert (first.granted, first.version, first.outcome) == (True, 1, NEW)
    assert store.claim("daily8:1", "fp1", NOW, "http://h/1").outcome == CLAIMED
    store.record_emitted(None, [Emission("daily8:1", "fp1", 1)], NOW)
    assert store.claim("daily8:1", "fp1", NOW, "http://h/1").outcome == UNCHANGED
    second = store.claim("daily8:1", "fp2", NOW, "http://h/1")
    assert (second.version, second.outcome) == (2, CHANGED)
    assert store.release_claims() == ["http://h/1"]
    assert store.claim("daily8:1", "fp2", NOW, "http://h/1").version == 2


def test_state_survives_reopening(tmp_path: Path, store: SQLiteStateStore) -> None:
    store.record_emitted(None, [Emission("daily8:1", "fp", 3)], NOW)
    store.close()
    again = SQLiteStateStore(tmp_path / "state" / "daily8.sqlite3")
    state = again.get("daily8:1")
    assert state is not None and state.version == 3


def test_fingerprint_ignores_fetch_time_host_and_related() -> None:
    base = record(1)
    moved = {**base, "url": "http://localhost:2/x", "dateDownloaded": "2030", "related": [1]}
    assert content_fingerprint(base) == content_fingerprint(moved)
    assert content_fingerprint(base) != content_fingerprint({**base, "headline": "Other"})


def test_exact_dates_are_content_visible_relative_ones_are_not() -> None:
    visible = {**record(1), "datePublishedBasis": "visible", "datePublished": "2026-11-21"}
    shifted = {**visible, "datePublished": "2026-11-22"}
    assert content_fingerprint(visible) == content_fingerprint(shifted)
    exact = {**visible, "datePublishedBasis": "jsonld"}
    assert content_fingerprint(exact) != content_fingerprint({**exact, "datePublished": "2027"})


def test_batch_is_durable_then_marked_emitted(tmp_path: Path, store: SQLiteStateStore) -> None:
    out = writer(tmp_path, store)
    recs = [record(1), record(2)]
    for rec in recs:
        out.add(rec, emission(rec))
    assert store.get("daily8:1") is None  # buffered, not emitted
    assert out.flush() == 2
    lines = (tmp_path / "out" / "run.jsonl").read_text("utf-8").splitlines()
    assert [tuple(json.loads(x)) for x in lines] == [RECORD_FIELDS] * 2
    state = store.get("daily8:2")
    assert state is not None and state.version == 1
    assert store.pending_batches() == []


class CrashAfterFsync(Exception):
    """Stands for a kill between the fsync of the JSONL and the SQLite commit."""


class CrashingStore(SQLiteStateStore):
    def record_emitted(self, batch_id, emissions, at):  # type: ignore[no-untyped-def]
        raise CrashAfterFsync


def test_kill_between_fsync_and_commit_is_reconciled(tmp_path: Path) -> None:
    db = tmp_path / "state" / "daily8.sqlite3"
    crashing = CrashingStore(db)
    out = writer(tmp_path, crashing)
    recs = [record(1), record(2, version=2)]
    for rec in recs:
        out.add(rec, emission(rec))
    with pytest.raises(CrashAfterFsync):
        out.flush()
    crashing.db.close()  # the process died: nothing else is committed

    store = SQLiteStateStore(db)
    assert store.get("daily8:1") is None  # the crash lost the commit
    report = recover(store, tmp_path / "out", NOW)
    assert (report.batches_reconciled, report.records_reconciled) == (1, 2)
    state = store.get("daily8:2")
    assert state is not None and state.version == 2
    assert state.unchanged(content_fingerprint(recs[1]))  # the next run will not write it again
    assert store.pending_batches() == []


def test_kill_before_any_byte_is_written_discards_the_journal(
    tmp_path: Path, store: SQLiteStateStore
) -> None:
    path = tmp_path / "out" / "run.jsonl"
    DurableJsonlFile(path).close()
    store.begin_batch(str(path), 0)
    report = recover(store, tmp_path / "out", NOW)
    assert report.batches_discarded == 1 and store.pending_batches() == []


def test_torn_line_in_pending_batch_is_cut_and_only_complete_lines_count(
    tmp_path: Path, store: SQLiteStateStore
) -> None:
    path = tmp_path / "out" / "run.jsonl"
    whole = json.dumps(record(1)) + "\n"
    path.parent.mkdir(parents=True)
    path.write_text(whole + json.dumps(record(2))[:25], encoding="utf-8")
    store.begin_batch(str(path), 0)
    report = recover(store, tmp_path / "out", NOW)
    assert path.read_text("utf-8") == whole
    assert report.torn_files == [str(path)] and report.records_reconciled == 1
    assert store.get("daily8:2") is None  # never durably written: fetched again next run


def test_torn_last_line_of_any_earlier_file_is_repaired(tmp_path: Path, store) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(b'{"a": 1}\n{"b"')
    (folder / "b.jsonl").write_bytes(b'{"a": 1}\n')
    (folder / "c.jsonl").write_bytes(b'{"no newline at all"')
    report = recover(store, folder, NOW)
    assert sorted(Path(p).name for p in report.torn_files) == ["a.jsonl", "c.jsonl"]
    assert (folder / "a.jsonl").read_bytes() == b'{"a": 1}\n'
    assert (folder / "c.jsonl").read_bytes() == b""
    assert repair_torn_tail(folder / "b.jsonl") == 0


def test_complete_lines_stop_at_a_partial_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"1\n2\n3")
    assert list(complete_lines(path)) == [b"1\n", b"2\n"]
    assert list(complete_lines(path, 2)) == [b"2\n"]


def test_run_files_never_collide(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    started = datetime(2026, 11, 28, 2, 17, 0, 500, tzinfo=UTC)
    assert run_stamp(started) == "2026-11-28T02-17-00+00-00"
    first = new_run_file(tmp_path, started)
    DurableJsonlFile(first).close()
    second = new_run_file(tmp_path, started)
    assert second.name == "2026-11-28T02-17-00+00-00-2.jsonl"
    assert summary_path(second).name == "2026-11-28T02-17-00+00-00-2.summary.json"


def test_file_lock_is_exclusive(tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "daily8.lock")
    with pytest.raises(StateLocked):
        FileLock(tmp_path / "daily8.lock")
    lock.release()
    FileLock(tmp_path / "daily8.lock").release()
