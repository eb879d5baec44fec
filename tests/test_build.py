"""The real pipeline: content/ -> docs/ -> ``mkdocs build --strict`` -> site/."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from build_scripts.config import read_config
from build_scripts.schema import ENTRY_TYPES
from tests.conftest import ROOT, copy_project, run_cli


class Links(HTMLParser):
    """Collects href/src attributes, the text of h1/h3 headings, every element with its attributes, and scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.headings: list[tuple[str, str]] = []
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []  # (attributes, inline code)
        self.text: list[str] = []  # the text outside scripts, entities decoded
        self._in: str | None = None
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append((tag, value))
        if tag in ("h1", "h3"):
            self._in, self._text = tag, ""
        if tag == "script":
            self._script, self._code = dict(attrs), ""

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._code += data
            return
        self.text.append(data)
        if self._in:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self.headings.append((tag, self._text.replace("\u00b6", "").strip()))
            self._in = None
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, self._code))
            self._script = None


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_file(site: Path, prefix: str, page: Path, url: str) -> Path | None:
    """The file under ``site`` that a relative ``url`` on ``page`` points to (None: an absolute path outside ``prefix``)."""
    target = urlsplit(urljoin("/" + page.relative_to(site).as_posix(), url)).path
    if url.startswith("/"):  # 404.html uses absolute links under the site's path
        if not target.startswith(prefix):
            return None
        target = target[len(prefix) - 1:]
    path = site / unquote(target).lstrip("/")
    return path / "index.html" if path.is_dir() else path


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
    prefix = urlsplit(read_config(built_project).site_url).path
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        for tag, url in parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//")):
                continue
            path = site_file(site, prefix, page, url)
            if path is None:
                broken.append(f"{page.relative_to(site)}: <{tag}> {url} is outside {prefix}")
            elif not path.is_file():
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
    assert "Checked against its sources by" in html and "Next review due:" in html
    assert "No clinician has reviewed this page yet." in html
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


@pytest.mark.slow
@pytest.mark.parametrize("command", ["build", "report"])  # `report` shows MkDocs' warnings only
def test_a_failing_mkdocs_build_leaves_the_previous_site(tmp_path: Path, command: str) -> None:
    root = copy_project(tmp_path / "project")
    assert run_cli("--root", root, "build").returncode == 0
    before = snapshot(root / "site")
    with (root / "content" / "pages" / "about.md").open("a") as page:
        page.write("\nSee [a page that does not exist](missing.md).\n")
    result = run_cli("--root", root, command)
    assert result.returncode == 1
    assert "Doc file 'about.md' contains a link 'missing.md'" in result.stderr
    assert "previous site/ is unchanged" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(root / "site") == before


@pytest.mark.slow
def test_a_rebuild_with_no_change_writes_no_file_and_an_edit_rebuilds(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    assert run_cli("--root", root, "build").returncode == 0
    before = mtimes(root)
    result = run_cli("--root", root, "build")
    assert result.returncode == 0 and "site/ is up to date" in result.stderr
    assert mtimes(root) == before  # not one file in docs/, site/ or schemas/ written again
    caffeine = root / "content" / "causes" / "caffeine.yaml"
    caffeine.write_text(caffeine.read_text().replace("summary: Too much", "summary: Far too much", 1))
    result = run_cli("--root", root, "build")
    assert result.returncode == 0 and "up to date" not in result.stderr
    assert "Far too much caffeine" in (root / "site" / "causes" / "caffeine" / "index.html").read_text()


def mtimes(root: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for d in ("docs", "site", "schemas") for p in (root / d).rglob("*")}


@pytest.mark.slow  # a whole build of its own, then a second one
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


# --- nothing executable reaches a page ---

# The only inline scripts a page may carry: MkDocs Material's own, once each.
THEME_INLINE_SCRIPTS = (
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(location.hash.slice(1))",
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background"}
SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|livescript|data):", re.I)
EMBEDDING_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}


def executable_parts(root: Path) -> list[str]:
    """Everything in the built site that could run code, other than the theme's own scripts."""
    site = root / "site"
    prefix = urlsplit(read_config(root).site_url).path
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        parsed = parse(page)
        for tag, attrs in parsed.elements:
            if tag in EMBEDDING_TAGS:
                found.append(f"{rel}: <{tag}>")
            if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
                found.append(f"{rel}: <meta http-equiv=refresh>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{rel}: <{tag} {name}=...>")
                if name in URL_ATTRIBUTES and SCRIPT_URL.match(re.sub(r"[\s\x00-\x1f]+", "", value or "")):
                    found.append(f"{rel}: <{tag} {name}={value!r}>")
        inline_seen = set()
        for attrs, code in parsed.scripts:
            if attrs.get("src"):
                src = attrs["src"] or ""
                path = None if urlsplit(src).scheme or src.startswith("//") else site_file(site, prefix, page, src)
                # The theme's assets, at the site's root or under a language's folder (es/assets/).
                if path is None or not path.is_file() or not re.match(r"([a-z]{2}/)?assets/",
                                                                       path.relative_to(site).as_posix()):
                    found.append(f"{rel}: <script src={src!r}> is not one of the site's own assets")
            elif attrs.get("type") in ("application/json", "application/ld+json"):
                json.loads(code)  # data (the theme's config, the navigator's index, JSON-LD): never run
            else:
                known = next((start for start in THEME_INLINE_SCRIPTS if code.startswith(start)), None)
                if known is None or known in inline_seen:
                    found.append(f"{rel}: an unexpected inline <script>: {code[:60]!r}")
                inline_seen.add(known)
    return found


