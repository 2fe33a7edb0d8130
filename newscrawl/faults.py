"""Name what went wrong with a request or a page, so it is logged once and counted.

Every request the spiders make carries an errback that ends here: the crawl goes on, one
WARNING line gives the URL and the reason, and the stat `newscrawl/skipped/<reason>` counts it.

>>> from twisted.python.failure import Failure
>>> from twisted.internet.error import TimeoutError
>>> failure_reason(Failure(TimeoutError()))
('timeout', 'User timeout caused connection failure.')
>>> body_problem(b"")
'empty'
>>> body_problem(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
'binary'
>>> body_problem(b"<html><body>hi</body></html>") is None
True
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer, error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from newscrawl.safety import RefusedRequest

logger = logging.getLogger(__name__)

#: Exception types (checked in order) and the stat reason they are counted under.
FAILURE_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, error.TimeoutError, defer.TimeoutError), "timeout"),
    ((CannotResolveHostError, error.DNSLookupError), "dns_error"),
    ((DownloadConnectionRefusedError, error.ConnectionRefusedError), "connection_refused"),
    ((UnsupportedURLSchemeError,), "scheme"),
    (
        (
            ResponseDataLossError,
            DownloadFailedError,
            ResponseFailed,
            ResponseNeverReceived,
            error.ConnectionLost,
            error.ConnectionDone,
            error.ConnectionAborted,
        ),
        "connection_lost",
    ),
    ((DownloadCancelledError, defer.CancelledError), "cancelled"),
)
BINARY_SAMPLE = 2048
#: Share of control characters (NUL and friends) above which a body is binary, not text.
BINARY_RATIO = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


def failure_reason(failure: Failure) -> tuple[str, str]:
    """A stat reason and a one-line detail for a failed request."""
    value = failure.value
    detail = str(value) or type(value).__name__
    if isinstance(value, HttpError):
        return f"http_{value.response.status}", f"HTTP {value.response.status}"
    if isinstance(value, IgnoreRequest):
        return ignore_reason(detail), detail
    if isinstance(value, DownloadCancelledError) and not str(value):
        # Scrapy's HTTP/1.1 handler cancels without a message only when a body outgrows
        # DOWNLOAD_MAXSIZE (it logs the sizes itself); otherwise the crawl is stopping.
        return "too_large", "download cancelled: body exceeded DOWNLOAD_MAXSIZE"
    if isinstance(value, (DownloadCancelledError, defer.CancelledError)) and (
        "maxsize" in detail.lower() or "max size" in detail.lower()
    ):
        return "too_large", detail
    for types, reason in FAILURE_REASONS:
        if isinstance(value, types):
            return reason, detail
    return type(value).__name__, detail


def ignore_reason(message: str) -> str:
    """Reason for an IgnoreRequest raised by Scrapy's own middlewares, from its message."""
    lowered = message.lower()
    for needle, reason in (
        ("robots.txt", "robots_txt"),
        ("max redirections", "redirect_loop"),
        ("download_maxsize", "too_large"),
        ("offsite", "offsite"),
    ):
        if needle in lowered:
            return reason
    return "ignored"


def body_problem(body: bytes, encoding: str = "utf-8") -> str | None:
    """'empty' or 'binary' when a 200 body cannot be a page, else None."""
    if not body.strip():
        return "empty"
    if encoding.lower().replace("-", "").startswith(("utf16", "utf32")):
        return None
    sample = body[:BINARY_SAMPLE]
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return "binary" if controls > BINARY_RATIO * len(sample) else None


def log_skipped(crawler: Any, url: str, reason: str, detail: str) -> None:
    """One WARNING line and one `newscrawl/skipped/<reason>` stat for a skipped URL."""
    logger.warning("skipped %s: %s (%s)", url, reason, detail)
    if crawler is not None and crawler.stats is not None:
        crawler.stats.inc_value(f"newscrawl/skipped/{reason}")


def on_request_failure(crawler: Any, failure: Failure) -> None:
    """Errback body: log and count a failed request (refusals were already counted)."""
    if failure.check(RefusedRequest):
        return
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "(unknown URL)"
    reason, detail = failure_reason(failure)
    chain = request.meta.get("redirect_urls") if request is not None else None
    if chain:
        detail = f"{detail}; after {len(chain)} redirect(s), at {url}"
        url = chain[0]
    log_skipped(crawler, url, reason, detail)


class RedirectLoopLogger:
    """Extension: report a redirect that leads back into its own chain (Scrapy drops it).

    Scrapy's duplicate filter silently drops a redirect to a URL it has already requested;
    when that URL is part of the request's own redirect chain, it is a loop, so say so.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectLoopLogger:
        """Build and listen for dropped requests."""
        extension = cls(crawler)
        crawler.signals.connect(extension.request_dropped, signal=signals.request_dropped)
        return extension

    def request_dropped(self, request: Any, spider: Any = None) -> None:
        """Log and count a dropped request that closes a redirect loop."""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            hops = " -> ".join([*chain, request.url])
            log_skipped(self.crawler, chain[0], "redirect_loop", f"loop: {hops}")
