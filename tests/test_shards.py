"""A big site is built by several MkDocs processes at once (build_scripts/shards.py).

The site they make together must be the one plain ``mkdocs build`` makes, byte for byte,
and a warning in any one of them must fail the build.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from pathspec import GitIgnoreSpec

from build_scripts.shards import page_order, plan, share_config
from build_scripts.build import mkdocs_env
from tests.conftest import copy_project, files_of, run_cli

SHARES = 3


def test_a_shared_build_makes_the_same_site_byte_for_byte(built_project: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    result = run_cli("--root", root, "build", "--jobs", SHARES)
    assert result.returncode == 0, result.stderr
    assert f"Building with {SHARES} MkDocs processes" in result.stderr
    single, shared = files_of(built_project / "site"), files_of(root / "site")
    assert sorted(shared) == sorted(single), "the shared build made a different set of files"
    differ = [name for name in single if shared[name] != single[name]]
    assert not differ, f"these files differ from a single `mkdocs build`: {differ[:10]}"
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".mkdocs-share") or "-share-" in p.name]
    assert not leftovers, f"the shared build left {leftovers} behind"


@pytest.mark.parametrize("shares", [2, 3, 5])
def test_every_page_is_built_by_exactly_one_share(built_project: Path, shares: int) -> None:
    docs = built_project / "docs"
    pages = page_order(docs)
    others = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"]
    patterns, share_of = plan(docs, shares)
    assert sorted(share_of) == sorted(pages)
    for share in range(shares):
        config = share_config(patterns, share)
        drafts = GitIgnoreSpec.from_lines(yaml.safe_load(config)["draft_docs"].splitlines())
        built = {page for page in pages if not drafts.match_file(page)}  # as MkDocs reads draft_docs
        assert built == {page for page, owner in share_of.items() if owner == share}
        copied = [name for name in others if not drafts.match_file(name)]
        assert copied == (others if share == 0 else []), "only the first share copies the other files"
    top_level = [page for page in pages if "/" not in page]
    assert {share_of[page] for page in top_level} == {0}, "the home page and hubs belong to the first share"


def test_a_warning_in_any_share_fails_the_build(built_project: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    shutil.copytree(built_project / "docs", root / "docs")
    _, share_of = plan(root / "docs", SHARES)
    edited = [page for page in page_order(root / "docs") if share_of[page] == SHARES - 1]
    for page in edited:
        with (root / "docs" / page).open("a", encoding="utf-8") as handle:
            handle.write("\nSee [a page that does not exist](missing.md).\n")
    _, share_of = plan(root / "docs", SHARES)  # the edit made these pages longer: shared out again
    page = next(page for page in edited if share_of[page] > 0)  # a share other than the first

    from build_scripts.shards import build_shared

    status = build_shared(root, "docs", tmp_path / "out", SHARES, mkdocs_env(root))
    assert status != 0
    assert f"Doc file '{page}' contains a link 'missing.md'" in capsys.readouterr().err
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".mkdocs-share")]
    assert not leftovers and not list(tmp_path.glob("out-share-*"))


def test_a_site_without_directory_urls_is_built_by_one_process(built_project: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # The shares' search indexes are joined by directory URL, so such a site is not shared out.
    from build_scripts.config import read_config
    from build_scripts.build import run_mkdocs

    root = copy_project(tmp_path / "project")
    shutil.copytree(built_project / "docs", root / "docs")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nuse_directory_urls: false\n")
    assert run_mkdocs(root, read_config(root), tmp_path / "out", jobs=SHARES, quiet=True) == 0
    assert "MkDocs processes" not in capsys.readouterr().err
    assert (tmp_path / "out" / "causes" / "caffeine.html").is_file()
