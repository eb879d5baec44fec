"""Shared fixtures: the project root, a fixed date, and copies of the fixture content tree."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
# The fixtures under tests/ are written against this date. The real content/ is checked on the
# real date, as a contributor's machine checks it: an entry added today is reviewed today.
TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture content tree, at <tmp>/content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def copy_project(target: Path, content: Path = ROOT / "content") -> Path:
    """A buildable copy of the project (settings, theme overrides and ``content``) at ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(content, target / "content")
    return target


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``: {relative path: bytes}, to compare two builds byte for byte."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m build_scripts`` for real and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300,
    )


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/, built once with the real CLI and ``mkdocs build --strict``."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = run_cli("--root", root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="session")
def browser() -> Iterator["Browser"]:
    """Real headless Chromium (the system's), shared by every browser test."""
    from playwright.sync_api import sync_playwright

    from tests.browser import FLAGS, chromium_path

    executable = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def base_url(built_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served under /muscle-twitch-guide/, as GitHub Pages serves it."""
    from tests.browser import serve_under_subpath

    with serve_under_subpath(built_project / "site", tmp_path_factory.mktemp("pages")) as url:
        yield url
