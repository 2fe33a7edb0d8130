"""Metric (d) of the shared data README: relative-date accuracy at each row's precision."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

#: Language family of each primary language subtag (anything else is "Other").
FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        [
            "en",
            "de",
            "nl",
            "af",
            "fy",
            "lb",
            "da",
            "sv",
            "nb",
            "nn",
            "no",
            "is",
            "fo",
            "yi",
            "gsw",
            "ksh",
            "wae",
            "nds",
        ],
        "Germanic",
    ),
    **dict.fromkeys(
        [
            "fr",
            "es",
            "it",
            "pt",
            "ca",
            "gl",
            "ro",
            "oc",
            "an",
            "ast",
            "rm",
            "fur",
            "sc",
            "co",
            "wa",
            "lld",
            "scn",
            "vec",
            "mo",
            "la",
        ],
        "Romance",
    ),
    **dict.fromkeys(
        [
            "ru",
            "uk",
            "be",
            "pl",
            "cs",
            "sk",
            "sl",
            "hr",
            "sr",
            "bs",
            "mk",
            "bg",
            "dsb",
            "hsb",
            "rue",
            "szl",
        ],
        "Slavic",
    ),
    **dict.fromkeys(["lt", "lv", "sgs"], "Baltic"),
    **dict.fromkeys(["ga", "gd", "cy", "br", "kw", "gv"], "Celtic"),
    **dict.fromkeys(["el", "grc"], "Hellenic"),
    **dict.fromkeys(["hy"], "Armenian"),
    **dict.fromkeys(["sq"], "Albanian"),
    **dict.fromkeys(
        [
            "hi",
            "bn",
            "ur",
            "pa",
            "gu",
            "mr",
            "ne",
            "as",
            "or",
            "si",
            "sd",
            "ks",
            "kok",
            "mai",
            "bho",
            "dv",
        ],
        "Indo-Aryan",
    ),
    **dict.fromkeys(["fa", "ps", "ku", "ckb", "tg", "os"], "Iranian"),
    **dict.fromkeys(
        ["fi", "et", "hu", "se", "smn", "sms", "sma", "smj", "kv", "udm", "mhr"], "Uralic"
    ),
    **dict.fromkeys(["tr", "az", "kk", "ky", "uz", "tk", "tt", "ba", "ug", "sah", "cv"], "Turkic"),
    **dict.fromkeys(["ar", "he", "mt", "am", "ti", "so", "om", "ha"], "Afro-Asiatic"),
    **dict.fromkeys(["zh", "yue", "my", "bo", "dz"], "Sino-Tibetan"),
    **dict.fromkeys(["ja"], "Japonic"),
    **dict.fromkeys(["ko"], "Koreanic"),
    **dict.fromkeys(["th", "lo"], "Kra-Dai"),
    **dict.fromkeys(["vi", "km"], "Austroasiatic"),
    **dict.fromkeys(
        ["id", "ms", "fil", "tl", "jv", "su", "mg", "haw", "mi", "sm", "to", "ceb"], "Austronesian"
    ),
    **dict.fromkeys(["ta", "te", "kn", "ml"], "Dravidian"),
    **dict.fromkeys(["ka"], "Kartvelian"),
    **dict.fromkeys(["eu"], "Basque"),
    **dict.fromkeys(
        [
            "sw",
            "zu",
            "xh",
            "yo",
            "ig",
            "rw",
            "rn",
            "lg",
            "ln",
            "ak",
            "ee",
            "ff",
            "wo",
            "sn",
            "st",
            "tn",
            "nd",
            "ny",
            "ki",
            "kam",
            "luo",
            "mas",
        ],
        "Niger-Congo",
    ),
    **dict.fromkeys(["mn"], "Mongolic"),
    **dict.fromkeys(["eo", "ia"], "Constructed"),
}


def family(lang: str) -> str:
    """Language family for a code such as "pt_BR" or "zh-Hant"."""
    return FAMILIES.get(lang.replace("_", "-").split("-")[0].lower(), "Other")


def source_repo(source: str) -> str:
    """The owner/repo at the start of a row's `source`."""
    return source.split()[0]


def load_rows(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of reldates-dev.jsonl in file order."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _as_base_offset(value: str, row: dict[str, Any]) -> datetime:
    """A datetime string read per metric (d) and converted to the base's offset."""
    base = datetime.fromisoformat(row["base"])
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        zone_name = (row.get("settings") or {}).get("TIMEZONE")
        parsed = parsed.replace(tzinfo=ZoneInfo(zone_name) if zone_name else base.tzinfo)
    return parsed.astimezone(base.tzinfo)


_WIDTH = {"year": 4, "month": 7, "day": 10, "week": 10, "hour": 13, "minute": 16, "second": 19}


def _key(value: str, row: dict[str, Any]) -> str | None:
    """The comparable prefix of an ISO value at the row's precision."""
    precision = row["precision"]
    is_datetime = "T" in value or " " in value.strip()
    if is_datetime:
        text = _as_base_offset(value, row).isoformat()
    else:
        if precision in ("hour", "minute", "second"):
            return None
        text = value
    return text[: _WIDTH[precision]]


def is_correct(predicted: str | None, row: dict[str, Any]) -> bool:
    """Whether an ISO prediction equals the row's `expected` at the row's precision."""
    if not predicted:
        return False
    try:
        got = _key(predicted, row)
    except ValueError:
        return False
    return got is not None and got == _key(row["expected"], row)


def iso_value(value: date | datetime | None, precision: str) -> str | None:
    """ISO form of a resolver value: a date for day or coarser, else a datetime."""
    if value is None:
        return None
    if precision in ("day", "week", "month", "year") and isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat()
