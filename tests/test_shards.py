"""A big site is built by several MkDocs processes at once (build_scripts/shards.py).

The site they make together must be the one plain ``mkdocs build`` makes, byte for byte,
a warning in any one of them must fail the build, and so must a broken link between them.
"""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pathspec import GitIgnoreSpec

from build_scripts.shards import page_order, plan, share_config
from build_scripts.build import MKDOCS_CONFIG, build, mkdocs_env
from build_scripts.linkcheck import anchors_and_links, check_site
from tests.conftest import copy_project, files_of, run_cli

SHARES = 3


@pytest.mark.slow  # a second, shared build of the whole site
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
        config = share_config(patterns, share, MKDOCS_CONFIG)
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
    shutil.copy2(built_project / MKDOCS_CONFIG, root / MKDOCS_CONFIG)
    _, share_of = plan(root / "docs", SHARES)
    edited = [page for page in page_order(root / "docs") if share_of[page] == SHARES - 1]
    for page in edited:
        with (root / "docs" / page).open("a", encoding="utf-8") as handle:
            handle.write("\nSee [a page that does not exist](missing.md).\n")
    _, share_of = plan(root / "docs", SHARES)  # the edit made these pages longer: shared out again
    page = next(page for page in edited if share_of[page] > 0)  # a share other than the first

    from build_scripts.shards import build_shared

    status = build_shared(root, "docs", tmp_path / "out", SHARES, mkdocs_env(root), MKDOCS_CONFIG)
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
    shutil.copy2(built_project / MKDOCS_CONFIG, root / MKDOCS_CONFIG)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nuse_directory_urls: false\n")
    assert run_mkdocs(root, read_config(root), tmp_path / "out", jobs=SHARES, quiet=True) == 0
    assert "MkDocs processes" not in capsys.readouterr().err
    assert (tmp_path / "out" / "causes" / "caffeine.html").is_file()


# After the shares join, every link between the built pages is checked (build_scripts/linkcheck.py):
# a share's MkDocs cannot see the anchors of the pages another share renders.

class _Reference(HTMLParser):
    """What the standard library's HTML parser finds: the link check must find the same."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: dict[str, None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)
            elif value is not None and name in ("href", "src"):
                self.urls[value] = None


def _reference(text: str) -> tuple[set[str], list[str]]:
    parser = _Reference()
    parser.feed(text)
    parser.close()
    return parser.ids, list(parser.urls)


def test_the_link_check_finds_the_ids_and_links_html_parser_finds(built_project: Path) -> None:
    tricky = """<!DOCTYPE html><!-- <a href="commented.html"> --><A HREF='Upper.html' ID=top-1>x</A>
      <script>if (a<b) { document.write("<a href='scripted.html'>") }</script><a name="old-anchor"></a>
      <p title="x > y" id="t&amp;u">Tom &amp; <a href="a.html?x=1&amp;y=2#f">Jerry</a></p><img src=pic.png />
      <span name="not-an-anchor" data-id="nor-this"></span><a href="a.html#f">again</a><a id=""></a>"""
    assert anchors_and_links(tricky) == _reference(tricky) == (
        {"top-1", "old-anchor", "t&u", ""}, ["Upper.html", "a.html?x=1&y=2#f", "pic.png", "a.html#f"])
    texts = {p: p.read_text(encoding="utf-8") for p in (built_project / "site").rglob("*.html")}
    differ = [page for page, text in texts.items() if anchors_and_links(text) != _reference(text)]
    assert len(texts) > 50 and not differ


def test_the_link_check_follows_links_as_a_browser_does(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = """<h2 id="here">Here</h2><a href="#here">a</a><a href="#top">b</a><a href="#">c</a>
      <a href="../b/#b">d</a><a href="../b/index.html#b">e</a><a href="../b">f</a><a href="../b/?q=1">g</a>
      <a href="https://example.org/elsewhere/#x">h</a><a href="mailto:me@example.org">i</a><a href="tel:999">j</a>
      <script src="../../assets/javascripts/missing.js"></script><a href="../../search/search_index.json">k</a>
      <a href="/guide/a/a/#here">l</a><a href="https://example.net/guide/a/b/">m</a><a href="../../api/x.json#any">n</a>
      <a href="#gone">1</a><a href="../b/#gone">2</a><a href="../c/">3</a><a href="/elsewhere/">4</a>
      <a href="../../../x/">5</a>
      <a href="https://example.net/guide/a/c/#x">6</a><a href="/guide/a/b/#gone">7</a>"""
    for name, text in {"a/a/index.html": page, "a/b/index.html": '<p id="b">b</p>', "api/x.json": "{}",
                       "index.html": '<a href="a/a/#here">home</a>'}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    broken = check_site(site, "https://example.net/guide/")
    assert [(b.page, b.href, b.problem) for b in broken] == [
        ("a/a/", "#gone", "a/a/ has no element with id 'gone'"),
        ("a/a/", "../b/#gone", "a/b/ has no element with id 'gone'"),
        ("a/a/", "../c/", "the built site has no a/c/"),
        ("a/a/", "/elsewhere/", "it leads out of the site"),
        ("a/a/", "../../../x/", "it leads out of the site"),
        ("a/a/", "https://example.net/guide/a/c/#x", "the built site has no a/c/"),
        ("a/a/", "/guide/a/b/#gone", "a/b/ has no element with id 'gone'"),
    ]
    assert check_site(site, "https://example.net/guide/", jobs=2) == broken, "the same from two workers"


@pytest.mark.slow
def test_a_broken_anchor_between_shares_fails_the_build(built_project: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # The home page, in the first share, links to a section of a page in the second share. The
    # second share's largest group of pages always goes to the second share, whatever the home page says.
    docs = built_project / "docs"
    groups: dict[str, list[str]] = {}
    for page in page_order(docs):
        if "/" in page:
            groups.setdefault(page.rpartition("/")[0] + "/" + page.rpartition("/")[2][0], []).append(page)
    target = max(groups.values(), key=lambda pages: sum((docs / p).stat().st_size for p in pages))[0]
    url = target.removesuffix(".md") + "/"
    html = (built_project / "site" / url / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<h2 id="([^"]+)"', html).group(1)

    root = copy_project(tmp_path / "project")
    home = root / "content" / "pages" / "index.md"
    original = home.read_text(encoding="utf-8")
    home.write_text(original + f"\nRead [this section]({target}#{section}).\n", encoding="utf-8")
    assert build(root, quiet=True, jobs=2) == 0, capsys.readouterr().err
    assert "Building with 2 MkDocs processes" in capsys.readouterr().err
    assert plan(root / "docs", 2)[1][target] == 1 and plan(root / "docs", 2)[1]["index.md"] == 0
    assert f'href="{url}#{section}"' in (root / "site" / "index.html").read_text(encoding="utf-8")
    before = files_of(root / "site")

    home.write_text(original + f"\nRead [this section]({target}#no-such-section).\n", encoding="utf-8")
    assert build(root, quiet=True, jobs=2) == 1
    err = capsys.readouterr().err
    assert "mkdocs build --strict failed" not in err, "each share's MkDocs passes: only the joined site shows it"
    assert (f"content/pages/index.md: broken link: page (home) links to '{url}#no-such-section': "
            f"{url} has no element with id 'no-such-section'") in err
    assert "1 broken link(s) in the built site; the previous site/ is unchanged." in err
    assert files_of(root / "site") == before
    leftovers = [p.name for p in root.iterdir() if p.name.startswith((".site", ".mkdocs-share")) or "-share-" in p.name]
    assert not leftovers, "the staging folder and the shares' folders are removed"
