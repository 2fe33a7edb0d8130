"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.shared_data import shared_data_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The `../shared/data` folder; skips the test when this checkout has none beside it."""
    found = shared_data_dir()
    if found is None:
        pytest.skip("../shared/data is not beside this checkout (set NEWSCRAWL_SHARED_DATA)")
    return found
