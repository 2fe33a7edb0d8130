"""The run summary: a JSON file beside the run's JSONL and a table at the end of the log."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.output.runfiles import summary_path

logger = logging.getLogger(__name__)
OUTPUT_FILE_STAT = "newscrawl/output/file"


def with_prefix(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    """Stats under `prefix`, keyed by the rest of their name."""
    return {
        k.removeprefix(prefix): int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)
    }


def errors_by_kind(stats: Mapping[str, Any]) -> dict[str, int]:
    """Errors counted by Scrapy and by newscrawl, one key per kind."""
    errors = with_prefix(stats, "newscrawl/errors/")
    errors |= {
        f"download/{k}": v
        for k, v in with_prefix(stats, "downloader/exception_type_count/").items()
    }
    errors |= {f"spider/{k}": v for k, v in with_prefix(stats, "spider_exceptions/").items()}
    statuses = with_prefix(stats, "downloader/response_status_count/")
    errors |= {f"http/{k}": v for k, v in statuses.items() if k.isdigit() and int(k) >= 400}
    if stats.get("retry/max_reached"):
        errors["retry/max_reached"] = int(stats["retry/max_reached"])
    return errors


def run_summary(
    stats: Mapping[str, Any], spider: str, reason: str, finished: datetime
) -> dict[str, Any]:
    """The figures of one run, from its final stats."""
    started = stats.get("start_time")
    duration = (finished - started).total_seconds() if isinstance(started, datetime) else None
    emitted = stats.get("newscrawl/records/emitted", 0)
    return {
        "spider": spider,
        "started": started.isoformat() if isinstance(started, datetime) else None,
        "finished": finished.isoformat(),
        "finish_reason": reason,
        "duration_seconds": round(duration, 3) if duration is not None else None,
        "output": stats.get(OUTPUT_FILE_STAT),
        "pages_fetched": stats.get("response_received_count", 0),
        "records_emitted": emitted,
        "records_new": stats.get("newscrawl/records/new", 0),
        "records_changed": stats.get("newscrawl/records/changed", 0),
        "records_skipped_unchanged": stats.get("newscrawl/records/skipped_unchanged", 0),
        "records_dropped": with_prefix(stats, "newscrawl/dropped/"),
        "records_recovered_from_killed_run": stats.get("newscrawl/recovery/records_reconciled", 0),
        "dates_unresolved": stats.get("newscrawl/dates/unresolved", 0),
        "errors": errors_by_kind(stats),
    }


def summary_table(summary: Mapping[str, Any]) -> str:
    """The summary as an aligned, readable table."""
    rows: list[tuple[str, Any]] = [
        ("spider", summary["spider"]),
        ("finish reason", summary["finish_reason"]),
        ("duration (s)", summary["duration_seconds"]),
        ("pages fetched", summary["pages_fetched"]),
        ("records emitted", summary["records_emitted"]),
        ("  new", summary["records_new"]),
        ("  changed (new version)", summary["records_changed"]),
        ("records skipped unchanged", summary["records_skipped_unchanged"]),
        ("recovered from a killed run", summary["records_recovered_from_killed_run"]),
        ("dates unresolved", summary["dates_unresolved"]),
    ]
    rows += [(f"dropped: {k}", v) for k, v in summary["records_dropped"].items()] or [
        ("dropped", 0)
    ]
    rows += [(f"error: {k}", v) for k, v in summary["errors"].items()] or [("errors", 0)]
    rows.append(("output", summary["output"] or "(FEEDS)"))
    width = max(len(label) for label, _ in rows)
    lines = [f"  {label:<{width}}  {value}" for label, value in rows]
    return "\n".join(["Run summary", *lines])


def write_json_atomically(path: Path, data: Mapping[str, Any]) -> None:
    """Write JSON to a temporary file, fsync, rename: readers never see half a summary."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


class RunSummaryExtension:
    """On spider close: write `<run start>.summary.json` and log the summary table."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummaryExtension:
        """Build and connect."""
        return cls(crawler)

    def engine_stopped(self) -> None:
        """Summarise the run (after the stats dump, so the table ends the log)."""
        if self.crawler.stats is None or self.crawler.spider is None:
            return
        stats = self.crawler.stats.get_stats()
        reason = str(stats.get("finish_reason", "unknown"))
        summary = run_summary(stats, self.crawler.spider.name, reason, datetime.now(UTC))
        output = stats.get(OUTPUT_FILE_STAT)
        if output:
            target = summary_path(Path(output))
            try:
                write_json_atomically(target, summary)
                summary["summary_file"] = str(target)
            except OSError as exc:
                logger.error("cannot write the run summary %s: %s", target, exc)
        logger.info("%s", summary_table(summary))
