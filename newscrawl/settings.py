"""Scrapy settings for newscrawl: safe, polite defaults for unattended crawls."""

from __future__ import annotations

import os

from newscrawl import __version__
from newscrawl.records import RECORD_FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# Who we are: set NEWSCRAWL_CONTACT (a URL or e-mail) so site owners can reach you.
NEWSCRAWL_CONTACT = os.environ.get("NEWSCRAWL_CONTACT", "https://github.com/newscrawl/newscrawl")
USER_AGENT = f"newscrawl/{__version__} (+{NEWSCRAWL_CONTACT})"

# Politeness.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
# Scrapy starts this many tasks per response to run its outputs through the pipelines; pages
# yield one item each, so 100 (the default) only costs reactor time.
CONCURRENT_ITEMS = 16
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_GIVE_UP_LOG_LEVEL = "INFO"  # the spider's errback logs the failure once, as a WARNING
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# 429/503: exponential backoff of the whole site (Retry-After honoured), see newscrawl/backoff.py.
NEWSCRAWL_BACKOFF_HTTP_CODES = [429, 503]
NEWSCRAWL_BACKOFF_BASE = 2.0  # seconds; doubled per retry of the same request
NEWSCRAWL_BACKOFF_MAX = 300.0

# Safety.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 15
REDIRECT_MAX_TIMES = 10
# Hostile pages and servers (docs/safety.md): http(s) only, no private addresses except the
# start URLs' own hosts (and `also_allow`), Retry-After honoured up to a bound, a memory cap.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}
NEWSCRAWL_ALLOW_PRIVATE_ADDRESSES = False
NEWSCRAWL_RETRY_AFTER_MAX = 60
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 2048
MEMUSAGE_WARNING_MB = 1536
TWISTED_DNS_RESOLVER = "newscrawl.resolver.SafeResolver"

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.backoff.BackoffRetryMiddleware": 550,
    "newscrawl.middlewares.FetchTimeMiddleware": 950,
    "newscrawl.safety.SafetyMiddleware": 40,
}
EXTENSIONS = {
    "newscrawl.faults.RedirectLoopLogger": 0,
    "newscrawl.summary.RunSummaryExtension": 500,
}
ITEM_PIPELINES = {
    "newscrawl.pipelines.ExtractionPipeline": 100,
    "newscrawl.pipelines.DeduplicationPipeline": 200,
    "newscrawl.pipelines.DatePipeline": 300,
    "newscrawl.pipelines.ValidationPipeline": 900,
    "newscrawl.incremental.IncrementalOutputPipeline": 1000,
}

# Output: one JSONL file per run, NEWSCRAWL_OUTPUT_DIR/<spider>/<run start>.jsonl, written
# durably by newscrawl.incremental (only new or changed articles; state in NEWSCRAWL_STATE_DIR).
# Passing -o/-O or FEEDS switches to Scrapy's feed export instead (every article, no state).
NEWSCRAWL_OUTPUT_DIR = os.environ.get("NEWSCRAWL_OUTPUT_DIR", "output")
NEWSCRAWL_STATE_DIR = os.environ.get("NEWSCRAWL_STATE_DIR", ".newscrawl")
NEWSCRAWL_BATCH_SIZE = 100  # records per fsynced batch
NEWSCRAWL_BATCH_SECONDS = 5.0  # flush a non-empty batch at least this often
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(RECORD_FIELDS)
# NEWSCRAWL_FETCHED_AT = "2026-11-27T23:35:00+00:00"  # freeze the fetch clock (tests, re-runs)

LOG_LEVEL = "INFO"

# Extraction runs in a process pool fed by ExtractionPipeline (docs/performance.md).
NEWSCRAWL_EXTRACT_WORKERS = None  # worker processes; None = one per core, 0 = in-process
NEWSCRAWL_EXTRACT_MAX_TASKS = 500  # pages per worker before the pool is recycled (flat memory)
NEWSCRAWL_EXTRACT_MAX_IN_FLIGHT = 0  # pages with the workers at once; 0 = 4 per worker
NEWSCRAWL_EXTRACT_TIMEOUT = 120.0  # seconds a page may take in a worker; then the pool is replaced
