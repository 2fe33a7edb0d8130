"""Serve pre-rendered pages from memory on 127.0.0.1 (fast enough not to limit a benchmark)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newscrawl.demo.sitegen import ALT_ORIGIN, ROBOTS_TXT


class MemorySiteServer(ThreadingHTTPServer):
    """A threaded HTTP server over a dict of path → body, counting what it served."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, pages: Mapping[str, str]) -> None:
        super().__init__(("127.0.0.1", 0), MemorySiteHandler)
        origin = f"http://localhost:{self.server_address[1]}"
        self.pages = {p: html.replace(ALT_ORIGIN, origin).encode() for p, html in pages.items()}
        self.pages["/robots.txt"] = ROBOTS_TXT.encode()
        self.served = 0
        self.served_articles = 0


class MemorySiteHandler(BaseHTTPRequestHandler):
    """Answer GETs from the server's page dict."""

    server: MemorySiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Send the page, or 404."""
        path = self.path.split("?", 1)[0].rstrip("/") or "/en"
        body = self.server.pages.get(path)
        status = 200 if body is not None else 404
        body = body if body is not None else b"not found"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.served += 1
        if "/article/" in path:
            self.server.served_articles += 1

    def log_message(self, format: str, *args: object) -> None:
        """Keep the console quiet."""


@contextmanager
def serve_pages(pages: Mapping[str, str]) -> Iterator[MemorySiteServer]:
    """Serve `pages` in a background thread until the context ends."""
    server = MemorySiteServer(pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
