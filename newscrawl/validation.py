"""Check output records against `article.schema.json` with a compiled validator.

The crawl validates every record on the reactor thread, so the check must be cheap:
`fastjsonschema` compiles the schema into Python code (about 13x faster than `jsonschema`'s
interpreter on our records). The schema uses only draft-07 keywords, and formats are not
asserted, as `jsonschema` does not assert them by default; `tests/test_records.py` checks that
both validators agree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import fastjsonschema

from newscrawl.items import record_schema

#: The draft the compiled validator applies (the schema file names 2020-12, a superset).
COMPILED_DRAFT = "http://json-schema.org/draft-07/schema#"


@cache
def _compiled() -> Callable[[Any], Any]:
    """The record schema compiled once per process."""
    schema = {**record_schema(), "$schema": COMPILED_DRAFT}
    return fastjsonschema.compile(schema, use_formats=False)


def record_problem(record: dict[str, Any]) -> tuple[str, str] | None:
    """(field, message) of the first schema violation of `record`, or None when it is valid.

    >>> record_problem({"url": "ftp://x"})[0]
    'record'
    """
    try:
        _compiled()(record)
    except fastjsonschema.JsonSchemaValueException as error:
        path = [str(part) for part in error.path[1:]]  # path[0] is "data"
        return (path[0] if path else "record"), error.message
    return None
