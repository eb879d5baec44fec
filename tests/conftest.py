"""Shared fixtures: the project root, a fixed date, and copies of the fixture content tree."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
TODAY = dt.date(2026, 11, 21)  # fixtures are written against this date


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture content tree, at <tmp>/content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target
