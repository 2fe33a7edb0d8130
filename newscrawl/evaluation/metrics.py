"""Metrics of ../shared/data/README.md: AEB shingles, WCXB bag of words, snippets, dates, titles.

>>> round(shingle_scores("a b c d e", "a b c d e").f1, 3)
1.0
>>> bag_of_words("The cat sat", "the cat").recall
0.6666666666666666
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


@dataclass(frozen=True)
class PRF:
    """Precision (None when undefined), recall and their F1 for one case."""

    precision: float | None
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when precision is undefined)."""
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


def tokens(text: str | None) -> list[str]:
    """Maximal runs of Unicode word characters, case kept."""
    return _WORD.findall(text or "")


def shingles(words: Sequence[str]) -> Counter[tuple[str, ...]]:
    """Multiset of consecutive 4-token tuples (1–3 tokens make one shingle, none make none)."""
    if not words:
        return Counter()
    if len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def shingle_scores(expected: str | None, predicted: str | None) -> PRF:
    """AEB per-case precision/recall over 4-token shingles."""
    truth, pred = shingles(tokens(expected)), shingles(tokens(predicted))
    tp = sum((truth & pred).values())
    fp = sum((pred - truth).values())
    fn = sum((truth - pred).values())
    if fp == 0 and fn == 0:
        return PRF(1.0, 1.0)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else 1.0
    return PRF(precision, recall)


def bag_of_words(expected: str | None, predicted: str | None) -> PRF:
    """WCXB per-case bag-of-words precision/recall on lower-cased tokens (empty → zeros)."""
    truth = Counter(tokens((expected or "").lower()))
    pred = Counter(tokens((predicted or "").lower()))
    if not pred or not truth:
        return PRF(0.0, 0.0)
    overlap = sum((truth & pred).values())
    return PRF(overlap / sum(pred.values()), overlap / sum(truth.values()))


@dataclass(frozen=True)
class Summary:
    """Mean precision, mean recall, F1 of the means (or mean F1), and case count."""

    precision: float
    recall: float
    f1: float
    cases: int
    accuracy: float | None = None


def aeb_summary(pairs: Iterable[tuple[str | None, str | None]]) -> Summary:
    """AEB metric over (expected, predicted) pairs: F1 of mean P and mean R, plus accuracy."""
    precisions, recalls, exact = [], [], 0
    for expected, predicted in pairs:
        score = shingle_scores(expected, predicted)
        if score.precision is not None:
            precisions.append(score.precision)
        recalls.append(score.recall)
        exact += tokens(expected) == tokens(predicted)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Summary(p, r, f1, len(recalls), exact / len(recalls) if recalls else None)


def bow_summary(pairs: Iterable[tuple[str | None, str | None]]) -> Summary:
    """WCXB metric: plain means of per-case P, R and F1."""
    scores = [bag_of_words(e, p) for e, p in pairs]
    n = len(scores) or 1
    return Summary(
        sum(s.precision or 0.0 for s in scores) / n,
        sum(s.recall for s in scores) / n,
        sum(s.f1 for s in scores) / n,
        len(scores),
    )


def normalise_snippet(text: str | None) -> str:
    """Whitespace collapsed, trimmed, case-folded."""
    return " ".join((text or "").split()).casefold()


def snippet_found(snippets: Sequence[str], predicted: str | None) -> int:
    """How many snippets occur in the prediction."""
    haystack = normalise_snippet(predicted)
    return sum(1 for s in snippets if normalise_snippet(s) in haystack)


def date_matches(predicted: str | None, expected: str) -> bool:
    """Calendar date at the start of `predicted` equals `expected` at its precision."""
    if not predicted:
        return False
    precision = len(expected[:10])  # YYYY, YYYY-MM or YYYY-MM-DD
    return predicted[:precision] == expected[:precision]


def normalise_title(text: str | None) -> str:
    """NFKC, whitespace collapsed, trimmed (case kept)."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def headline_matches(predicted: str | None, expected: str) -> bool:
    """Exact headline match after normalisation."""
    return bool(predicted) and normalise_title(predicted) == normalise_title(expected)


#: Words that join names in a byline rather than belong to one.
_NAME_JOINERS = frozenset({"and", "und", "et", "y", "e", "by", "von", "par", "por"})


def name_words(authors: Sequence[str]) -> frozenset[str]:
    """Case-folded words of the names, joiners left out.

    >>> sorted(name_words(["Julia Vergin and Clare Roth"]))
    ['clare', 'julia', 'roth', 'vergin']
    """
    words = (w.casefold() for a in authors for w in tokens(unicodedata.normalize("NFKC", a)))
    return frozenset(w for w in words if w not in _NAME_JOINERS)


def authors_match(predicted: Sequence[str] | None, expected: Sequence[str]) -> bool:
    """Same names, however split or joined ("A and B" vs ["A", "B"]); [] expects none.

    >>> authors_match(["Julia Vergin", "Clare Roth"], ["Julia Vergin and Clare Roth"])
    True
    >>> authors_match(["Hours Ago Steve O'Hear"], ["Steve O'Hear"])
    False
    >>> authors_match([], [])
    True
    """
    return name_words(predicted or ()) == name_words(expected)
