"""Golden files: the fixture content tree renders to exactly the files under tests/golden/.

After an intended change to the templates, regenerate with
``UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py`` and review the diff.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from build_scripts.config import SiteConfig
from build_scripts.render import SiteRenderer, derive_links
from build_scripts.model import load_content
from tests.conftest import FIXTURE_CONTENT, TODAY

GOLDEN = Path(__file__).parent / "golden"
CONFIG = SiteConfig(
    site_url="https://example.github.io/twitch/",
    repo_url="https://github.com/example/twitch",
    edit_uri="edit/main/content/pages/",
    docs_dir="docs",
    site_dir="site",
)


def rendered() -> dict[str, bytes]:
    content, problems = load_content(FIXTURE_CONTENT, today=TODAY)
    assert problems == []
    renderer = SiteRenderer(content, CONFIG)
    files: dict[str, str | bytes] = dict(renderer.entry_page(key) for key in renderer.entry_keys())
    files.update(renderer.other_files())
    return {path: data.encode() if isinstance(data, str) else data for path, data in files.items()}


def test_render_matches_golden_files() -> None:
    files = rendered()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, data in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(data)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected), "a generated file was added or removed"
    for path, data in files.items():
        assert data.decode() == expected[path].decode(), f"{path} differs from tests/golden/{path}"


def test_derived_links_go_both_ways() -> None:
    content, _ = load_content(FIXTURE_CONTENT, today=TODAY)
    links = derive_links(content)
    # caffeine lists stress as related: stress shows caffeine without saying so itself
    assert [e.id for e, _ in links[("cause", "stress")]["related"]] == ["caffeine"]
    # caffeine lists stretching and emg: the treatment and the test show caffeine
    assert [(e.id, note) for e, note in links[("treatment", "cutting-down-caffeine")]["causes"]] == [
        ("caffeine", "The main thing that helps.")
    ]
    assert [e.id for e, _ in links[("test", "emg")]["causes"]] == ["caffeine"]


def test_edit_link_points_to_the_yaml_file() -> None:
    page = rendered()["causes/caffeine.md"].decode()
    assert "(https://github.com/example/twitch/edit/main/content/causes/caffeine.yaml)" in page
    assert "source: \"content/causes/caffeine.yaml\"" in page


def test_emergency_card_comes_first() -> None:
    page = rendered()["causes/caffeine.md"].decode()
    assert page.index("### Emergency:") < page.index("### See a doctor:")
