"""Unit tests for `newscrawl.dates` with hand-written cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.dates import find_date_span, resolve
from newscrawl.dates.resolver import interpret

BASE = datetime(2025, 6, 10, 9, 30, 15, tzinfo=UTC)


def _iso(text: str, **kwargs: object) -> tuple[str, str] | None:
    found = resolve(text, BASE, **kwargs)  # type: ignore[arg-type]
    return None if found is None else (found.iso(), found.precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 days ago", ("2025-06-04", "day")),
        ("3 hours ago", ("2025-06-10T06:30:15+00:00", "hour")),
        ("9 minutes ago", ("2025-06-10T09:21:15+00:00", "minute")),
        ("30 seconds ago", ("2025-06-10T09:29:45+00:00", "second")),
        ("just now", ("2025-06-10T09:30:15+00:00", "minute")),
        ("a few seconds ago", ("2025-06-10T09:30:15+00:00", "minute")),
        ("last week", ("2025-06-03", "week")),
        ("2 weeks ago", ("2025-05-27", "week")),
        ("2 months ago", ("2025-04-10", "month")),
        ("3 years ago", ("2022-06-10", "year")),
        ("an hour ago", ("2025-06-10T08:30:15+00:00", "hour")),
        ("a day ago", ("2025-06-09", "day")),
        ("10H ago", ("2025-06-09T23:30:15+00:00", "hour")),
        ("52m ago", ("2025-06-10T08:38:15+00:00", "minute")),
        ("1 hr 4 mins ago", ("2025-06-10T08:26:15+00:00", "minute")),
        ("3 hrs ago", ("2025-06-10T06:30:15+00:00", "hour")),
        ("Updated: 2 hours ago", ("2025-06-10T07:30:15+00:00", "hour")),
        ("yesterday at 12:00", ("2025-06-09T12:00:00+00:00", "minute")),
        ("Yesterday at 4:25 pm", ("2025-06-09T16:25:00+00:00", "minute")),
        ("2025-06-01T10:00:00+02:00", ("2025-06-01T10:00:00+02:00", "second")),
    ],
)
def test_english(text: str, expected: tuple[str, str]) -> None:
    assert _iso(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("vor 2 Stunden", "de", ("2025-06-10T07:30:15+00:00", "hour")),
        ("gestern um 12:00", "de", ("2025-06-09T12:00:00+00:00", "minute")),
        ("il y a 3 jours", "fr", ("2025-06-07", "day")),
        ("hier à 12:00", "fr", ("2025-06-09T12:00:00+00:00", "minute")),
        ("hace 2 horas", "es", ("2025-06-10T07:30:15+00:00", "hour")),
        ("ayer a las 12:00", "es", ("2025-06-09T12:00:00+00:00", "minute")),
        ("un minuto fa", "it", ("2025-06-10T09:29:15+00:00", "minute")),
        ("минуту назад", "ru", ("2025-06-10T09:29:15+00:00", "minute")),
        ("вчера в 12:00", "ru", ("2025-06-09T12:00:00+00:00", "minute")),
        ("bir saat önce", "tr", ("2025-06-10T08:30:15+00:00", "hour")),
        ("3日前", "ja", ("2025-06-07", "day")),
        ("たった今", "ja", ("2025-06-10T09:30:15+00:00", "minute")),
        ("3天前", "zh", ("2025-06-07", "day")),
        ("刚刚", "zh", ("2025-06-10T09:30:15+00:00", "minute")),
        ("2 saat önce", "tr", ("2025-06-10T07:30:15+00:00", "hour")),
    ],
)
def test_other_languages(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert _iso(text, languages=[lang]) == expected
    assert _iso(text) == expected  # the fast path finds them without a hint too


def test_day_precision_value_is_a_date() -> None:
    found = resolve("6 days ago", BASE)
    assert found is not None and type(found.value) is date
    hour = resolve("3 hours ago", BASE)
    assert hour is not None and isinstance(hour.value, datetime)


def test_absolute_dmy() -> None:
    assert _iso("03-06-2025", date_order="DMY") == ("2025-06-03", "day")
    assert _iso("03-06-2025", date_order="MDY") == ("2025-03-06", "day")


def test_yearless_dates_take_most_recent_past() -> None:
    assert _iso("March 3") == ("2025-03-03", "day")
    assert _iso("December 24") == ("2024-12-24", "day")
    assert _iso("2月15日（土）7時0分", languages=["ja"]) == ("2025-02-15T07:00:00+00:00", "minute")
    assert _iso("10/12(火) 19:31", languages=["ja"]) == ("2024-10-12T19:31:00+00:00", "minute")


def test_timezone_day_boundary() -> None:
    late = datetime(2025, 6, 10, 23, 30, tzinfo=UTC)  # already June 11 in Tokyo
    tokyo = resolve("yesterday", late, timezone="Asia/Tokyo")
    utc = resolve("yesterday", late)
    assert tokyo is not None and tokyo.value == date(2025, 6, 10)
    assert not tokyo.timezone_assumed
    assert utc is not None and utc.value == date(2025, 6, 9) and utc.timezone_assumed


def test_yesterday_at_noon_in_site_zone() -> None:
    found = resolve("yesterday at 12:00", BASE, timezone="America/New_York")
    assert found is not None and found.precision == "minute"
    assert found.value == datetime(2025, 6, 9, 12, 0, tzinfo=timezone(timedelta(hours=-4)))


def test_text_offset_is_not_assumed() -> None:
    found = resolve("2025-06-01T10:00:00+02:00", BASE)
    assert found is not None and not found.timezone_assumed


def test_bare_duration_is_past_and_marked() -> None:
    found = resolve("15 hrs", BASE)
    assert found is not None and found.basis == "bare-duration"
    assert found.iso() == "2025-06-09T18:30:15+00:00"


def test_absurd_range_rejected() -> None:
    assert resolve("1000 years ago", BASE) is None
    assert resolve("2 centuries ago", BASE) is None


def test_unresolvable_text() -> None:
    assert resolve("Korea Herald", BASE) is None
    assert resolve("", BASE) is None


def test_naive_fetch_time_refused() -> None:
    with pytest.raises(ValueError):
        resolve("6 days ago", datetime(2025, 6, 10))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korea Herald6 days ago", "6 days ago"),
        ("The Advertiser2 days ago", "2 days ago"),
        ("timea day ago", "a day ago"),
        ("time4 days ago • Reuters", "4 days ago"),
        ("Korea Herald03-06-2025", "03-06-2025"),
        ("Korea Heraldan hour ago", "an hour ago"),
        ("Reuters yesterday at 12:00", "yesterday at 12:00"),
        ("Updated 52m ago", "52m ago"),
        ("by jsteinhardt 18th Dec 2025 AI Forum", "18th Dec 2025"),
        ("Issue of November 2015", "November 2015"),
        ("posted 3rd of March 2024", "3rd of March 2024"),
    ],
)
def test_find_date_span(text: str, expected: str) -> None:
    span = find_date_span(text)
    assert span is not None and text[span[0] : span[1]] == expected


def test_find_date_span_none() -> None:
    assert find_date_span("Korea Herald") is None


def test_glued_chips_resolve() -> None:
    assert _iso("Korea Herald6 days ago") == ("2025-06-04", "day")
    assert _iso("timea day ago") == ("2025-06-09", "day")
    assert _iso("Korea Herald03-06-2025", date_order="DMY") == ("2025-06-03", "day")
    assert _iso("2 hours ago | World") == ("2025-06-10T07:30:15+00:00", "hour")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from([None, ["en"], ["ja"], ["xx"]]))
def test_resolve_never_raises(text: str, languages: list[str] | None) -> None:
    found = resolve(text, BASE, languages=languages)
    assert found is None or found.iso()


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("25-12-2025 14:30", None, "2025-12-25T14:30:00+00:00"),
        ("03-06-2025", "DMY", "2025-06-03"),
        ("03-06-2025", "MDY", "2025-03-06"),
        ("06/03/2025", None, "2025-06-03"),
    ],
)
def test_digit_only_dates_need_no_language_detection(
    text: str, order: str | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_detection(text: str) -> None:
        raise AssertionError("language detection ran on a digits-only date")

    monkeypatch.setattr("newscrawl.dates.locales.detect", no_detection)
    interpret.cache_clear()
    found = resolve(text, datetime(2026, 1, 1, tzinfo=UTC), date_order=order)
    assert found is not None and found.iso() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年5月12日", ("2023-05-12", "day")),
        ("2023年5月12日 10:00", ("2023-05-12T10:00:00+00:00", "minute")),
        ("5月12日", ("2025-05-12", "day")),
        ("2023년 5월 12일", ("2023-05-12", "day")),
        ("3日前", ("2025-06-07", "day")),
    ],
)
def test_cjk_calendar_dates_are_no_durations(text: str, expected: tuple[str, str]) -> None:
    assert _iso(text, languages=["ja"]) == expected


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("14.11.24", "DMY", "2024-11-14"),
        ("12/11/24", "MDY", "2024-12-11"),
        ("03/06/98", "DMY", "1998-06-03"),
        ("Nov 14, '24", None, "2024-11-14"),
    ],
)
def test_two_digit_years_take_the_century_before_the_fetch(
    text: str, order: str | None, expected: str
) -> None:
    found = resolve(text, BASE, languages=["en"], date_order=order)
    assert found is not None and found.iso()[:10] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By: FlowGuard EMEA on 04-ago-2021 5:11:10 Print", "04-ago-2021 5:11:10"),
        ("Veröffentlicht am 12. März 2023, 10:15 Uhr", "12. März 2023, 10:15"),
        ("publicado el 12 de marzo de 2023", "12 de marzo de 2023"),
        ("Geplaatst 3 augustus 2023", "3 augustus 2023"),
        ("pubblicato il 5 maggio 2023", "5 maggio 2023"),
    ],
)
def test_find_date_span_reads_other_languages_month_names(text: str, expected: str) -> None:
    span = find_date_span(text)
    assert span is not None and text[span[0] : span[1]] == expected
    assert resolve(expected, BASE) is not None


def test_a_clock_glued_to_the_year_is_left_out() -> None:
    text = "Updated November 11, 20228:23 PM ET"  # <span>…2022</span><span>8:23 PM</span>
    span = find_date_span(text)
    assert span is not None and text[span[0] : span[1]] == "November 11, 2022"
