"""Content fingerprint of a record: what changed content means, independent of fetch time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

#: Record fields that make up an article's content. Not: the fetch URL and host (the same
#: article is reached on several hosts), dateDownloaded and the related cards (the rail changes
#: on every visit), nor the version itself.
CONTENT_FIELDS: tuple[str, ...] = (
    "articleId",
    "canonicalUrl",
    "headline",
    "publisher",
    "authors",
    "inLanguage",
    "articleBody",
)
#: Date bases that are exact. A date resolved from visible relative text ("a day ago") can shift
#: by one unit between two fetches, so only exact, machine-readable dates count as content.
EXACT_DATE_BASES = frozenset({"jsonld", "meta", "time-element"})


def content_fingerprint(record: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the record's content fields (plus its date when that date is exact).

    >>> a = {"headline": "H", "articleBody": "B", "dateDownloaded": "2026-01-01T00:00:00"}
    >>> content_fingerprint(a) == content_fingerprint({**a, "dateDownloaded": "2027"})
    True
    >>> content_fingerprint(a) == content_fingerprint({**a, "articleBody": "B2"})
    False
    """
    content = {name: record.get(name) for name in CONTENT_FIELDS}
    if record.get("datePublishedBasis") in EXACT_DATE_BASES:
        content["datePublished"] = record.get("datePublished")
    blob = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
