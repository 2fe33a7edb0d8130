"""A fault-injecting web server on 127.0.0.1: the demo site plus one page per fault.

`/en/hashtag/faults` (a Daily8 listing) links to every fault page, to the demo home page
and to addresses the crawler must never touch. Fault pages live at Daily8 article paths
(`/en/article/<32 hex>`), so the daily8 spider treats them as articles. Two "forbidden"
listeners (127.0.0.2 and another port on 127.0.0.1) log every request they receive: a
correct crawl sends them none. Everything runs in daemon threads and stops with the context.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from newscrawl.demo.server import DemoSiteHandler
from newscrawl.demo.sitegen import ROBOTS_TXT

SITE = Path(__file__).parent / "fixtures" / "daily8-site"
INDEX = "/en/hashtag/faults"
MiB = 1024 * 1024
WORDS = (
    "The city council approved a new plan on Tuesday to rebuild the harbour road, "
    "after months of debate about traffic, flooding and the cost to local businesses. "
)


def fault_path(name: str) -> str:
    """The Daily8 article path of a fault page."""
    return f"/en/article/{hashlib.md5(name.encode()).hexdigest()}"


def article_html(title: str, text: str = WORDS * 6, charset: str | None = None) -> str:
    """A small Daily8-like article page."""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head>{meta}<title>{title} | Daily8</title></head>"
        f"<body><main><h1 class='article-title'>{title}</h1>"
        f"<div class='article-meta'>Harbour Times2 days ago</div>"
        f"<article><p>{text}</p><p>{WORDS * 3}</p></article></main></body></html>"
    )


@dataclass
class Fault:
    """One injected fault: what the server does and what the crawl must report."""

    name: str
    #: "record" (servable: a record must be written), or the stat that must count it,
    #: e.g. "skipped/timeout", "refused/private_address", "links/scheme"; "hop" is only a
    #: step of another fault (a redirect chain) and is not checked on its own.
    expect: str
    #: The URL the log line must name (default: the fault page's URL).
    target: str | None = None
    #: Text the record's articleBody must contain (servable pages).
    contains: str | None = None
    link: bool = True

    @property
    def path(self) -> str:
        """Path of the fault page."""
        return fault_path(self.name)


@dataclass
class FaultSite:
    """A running fault server: its URLs, the faults, and every request each listener saw."""

    base: str
    forbidden: list[str]
    faults: list[Fault]
    requests: list[str] = field(default_factory=list)
    forbidden_requests: list[tuple[str, str]] = field(default_factory=list)


Handler = Callable[["FaultHandler"], None]


class FaultHandler(DemoSiteHandler):
    """Serve fault pages by path; anything else is the demo site."""

    server_version = "newscrawl-faults/1"
    routes: ClassVar[dict[str, Handler]] = {}
    index_html: bytes = b""
    robots: bytes = b""

    def do_GET(self) -> None:
        """Dispatch to a fault, the index, robots.txt or the demo site."""
        path = urlsplit(self.path).path
        try:
            if path == INDEX:
                self.request_log.append(self.path)
                self._send(200, self.index_html, "text/html; charset=utf-8")
            elif path == "/robots.txt":
                self.request_log.append(self.path)
                self._send(200, self.robots, "text/plain")
            elif path in self.routes:
                self.request_log.append(self.path)
                self.routes[path](self)
            else:
                super().do_GET()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the crawler gave up on us: that is the point of some faults

    def raw(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
        """Send a status line, headers and a body exactly as given."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def reset(self) -> None:
        """Abort the connection with a TCP RST."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()


class ForbiddenHandler(BaseHTTPRequestHandler):
    """A listener nobody may reach: logs every request (path and Host header)."""

    log: ClassVar[list[tuple[str, str]]] = []

    def do_GET(self) -> None:
        """Log and answer with a secret."""
        self.log.append((self.path, self.headers.get("Host", "")))
        body = b"SECRET metadata token"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


# --- fault behaviours -------------------------------------------------------------------


def html(status: int, body: str, ctype: str = "text/html; charset=utf-8") -> Handler:
    """A complete response."""
    data = body.encode("utf-8")
    return lambda h: h.raw(status, {"Content-Type": ctype, "Content-Length": str(len(data))}, data)


def encoded(text: str, charset: str, declared: str | None, meta: bool) -> Handler:
    """An article encoded in `charset`, sent with `declared` as the header charset."""
    data = article_html("Charset " + charset, text, charset if meta else None).encode(charset)
    ctype = f"text/html; charset={declared}" if declared else "text/html"
    return lambda h: h.raw(200, {"Content-Type": ctype, "Content-Length": str(len(data))}, data)


def redirect(location: str, status: int = 302) -> Handler:
    """A redirect to `location`."""
    return lambda h: h.raw(status, {"Location": location, "Content-Length": "0"})


def flaky_then_ok(title: str) -> Handler:
    """503 with Retry-After: 1 on the first request, the article afterwards."""
    seen: list[int] = []

    def handle(h: FaultHandler) -> None:
        if not seen:
            seen.append(1)
            h.raw(503, {"Retry-After": "1", "Content-Length": "0"})
        else:
            html(200, article_html(title))(h)

    return handle


def stall(seconds: float) -> Handler:
    """Send nothing for a while (longer than DOWNLOAD_TIMEOUT)."""
    return lambda h: time.sleep(seconds)


def trickle(h: FaultHandler) -> None:
    """Headers at once, then the body one byte every half second."""
    body = article_html("Slow body").encode()
    h.raw(200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))})
    for byte in body[:30]:
        h.wfile.write(bytes([byte]))
        h.wfile.flush()
        time.sleep(0.5)


def reset_mid_body(h: FaultHandler) -> None:
    """Promise 20 kB, send 500 bytes, then reset the connection."""
    body = article_html("Reset").encode()
    h.raw(200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": "20000"}, body[:500])
    h.reset()


def gzip_bomb(data: bytes) -> Handler:
    """A small gzip body that inflates far beyond DOWNLOAD_MAXSIZE."""
    headers = {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Encoding": "gzip",
        "Content-Length": str(len(data)),
    }
    return lambda h: h.raw(200, headers, data)


def oversized(with_length: bool) -> Handler:
    """A body over DOWNLOAD_MAXSIZE, announced by Content-Length or streamed until close."""

    def handle(h: FaultHandler) -> None:
        size = 11 * MiB
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if with_length:
            headers["Content-Length"] = str(size)
        h.raw(200, headers)
        h.wfile.write(b"<p>" + b"x" * size + b"</p>")

    return handle


def huge_one_line() -> str:
    """A ~9 MB page on a single line: a real article plus a giant inline JSON blob."""
    blob = '{"items":[' + ",".join(['{"id":1,"t":"filler text here"}'] * 270_000) + "]}"
    page = article_html("One enormous line")
    return page.replace("</body>", f"<script>{blob}</script></body>").replace("\n", " ")


def deep_dom() -> str:
    """An article whose tail is nested 100,000 elements deep."""
    page = article_html("Deeply nested page")
    return page.replace("</main>", "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</main>")


XML_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + ']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
)
BINARY = bytes(range(256)) * 64
JAPANESE = "東京都は新しい防災計画を発表しました。" * 20
KOREAN = "서울시는 오늘 새로운 교통 계획을 발표했습니다. " * 20
FRENCH = "Le café du port a rouvert après les travaux; élus et riverains étaient présents. " * 10


def build_faults(forbidden: list[str]) -> tuple[list[Fault], dict[str, Handler]]:
    """The fault catalogue and the handler of each fault page."""
    off_port = forbidden[1]
    loop_a, loop_b = fault_path("redirect-loop"), fault_path("redirect-loop-b")
    table: list[tuple[Fault, Handler]] = [
        (Fault("http-500", "skipped/http_500"), html(500, "<h1>Internal error</h1>")),
        (Fault("http-503-then-ok", "record"), flaky_then_ok("Back after a 503")),
        (
            Fault("http-503-retry-later", "skipped/http_503"),
            lambda h: h.raw(503, {"Retry-After": "3600", "Content-Length": "0"}),
        ),
        (Fault("http-404", "skipped/http_404"), html(404, "<h1>Not found</h1>")),
        (Fault("http-410", "skipped/http_410"), html(410, "<h1>Gone</h1>")),
        (Fault("timeout", "skipped/timeout"), stall(12)),
        (Fault("slow-body", "skipped/timeout"), trickle),
        (Fault("reset-mid-body", "skipped/connection_lost"), reset_mid_body),
        (Fault("redirect-loop", "skipped/redirect_loop"), redirect(loop_b)),
        (Fault("redirect-loop-b", "hop", link=False), redirect(loop_a)),
        (Fault("redirect-endless", "skipped/redirect_loop"), redirect(fault_path("endless-1"))),
        (
            Fault("redirect-offsite", "refused/offsite", target="http://example.com/stolen"),
            redirect("http://example.com/stolen"),
        ),
        (
            Fault("redirect-metadata", "refused/private_address", "http://169.254.169.254/"),
            redirect("http://169.254.169.254/latest/meta-data/"),
        ),
        (
            Fault("redirect-forbidden", "refused/private_address", target=forbidden[0]),
            redirect(forbidden[0] + "/admin"),
        ),
        (
            Fault("redirect-other-port", "refused/private_address", target=off_port),
            redirect(off_port + "/admin"),
        ),
        (Fault("redirect-file", "skipped/http_302"), redirect("file:///etc/passwd")),
        (
            Fault("meta-refresh-metadata", "refused/private_address", "http://169.254.169.254/"),
            html(
                200,
                '<html><head><meta http-equiv="refresh" '
                'content="0; url=http://169.254.169.254/latest/"></head></html>',
            ),
        ),
        (
            Fault("cp1252-as-utf8", "record", contains="Le café du port"),
            encoded(FRENCH, "cp1252", "utf-8", meta=True),
        ),
        (
            Fault("shift-jis-as-utf8", "record", contains="東京都は新しい防災計画"),
            encoded(JAPANESE, "shift_jis", "utf-8", meta=True),
        ),
        (
            Fault("euc-kr-as-utf8-no-meta", "record", contains="서울시는 오늘"),
            encoded(KOREAN, "euc-kr", "utf-8", meta=False),
        ),
        (
            Fault("charset-missing", "record", contains="Le café du port"),
            encoded(FRENCH, "utf-8", None, meta=False),
        ),
        (
            Fault("gzip-bomb", "skipped/too_large"),
            gzip_bomb(gzip.compress(b"\0" * 64 * MiB, compresslevel=9)),
        ),
        (Fault("too-large-announced", "skipped/too_large"), oversized(with_length=True)),
        (Fault("too-large-streamed", "skipped/too_large"), oversized(with_length=False)),
        (Fault("binary-as-html", "skipped/binary"), html_bytes(BINARY)),
        (Fault("empty-200", "skipped/empty"), html(200, "")),
        (Fault("huge-one-line", "record", contains="harbour road"), html(200, huge_one_line())),
        (Fault("deep-dom", "record", contains="harbour road"), html(200, deep_dom())),
        (Fault("xml-bomb", "skipped/not_html"), html(200, XML_BOMB, "application/xml")),
        (Fault("robots-disallowed", "skipped/robots_txt"), html(200, article_html("Secret"))),
    ]
    for i in range(1, 30):
        table.append(
            (
                Fault(f"endless-{i}", "hop", link=False),
                redirect(fault_path(f"endless-{i + 1}")),
            )
        )
    links = [
        Fault("link-metadata", "links/private_address", target="http://169.254.169.254/latest"),
        Fault("link-forbidden-host", "links/private_address", target=forbidden[0] + "/x"),
        Fault("link-other-port", "links/private_address", target=off_port + "/x"),
        Fault("link-decimal-ip", "links/private_address", target="http://2130706433:1/x"),
        Fault("link-ipv6-loopback", "links/private_address", target="http://[::1]:1/x"),
        Fault("link-file", "links/scheme", target="file:///etc/passwd"),
        Fault("link-ftp", "links/scheme", target="ftp://127.0.0.1/pub"),
        Fault("link-offsite", "links/offsite", target="http://example.com/elsewhere"),
    ]
    faults = [f for f, _ in table] + links
    return faults, {f.path: h for f, h in table}


def html_bytes(body: bytes) -> Handler:
    """Raw bytes labelled text/html."""
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
    return lambda h: h.raw(200, headers, body)


def index_page(faults: list[Fault]) -> bytes:
    """The fault index: links to the demo site, every fault page and the traps."""
    links = ['<a href="/en">Home</a>']
    for fault in faults:
        if fault.expect.startswith("links/"):
            links.append(f'<a href="{fault.target}">{fault.name}</a>')
        elif fault.link:
            links.append(f'<a href="{fault.path}">{fault.name}</a>')
    links += [
        "<a href=\"javascript:fetch('http://169.254.169.254/')\">js</a>",
        '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    ]
    body = "".join(f"<li>{link}</li>" for link in links)
    return f"<html><body><h1>Faults</h1><ul>{body}</ul></body></html>".encode()


def _start(server: ThreadingHTTPServer) -> threading.Thread:
    """Serve in a daemon thread."""
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def forbidden_host() -> str:
    """127.0.0.2 when this machine routes the whole loopback /8, else 127.0.0.1."""
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.2", 0))
        return "127.0.0.2"
    except OSError:
        return "127.0.0.1"


@contextmanager
def serve_faults() -> Iterator[FaultSite]:
    """Run the fault server and two forbidden listeners; yield their URLs and logs."""
    forbidden_log: list[tuple[str, str]] = []
    forbidden_handler = type("Forbidden", (ForbiddenHandler,), {"log": forbidden_log})
    guards = [
        ThreadingHTTPServer((forbidden_host(), 0), forbidden_handler),
        ThreadingHTTPServer(("127.0.0.1", 0), forbidden_handler),
    ]
    forbidden = [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in guards]
    log: list[str] = []
    handler_class = type("Faults", (FaultHandler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler_class, site_dir=SITE, log=log))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    faults, routes = build_faults(forbidden)
    handler_class.routes = routes
    handler_class.index_html = index_page(faults)
    disallowed = fault_path("robots-disallowed")
    handler_class.robots = (ROBOTS_TXT + f"Disallow: {disallowed}\n").encode()
    servers = [*guards, server]
    for each in servers:
        _start(each)
    try:
        yield FaultSite(base, forbidden, faults, requests=log, forbidden_requests=forbidden_log)
    finally:
        for each in servers:
            each.shutdown()
            each.server_close()
