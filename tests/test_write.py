"""Generated files are written only when they change, and stale ones are removed."""
from __future__ import annotations

from pathlib import Path

from build_scripts.build import generate
from build_scripts.write import sync_tree
from tests.conftest import FIXTURE_CONTENT, copy_project


def test_sync_writes_changes_and_removes_stale_files(tmp_path: Path) -> None:
    first = sync_tree(tmp_path, {"a.md": "A", "sub/b.md": "B", "old/c.md": "C"})
    assert first.written == ["a.md", "old/c.md", "sub/b.md"]
    before = (tmp_path / "a.md").stat().st_mtime_ns
    second = sync_tree(tmp_path, {"a.md": "A", "sub/b.md": "B2"})
    assert second.written == ["sub/b.md"]
    assert second.removed == ["old/c.md"]
    assert second.unchanged == 1
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert not (tmp_path / "old").exists()
    assert (tmp_path / "sub" / "b.md").read_text() == "B2"


def test_a_no_op_regeneration_writes_no_file(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    first, status = generate(root)
    assert status == 0 and first.written
    stamps = {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()}
    second, status = generate(root)
    assert status == 0
    assert second.written == [] and second.removed == []
    assert {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()} == stamps


def test_editing_one_entry_rewrites_only_the_pages_it_appears_on(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    generate(root)
    emg = root / "content" / "tests" / "emg.yaml"
    emg.write_text(emg.read_text().replace("A thin needle goes into a muscle.", "A thin needle is used."))
    changes, _ = generate(root)
    search = [name for name in changes.written if name.startswith("assets/search/")]
    assert [name for name in changes.written if name not in search] == ["api/tests.json", "tests/emg.md"]
    # The search index: its head (vocabulary counts), the shards of the words that came and went,
    # and the result text of the page's group of pages.
    assert "assets/search/head.json" in search and len(search) <= 8, search


def test_removing_an_entry_removes_its_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    generate(root)
    assert (root / "docs" / "tests" / "emg.md").is_file()
    (root / "content" / "tests" / "emg.yaml").unlink()
    caffeine = root / "content" / "causes" / "caffeine.yaml"
    caffeine.write_text(caffeine.read_text().replace("tests: [emg]\n", ""))
    changes, status = generate(root)
    assert status == 0
    assert "tests/emg.md" in changes.removed
    assert not (root / "docs" / "tests" / "emg.md").exists()
