"""The real pipeline: content/ -> docs/ -> ``mkdocs build --strict`` -> site/."""
from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from build_scripts.config import read_config
from build_scripts.schema import ENTRY_TYPES
from tests.conftest import ROOT, copy_project, run_cli


class Links(HTMLParser):
    """Collects href/src attributes and the text of h1/h3 headings."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.headings: list[tuple[str, str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append((tag, value))
        if tag in ("h1", "h3"):
            self._in, self._text = tag, ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self.headings.append((tag, self._text.replace("\u00b6", "").strip()))
            self._in = None


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def entries(kind_folder: str) -> list[str]:
    return sorted(p.stem for p in (ROOT / "content" / kind_folder).glob("*.yaml"))


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("etype", ENTRY_TYPES, ids=lambda t: t.name)
def test_every_entry_has_a_page_titled_from_its_yaml(built_project: Path, etype) -> None:
    api = json.loads((built_project / "site" / "api" / f"{etype.folder}.json").read_text())
    assert [item["id"] for item in api[etype.folder]] == entries(etype.folder)
    for item in api[etype.folder]:
        page = built_project / "site" / etype.folder / item["id"] / "index.html"
        assert ("h1", item["title"]) in parse(page).headings


def test_every_internal_link_and_asset_resolves(built_project: Path) -> None:
    site = built_project / "site"
    prefix = urlsplit(read_config(built_project).site_url).path  # 404.html uses absolute links
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        base = "/" + page.relative_to(site).as_posix()
        for tag, url in parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//")):
                continue
            target = urlsplit(urljoin(base, url)).path
            if url.startswith("/"):
                if not target.startswith(prefix):
                    broken.append(f"{page.relative_to(site)}: <{tag}> {url} is outside {prefix}")
                    continue
                target = target[len(prefix) - 1:]
            path = site / unquote(target).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: <{tag}> {url}")
    assert broken == []


def test_no_page_loads_anything_from_another_site(built_project: Path) -> None:
    """Scripts, styles, fonts and images all come from the site itself (links to sources are fine)."""
    site = built_project / "site"
    external = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        external += [f"{page.relative_to(site)}: {m}" for m in re.findall(
            r"<(?:script|img|iframe|source)[^>]*\ssrc=\"(?:https?:)?//[^\"]+\"|<link[^>]*rel=\"(?:stylesheet|preconnect|"
            r"preload|icon)\"[^>]*href=\"(?:https?:)?//[^\"]+\"", html)]
    assert external == []


def test_cross_links_follow_the_data(built_project: Path) -> None:
    """Each cause links to its treatments, tests and related causes; treatments and tests link back."""
    site = built_project / "site"
    causes = json.loads((site / "api" / "causes.json").read_text())["causes"]
    checked = 0
    for cause in causes:
        cause_links = {url for _, url in parse(site / "causes" / cause["id"] / "index.html").urls}
        for item in cause.get("treatments", []):
            assert f"../../treatments/{item['id']}/" in cause_links
            back = {url for _, url in parse(site / "treatments" / item["id"] / "index.html").urls}
            assert f"../../causes/{cause['id']}/" in back
            checked += 1
        for test_id in cause.get("tests", []):
            assert f"../../tests/{test_id}/" in cause_links
            back = {url for _, url in parse(site / "tests" / test_id / "index.html").urls}
            assert f"../../causes/{cause['id']}/" in back
            checked += 1
        for other in cause.get("related", []):
            assert f"../{other}/" in cause_links
            assert f"../{cause['id']}/" in {url for _, url in parse(site / "causes" / other / "index.html").urls}
    assert checked > 0


def test_care_cards_state_their_level_in_words_emergency_first(built_project: Path) -> None:
    site = built_project / "site"
    for page in (site / "causes").glob("*/index.html"):
        levels = [text.split(":")[0] for tag, text in parse(page).headings if tag == "h3"]
        assert levels, f"{page} has no care card"
        order = ["Emergency", "Urgent", "See a doctor"]
        assert levels == [level for level in order if level in levels]


def test_api_documents_match_their_published_schemas(built_project: Path) -> None:
    api = built_project / "site" / "api"
    for etype in ENTRY_TYPES:
        document = json.loads((api / f"{etype.folder}.json").read_text())
        schema = json.loads((api / "schema" / f"{etype.name}.api.schema.json").read_text())
        jsonschema.validate(document, schema)
        assert document["count"] == len(entries(etype.folder))


def test_entry_page_shows_sources_review_dates_and_edit_link(built_project: Path) -> None:
    html = (built_project / "site" / "causes" / "caffeine" / "index.html").read_text()
    assert "Also called:" in html
    assert re.search(r"<ol>\s*<li>.*?<a href=\"https://", html, re.S)
    assert "Last reviewed:" in html and "Next review due:" in html and "Reviewed by:" in html
    assert "/edit/main/content/causes/caffeine.yaml" in html
    assert "not medical advice" in html


def test_nav_lists_hubs_not_entries(built_project: Path) -> None:
    """Per-page cost stays constant: no page's navigation links to an entry page."""
    site = built_project / "site"
    entry_pages = {f"/{t.folder}/{i}/" for t in ENTRY_TYPES for i in entries(t.folder)}
    for page in site.rglob("*.html"):
        base = "/" + page.relative_to(site).as_posix()
        nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', page.read_text(encoding="utf-8"))
        assert nav, page
        targets = {urlsplit(urljoin(base, href)).path for href in nav if not href.startswith("#")}
        assert not targets & entry_pages, f"{page.relative_to(site)} lists entry pages in its navigation"


def test_a_failing_mkdocs_build_leaves_the_previous_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    assert run_cli("--root", root, "build").returncode == 0
    before = snapshot(root / "site")
    with (root / "content" / "pages" / "about.md").open("a") as page:
        page.write("\nSee [a page that does not exist](missing.md).\n")
    result = run_cli("--root", root, "build")
    assert result.returncode == 1
    assert "previous site/ is unchanged" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(root / "site") == before


def test_invalid_content_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    assert run_cli("--root", root, "build").returncode == 0
    site, docs = snapshot(root / "site"), snapshot(root / "docs")
    caffeine = root / "content" / "causes" / "caffeine.yaml"
    caffeine.write_text(caffeine.read_text().replace("how_common: common", "how_common: sometimes"))
    result = run_cli("--root", root, "build")
    assert result.returncode == 1
    assert "content/causes/caffeine.yaml:" in result.stderr and "how_common: 'sometimes'" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(root / "site") == site and snapshot(root / "docs") == docs
