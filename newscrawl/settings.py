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
RETRY_ENABLED = True
RETRY_TIMES = 3

# Safety.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 15
REDIRECT_MAX_TIMES = 10

DOWNLOADER_MIDDLEWARES = {
    "newscrawl.middlewares.FetchTimeMiddleware": 950,
}
ITEM_PIPELINES = {
    "newscrawl.pipelines.ExtractionPipeline": 100,
    "newscrawl.pipelines.DeduplicationPipeline": 200,
    "newscrawl.pipelines.DatePipeline": 300,
    "newscrawl.pipelines.ValidationPipeline": 900,
}

# Output: one JSONL file per run under NEWSCRAWL_OUTPUT_DIR/<spider>/ (see the spiders'
# update_settings, which builds FEEDS from this unless -o/-O or FEEDS is given).
NEWSCRAWL_OUTPUT_DIR = "output"
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(RECORD_FIELDS)
# NEWSCRAWL_FETCHED_AT = "2026-11-27T23:35:00+00:00"  # freeze the fetch clock (tests, re-runs)

LOG_LEVEL = "INFO"

# Extraction runs in a process pool fed by ExtractionPipeline (docs/performance.md).
NEWSCRAWL_EXTRACT_WORKERS = None  # worker processes; None = one per core, 0 = in-process
NEWSCRAWL_EXTRACT_MAX_TASKS = 500  # pages per worker before it is replaced (flat memory)
NEWSCRAWL_EXTRACT_MAX_IN_FLIGHT = 0  # pages with the workers at once; 0 = 2 per worker
