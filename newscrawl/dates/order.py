"""Infer a page's numeric date order from the unambiguous dates it shows.

>>> infer_date_order(["07-02-2026", "14-11-2026"])
'DMY'
>>> infer_date_order(["11/27/2026"])
'MDY'
>>> infer_date_order(["07-02-2026"]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
MAX_MONTH = 12


def infer_date_order(texts: Iterable[str | None]) -> str | None:
    """'DMY' or 'MDY' when the page's numeric dates settle it (a part above 12), else None."""
    dmy = mdy = 0
    for text in texts:
        for first, second, _year in _NUMERIC.findall(text or ""):
            dmy += int(first) > MAX_MONTH >= int(second)
            mdy += int(second) > MAX_MONTH >= int(first)
    if dmy == mdy:
        return None
    return "DMY" if dmy > mdy else "MDY"
