"""htmldate's candidate is computed only when it could change the chosen date."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from newscrawl import datechoice
from newscrawl.extract.dates import HTMLDATE_BASIS
from newscrawl.extract.model import Article, DateCandidate
from newscrawl.profiles import load_profile
from newscrawl.records import resolve_article_dates

FETCHED = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
OTHERS: list[list[tuple[str, str]]] = [
    [("2025-12-01T10:00:00Z", "jsonld"), ("2025-12-01", "meta"), ("Dec 1, 2025", "visible")],
    [("2025-12-01T10:00:00Z", "jsonld"), ("2025-12-02", "meta")],
    [("2025-12-01", "jsonld-modified"), ("2025-12-01", "meta-modified"), ("2025-12-01", "url")],
    [("Dec 1", "visible"), ("2025-12-01", "meta"), ("2025-12-01", "jsonld")],
    [("2025-12-03", "meta"), ("2025-12-03", "url"), ("2025-12-01", "meta-modified")],
    [("2025-12-03", "jsonld-created"), ("2025-12-03", "jsonld-modified")],
    [],
]
GUESSES = ["2025-12-01", "2025-12-02", "2025-12-03", "2025-11-30"]


def resolved(candidates: list[tuple[str, str]]) -> list[datechoice.Resolved]:
    """The plausible resolutions of (raw, basis) pairs."""
    return datechoice.resolve_all(
        [DateCandidate(raw, basis) for raw, basis in candidates],
        FETCHED,
        languages=["en"],
        timezone=None,
        date_order=None,
    )


def chosen(candidates: list[tuple[str, str]]) -> datechoice.Resolved | None:
    """What the vote chooses."""
    return datechoice.choose(datechoice.place_yearless(resolved(candidates)))


def test_a_skipped_htmldate_candidate_never_changes_the_choice() -> None:
    skipped = 0
    for others, guess in itertools.product(OTHERS, GUESSES):
        if datechoice.decided_without(resolved(others), HTMLDATE_BASIS):
            skipped += 1
            assert chosen(others) == chosen([*others, (guess, HTMLDATE_BASIS)]), (others, guess)
    assert skipped >= 8  # the first and third cases are decided whatever htmldate says


def test_htmldate_is_wanted_when_it_can_tip_the_vote() -> None:
    assert not datechoice.decided_without(resolved(OTHERS[1]), HTMLDATE_BASIS)
    assert not datechoice.decided_without(resolved(OTHERS[3]), HTMLDATE_BASIS)  # yearless
    assert not datechoice.decided_without(resolved(OTHERS[5]), HTMLDATE_BASIS)  # ranks later
    assert not datechoice.decided_without([], HTMLDATE_BASIS)


def article(candidates: list[tuple[str, str]]) -> Article:
    """An article with the given raw date candidates."""
    item = Article(url="https://bugle.example/a", dateDownloaded=FETCHED.isoformat())
    item.date_candidates = [DateCandidate(raw, basis) for raw, basis in candidates]
    return item


def test_resolve_article_dates_asks_htmldate_only_when_needed() -> None:
    calls: list[int] = []

    def guess() -> DateCandidate:
        calls.append(1)
        return DateCandidate("2025-12-02", HTMLDATE_BASIS)

    decided = article(OTHERS[0])
    resolve_article_dates(decided, load_profile("generic"), guess)
    assert not calls and decided.datePublishedBasis == "jsonld"
    open_vote = article([])
    resolve_article_dates(open_vote, load_profile("generic"), guess)
    assert calls == [1]
    assert open_vote.datePublished == "2025-12-02"
    assert open_vote.date_candidates[-1].basis == HTMLDATE_BASIS