def test_the_executable_parts_check_finds_each_kind(tmp_path: Path) -> None:
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "site" / "assets").mkdir(parents=True)
    (tmp_path / "site" / "assets" / "ok.js").write_text("")
    (tmp_path / "site" / "index.html").write_text(
        '<script src="assets/ok.js"></script><script src="https://cdn.example/x.js"></script>'
        '<script>__md_scope=new URL(".",location)</script><script>alert(1)</script>'
        '<a href=" java\tscript:alert(1)">x</a><img src="DATA:image/svg+xml,x"><p onclick="x">y</p>'
        '<meta http-equiv="Refresh" content="0;url=https://example.org"><iframe src="https://example.org"></iframe>')
    assert executable_parts(tmp_path) == [
        "index.html: <a href=' java\\tscript:alert(1)'>",
        "index.html: <img src='DATA:image/svg+xml,x'>",
        "index.html: <p onclick=...>",
        "index.html: <meta http-equiv=refresh>",
        "index.html: <iframe>",
        "index.html: <script src='https://cdn.example/x.js'> is not one of the site's own assets",
        "index.html: an unexpected inline <script>: 'alert(1)'",
    ]


def test_no_page_runs_anything_but_the_themes_own_scripts(built_project: Path) -> None:
    assert executable_parts(built_project) == []


TRICKY_CAUSE = """\
title: Signs like <3 & co
also_called: [5 < 6 > 4, AT&T, "&lt; 5", '"quoted" words', "{{ 7*7 }}", javascript words]
summary: 'Signs like 1 < 2 and 3 > 2 stay as text. It says "hi" and it''s fine & safe.'
how_common: common
category: daily-life
body_areas: [all-over]
what_it_is: |
  Signs such as 1 < 2, 3 > 2 and & stay as text. So do &lt; 5 and &amp; too.

  Code stays code: `1 < 2 && 3 > 2`.

  A link goes to [the NHS](https://www.nhs.uk/conditions/twitching-eyes-and-muscles/).
how_it_causes_twitching: |
  Curly signs like {{ 7*7 }} and {% raw %} stay as they are.
clues: |
  - A word like onion or onset is fine.
  - A word like javascript is fine without a colon.
things_you_can_do: |
  - Sums stay sums: 2 * 3 * 4.
care:
  see_doctor:
    - twitch-over-2-weeks
sources:
  - title: Twitching eyes and muscles
    publisher: NHS
    url: https://www.nhs.uk/conditions/twitching-eyes-and-muscles/
  - title: Muscle twitching
    publisher: MedlinePlus (US National Library of Medicine)
    url: https://medlineplus.gov/ency/article/003296.htm
last_reviewed: 2026-11-21
next_review_due: 2029-11-21
reviewed_by: Test reviewer
"""


@pytest.fixture(scope="module")
def tricky_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content plus one entry full of text that looks like markup, built for real."""
    root = copy_project(tmp_path_factory.mktemp("tricky"))
    (root / "content" / "causes" / "tricky-text.yaml").write_text(TRICKY_CAUSE, encoding="utf-8")
    result = run_cli("--root", root, "build")  # real content: judged on the real date, like built_project
    assert result.returncode == 0, result.stderr
    return root


def test_tricky_but_valid_text_reaches_the_page_as_text(tricky_project: Path) -> None:
    """Text that looks like markup, entities, templates or script words passes the check and stays inert text."""
    assert executable_parts(tricky_project) == []
    page = parse(tricky_project / "site" / "causes" / "tricky-text" / "index.html")
    text = " ".join("".join(page.text).split())  # what a reader sees: entities decoded, nothing parsed as a tag
    for shown in ("1 < 2, 3 > 2 and & stay as text", "So do < 5 and & too", "1 < 2 && 3 > 2",
                  "{{ 7*7 }} and {% raw %}", "5 < 6 > 4", "Signs like <3 & co"):
        assert shown in text, shown
    assert ("a", "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/") in page.urls


def test_the_description_meta_holds_the_whole_summary(tricky_project: Path) -> None:
    """The theme writes the description into <meta content="..."> unescaped, so the generator escapes it."""
    page = parse(tricky_project / "site" / "causes" / "tricky-text" / "index.html")
    meta = next(dict(attrs) for tag, attrs in page.elements if tag == "meta" and ("name", "description") in attrs)
    assert meta == {"name": "description",
                    "content": "Signs like 1 < 2 and 3 > 2 stay as text. It says \"hi\" and it's fine & safe."}
