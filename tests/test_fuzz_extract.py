"""Fuzz extraction and date resolution with random and mutated pages: nothing may escape.

Inputs: random text and bytes, and the demo pages mutated (truncated, slices duplicated,
tags dropped, deep nesting injected, huge attributes, NULs, invalid UTF-8). Every input must
go through `extract_article` and the record stage without an exception, in bounded time.
The worst case per input is printed at the end (CI budget for this module: about 60 s; 400
date strings, since each unparseable one without a language hint walks every dateparser language).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.dates import find_date_span, resolve
from newscrawl.extract import extract_article
from newscrawl.profiles import load_profile
from newscrawl.records import resolve_article_dates, to_record
from tests.demo_site import SITE
from tests.faultserver import XML_BOMB, deep_dom, huge_one_line

PAGES = [p.read_text("utf-8") for p in sorted((SITE / "pages").rglob("*.html"))[:12]]
PROFILES = ("daily8", "generic")
URL = "https://www.daily8.com/en/article/0123456789abcdef0123456789abcdef"
FETCHED = datetime(2026, 11, 27, 23, 35, tzinfo=UTC)
#: Generous ceiling per input: catches exponential blow-ups, not slow machines.
MAX_SECONDS = 20.0
FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WORST: dict[str, tuple[float, str]] = {}


def timed(kind: str, label: str, call: Callable[[], Any]) -> Any:
    """Run `call`, remember the slowest input of each kind, and bound its time."""
    start = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - start
    if elapsed > WORST.get(kind, (0.0, ""))[0]:
        WORST[kind] = (elapsed, label)
    assert elapsed < MAX_SECONDS, f"{kind} took {elapsed:.1f} s on {label}"
    return result


def run_page(html: str | bytes, profile: str, label: str) -> None:
    """Extract a page and build its record, as the crawl does."""
    loaded = load_profile(profile)

    def extract_and_record() -> None:
        article = extract_article(html, URL, FETCHED, loaded)
        resolve_article_dates(article, loaded)
        to_record(article)

    timed("page", f"{label} ({len(html):,} chars/bytes)", extract_and_record)


# --- mutations of real pages ----------------------------------------------------------------

TAG = re.compile(r"<[^<>]{1,200}>")


def truncate(page: str, at: int, _: int) -> str:
    """Cut the page anywhere."""
    return page[: at % (len(page) + 1)]


def duplicate(page: str, at: int, size: int) -> str:
    """Repeat a slice many times."""
    start = at % (len(page) + 1)
    piece = page[start : start + size % 2000]
    return page[:start] + piece * 50 + page[start:]


def drop_tags(page: str, at: int, size: int) -> str:
    """Remove every n-th tag (unbalances the markup)."""
    step = 2 + size % 5
    return TAG.sub(lambda m: "" if (m.start() + at) % step == 0 else m.group(), page)


def nest(page: str, at: int, size: int) -> str:
    """Inject deeply nested, unclosed tags."""
    where = at % (len(page) + 1)
    tag = ("div", "span", "a", "p", "table", "li")[size % 6]
    return page[:where] + f"<{tag}>" * (size % 20000) + page[where:]


def huge_attribute(page: str, at: int, size: int) -> str:
    """An attribute of up to 2 MB."""
    value = "x" * (size % (2 * 1024 * 1024))
    return page.replace("<h1", f'<h1 data-junk="{value}"', 1)


def nuls(page: str, at: int, size: int) -> str:
    """NUL and other control characters sprinkled in."""
    step = 1 + size % 97
    return "".join(c + ("\0\x01\x0b" if i % step == 0 else "") for i, c in enumerate(page))


def bad_utf8(page: str, at: int, size: int) -> bytes:
    """Invalid UTF-8 byte sequences in the raw bytes."""
    data = page.encode("utf-8")
    where = at % (len(data) + 1)
    junk = (b"\xff\xfe\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80" * (1 + size % 50))[: 1 + size]
    return data[:where] + junk + data[where:]


MUTATIONS = (truncate, duplicate, drop_tags, nest, huge_attribute, nuls, bad_utf8)


@FUZZ
@given(
    page=st.sampled_from(range(len(PAGES))),
    mutations=st.lists(
        st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10**7), st.integers(0, 10**7)),
        min_size=1,
        max_size=3,
    ),
    profile=st.sampled_from(PROFILES),
)
def test_mutated_demo_pages_never_raise(
    page: int, mutations: list[tuple[Callable[..., Any], int, int]], profile: str
) -> None:
    html: str | bytes = PAGES[page]
    names = []
    for mutate, at, size in mutations:
        if isinstance(html, bytes):
            html = html.decode("utf-8", errors="replace")
        html = mutate(html, at, size)
        names.append(mutate.__name__)
    run_page(html, profile, "+".join(names))


@FUZZ
@given(
    html=st.one_of(
        st.text(max_size=3000),
        st.binary(max_size=3000),
        st.text(alphabet="<>/=\"' abcdivphtml1&;#x\0", max_size=3000),
    ),
    profile=st.sampled_from(PROFILES),
)
def test_random_input_never_raises(html: str | bytes, profile: str) -> None:
    run_page(html, profile, "random " + type(html).__name__)


def hostile_pages() -> Iterator[tuple[str, str | bytes]]:
    """Handcrafted worst cases (also served by the fault server)."""
    yield "100,000-deep DOM", deep_dom()
    yield "10 MB single line", huge_one_line()
    yield "XML entity bomb", XML_BOMB
    yield "only NULs", "\0" * 100_000
    yield "unclosed comment", "<html><body><h1>x</h1><!--" + "a" * 100_000
    yield "nested tables", "<table><tr><td>" * 5000 + "cell"
    yield "10,000 JSON-LD blocks", '<script type="application/ld+json">{"@graph":[' * 3000
    yield "empty", ""


@pytest.mark.parametrize(("label", "html"), list(hostile_pages()), ids=lambda v: str(v)[:30])
def test_hostile_pages_never_raise(label: str, html: str | bytes) -> None:
    for profile in PROFILES:
        run_page(html, profile, label)


# --- dates ------------------------------------------------------------------------------------

DATE_WORDS = st.sampled_from(
    ["ago", "days", "day", "hours", "minutes", "weeks", "months", "years", "a", "an", "one"]
)
DATE_LIKE = st.one_of(
    st.builds(
        lambda n, u: f"{n} {u} ago",
        st.integers(0, 10**12),
        st.sampled_from(["minute", "hour", "day", "week", "month", "year", "days", "years"]),
    ),
    st.builds(
        lambda a, b, y: f"{a}-{b}-{y}",
        st.integers(0, 99),
        st.integers(0, 99),
        st.integers(0, 99999),
    ),
    st.lists(st.one_of(DATE_WORDS, st.integers(0, 10**9).map(str)), max_size=6).map(" ".join),
    st.text(max_size=200),
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    text=DATE_LIKE,
    profile=st.sampled_from(PROFILES),
    order=st.sampled_from([None, "DMY", "MDY", "YMD"]),
    offset=st.integers(-(10**5), 10**5),
)
def test_date_resolution_never_raises(
    text: str, profile: str, order: str | None, offset: int
) -> None:
    loaded = load_profile(profile)
    fetched = FETCHED + timedelta(days=offset)

    def run() -> None:
        find_date_span(text, list(loaded.languages) or None)
        resolve(
            text,
            fetched,
            languages=list(loaded.languages) or None,
            timezone=loaded.timezone,
            date_order=order,
        )

    timed("date", repr(text[:60]), run)


def test_report_worst_case(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the slowest input per kind (runs last in this module)."""
    assert WORST, "the fuzz tests above did not run"
    with capsys.disabled():
        for kind, (seconds, label) in sorted(WORST.items()):
            print(f"\nfuzz worst case ({kind}): {seconds * 1000:.0f} ms on {label}")
