"""The original outlet of a republished article (rule: docs/attribution.md).

>>> dateline_agency("WASHINGTON (AP) — Lawmakers agreed on Tuesday to fund the bridge.")
'AP'
>>> provided_by("© Provided by The Guardian")
'The Guardian'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newscrawl.extract.document import Document, squash
from newscrawl.extract.headline import host_labels, is_site_name

_PROVIDED = re.compile(
    r"^(?:©\s*)?(?:provided by|content provided by|this article (?:was )?(?:originally )?"
    r"(?:published|appeared) (?:on|in|by)|originally published (?:on|in|by)|source:|quelle:"
    r"|fuente:|source\s*:)\s*(?P<name>(?-i:[A-Z0-9])[^.,;|•·]{1,59}?)\s*\.?$",
    re.I,
)
_DATELINE = re.compile(
    r"^[\w .,'/-]{0,60}?\((?P<name>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})\)\s*[—–-]{1,2}\s"
)
MAX_LINES = 40
MAX_NAME_WORDS = 6


def provided_by(line: str) -> str | None:
    """The outlet named by a "Provided by X" / "Originally published in X" line."""
    match = _PROVIDED.match(squash(line))
    name = squash(match["name"]) if match else ""
    return name if name and len(name.split()) <= MAX_NAME_WORDS else None


def dateline_agency(line: str) -> str | None:
    """The agency of a "CITY (AP) —" dateline at the start of the article text."""
    match = _DATELINE.match(squash(line))
    return match["name"] if match else None


def _ld_name(value: Any) -> str | None:
    """Name of a JSON-LD organisation value (object, list or string)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return squash(value) if isinstance(value, str) and squash(value) else None


def json_ld_source(ld: dict[str, Any] | None) -> str | None:
    """sourceOrganization / provider / isBasedOn's publisher: always the original outlet."""
    if not ld:
        return None
    based = ld.get("isBasedOn")
    based_publisher = based.get("publisher") if isinstance(based, dict) else None
    for value in (ld.get("sourceOrganization"), ld.get("provider"), based_publisher):
        if name := _ld_name(value):
            return name
    return None


def publisher(
    doc: Document,
    ld: dict[str, Any] | None,
    chip_publisher: str | None,
    lines: Iterable[str],
) -> str | None:
    """Chip, "Provided by", dateline, JSON-LD source, else a named outlet that is not the host."""
    hosts = host_labels(doc) or [""]
    site_name = doc.first(("meta[property='og:site_name']::attr(content)",))
    own = [site_name] if site_name and any(is_site_name(site_name, [], h) for h in hosts) else []

    def foreign(name: str | None) -> bool:
        """A name that is not the hosting site's own (og:site_name counts when it is the host's)."""
        return bool(name) and not any(is_site_name(name or "", own, h) for h in hosts)

    if chip_publisher:
        return chip_publisher
    for number, line in enumerate(lines):
        if number >= MAX_LINES:
            break
        if (name := provided_by(line) or dateline_agency(line)) and foreign(name):
            return name
    if (name := json_ld_source(ld)) and foreign(name):
        return name
    ld_publisher = _ld_name((ld or {}).get("publisher"))
    known_host = any(len(h) >= 4 for h in hosts)
    for name in (ld_publisher, site_name):
        if known_host and foreign(name):
            return name
    return None
