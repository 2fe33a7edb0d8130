"""Serve a generated demo site on 127.0.0.1 (threaded, stops with its context)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newscrawl.demo.sitegen import ALT_ORIGIN, page_file

BUNDLED_SITE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "daily8-site"


class DemoSiteHandler(BaseHTTPRequestHandler):
    """Map request paths to the generated page files."""

    server_version = "newscrawl-demo/1"

    def __init__(self, *args: object, site_dir: Path, log: list[str], **kwargs: object) -> None:
        self.site_dir = site_dir
        self.request_log = log
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        """Serve robots.txt, a page, a redirect to the home page, or 404."""
        path = unquote(urlsplit(self.path).path).rstrip("/") or "/"
        self.request_log.append(self.path)
        if path == "/":
            self._send(301, b"", "text/plain", location="/en")
        elif path == "/robots.txt":
            self._send(200, (self.site_dir / "robots.txt").read_bytes(), "text/plain")
        elif (file := page_file(self.site_dir, path)).is_file() and ".." not in path:
            self._send(200, self._page_bytes(file), "text/html; charset=utf-8")
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html")

    def _page_bytes(self, file: Path) -> bytes:
        """Page HTML with the second-host placeholder filled in."""
        port = self.server.server_address[1]  # type: ignore[index]
        html = file.read_text(encoding="utf-8").replace(ALT_ORIGIN, f"http://localhost:{port}")
        return html.encode("utf-8")

    def _send(self, status: int, body: bytes, ctype: str, location: str | None = None) -> None:
        """Write one complete response."""
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the console quiet."""


def make_server(site_dir: Path, port: int = 0) -> tuple[ThreadingHTTPServer, list[str]]:
    """Create (not start) a server for `site_dir` on 127.0.0.1; returns it and its request log."""
    log: list[str] = []
    handler = partial(DemoSiteHandler, site_dir=site_dir, log=log)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server, log


@contextmanager
def serve_site(site_dir: Path = BUNDLED_SITE, port: int = 0) -> Iterator[tuple[str, list[str]]]:
    """Serve the site in a background thread; yield its base URL and request log."""
    server, log = make_server(site_dir, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()
