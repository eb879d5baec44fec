"""Generate docs/ from content/, then build site/ with ``mkdocs build --strict``.

Nothing is half-written: docs/ changes only after the content validates, and
site/ is swapped in only after MkDocs has finished without a warning and every
link between its pages, and every page's reading level, has been checked.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dataclasses import replace

from build_scripts.errors import report
from build_scripts.language import languages, load_all
from build_scripts.model import Content
from build_scripts.config import SiteConfig, read_config
from build_scripts.linkcheck import check_site
from build_scripts.readability import score_site
from build_scripts.render import SiteRenderer
from build_scripts.search_index import stub
from build_scripts.sitemap import add_alternates
from build_scripts.site_config import FILE as SITE_CONFIG_FILE, site_config
from build_scripts.words import REFERENCE
from build_scripts.shards import build_shared, mkdocs_build, page_order, problems_only, share_count
from build_scripts.schema_json import EDITOR_SETTINGS, all_schemas, editor_settings, entry_schemas
from build_scripts.model import load_content
from build_scripts.workers import fork_map
from build_scripts.write import Changes, replace_dir, sync_tree, write_atomic, write_if_changed

SCHEMA_DIR = "schemas"
MKDOCS_CONFIG = SITE_CONFIG_FILE.format(language=REFERENCE)  # what MkDocs reads: mkdocs.yml and the generator's part
STAMP = ".cache/site-inputs"  # fingerprint of what the current site/ was built from


Timings = dict[str, float]


@contextmanager
def stage(timings: Timings | None, name: str) -> Iterator[None]:
    """Add the seconds the block takes to ``timings[name]`` (for the benchmark)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started


def generate(root: Path, strict: bool = False, timings: Timings | None = None,
             jobs: int | None = None) -> tuple[Changes | None, int]:
    """Validate content/ and its translations and, if they are clean, bring docs/, each other
    language's docs folder (docs-es/) and schemas/ up to date.

    A big content tree is loaded, and its entry pages rendered and written, by ``jobs`` forked
    processes (``build_scripts.workers``; by default one per core).
    """
    with stage(timings, "load and validate"):
        content, others, problems = load_all(root / "content", strict=strict, jobs=jobs)
    status = report(problems)
    if status:
        return None, status
    config = read_config(root)
    codes = [REFERENCE, *(language.code for language in others)]
    changes = _write_docs(root, content, config, codes, timings, jobs)
    for language in others:
        language.content.english_url = config.site_url
        _write_docs(root, language.content, language_config(config, language.code), codes, timings, jobs)
    for name, text in entry_schemas(content.ctx).items():
        write_if_changed(root / SCHEMA_DIR / name, text)
    return changes, 0


def language_config(config: SiteConfig, code: str) -> SiteConfig:
    """Where another language's pages are written and published: docs-<code>/, under <site>/<code>/."""
    return replace(config, docs_dir=f"{config.docs_dir}-{code}", site_url=f"{config.site_url.rstrip('/')}/{code}/",
                   language=code)


def _write_docs(root: Path, content: Content, config: SiteConfig, codes: list[str], timings: Timings | None,
                jobs: int | None) -> Changes:
    """Render one language's pages into its docs folder, and write its MkDocs config."""
    docs = root / config.docs_dir
    with stage(timings, "render and write"):
        renderer = SiteRenderer(content, config)

        def write_page(key: tuple[int, str]) -> tuple[str, bool]:
            rel, text = renderer.entry_page(key)
            return rel, write_if_changed(docs / rel, text)

        files: dict[str, str | bytes] = {}

        def render_the_rest() -> None:  # here, while the workers write the entry pages
            files.update(renderer.other_files())
            files.update({f"api/schema/{name}": text for name, text in all_schemas(content.ctx).items()})

        pages = fork_map(write_page, renderer.entry_keys(), jobs, meanwhile=render_the_rest)
        changes = sync_tree(docs, files, done=pages)
        write_if_changed(root / SITE_CONFIG_FILE.format(language=config.language), site_config(content, config, codes))
    return changes


def build(root: Path, strict: bool = False, quiet: bool = False, force: bool = False,
          jobs: int | None = None, timings: Timings | None = None) -> int:
    """Full build: validate, generate, MkDocs into a staging folder, check links and reading levels, then swap in.

    If nothing MkDocs reads has changed since the last build, site/ is left as it is (``force``
    rebuilds anyway): a rebuild with no change writes no file. A big site is built by ``jobs``
    MkDocs processes at once (``build_scripts.shards``; by default one per core, from 400 pages
    per core). Then every link between the built pages is checked (``build_scripts.linkcheck``):
    MkDocs checks links to anchors only on the pages its own process renders. ``timings`` gets
    the seconds each stage took.
    """
    started = time.perf_counter()
    changes, status = generate(root, strict=strict, timings=timings, jobs=jobs)
    if status:
        print("Nothing was built; the previous site/ is unchanged.", file=sys.stderr)
        return status
    print(f"docs/: {changes}.", file=sys.stderr)
    config = read_config(root)
    target = root / config.site_dir
    stamp = root / STAMP
    codes = languages(root / "content")
    inputs = fingerprint(root, config.docs_dir, codes)
    if not force and (target / "index.html").is_file() and stamp.is_file() and stamp.read_text() == inputs:
        print(f"{config.site_dir}/ is up to date: nothing it is built from has changed.", file=sys.stderr)
        return 0
    staging = target.with_name(f".{target.name}-new")
    shutil.rmtree(staging, ignore_errors=True)
    with stage(timings, "mkdocs"):
        returncode = run_mkdocs(root, config, staging, jobs, quiet)
        for code in codes if returncode == 0 else ():  # each language into its folder of the site
            returncode = run_mkdocs(root, language_config(config, code), staging / code, jobs, quiet)
            if returncode == 0:
                stub_search_index(staging / code)
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("mkdocs build --strict failed (see above); the previous site/ is unchanged.", file=sys.stderr)
        return 1
    stub_search_index(staging)
    if codes:
        add_alternates(staging, config.site_url, [REFERENCE, *codes])
    with stage(timings, "link check"):
        broken = check_site(staging, config.site_url)
    if broken:
        shutil.rmtree(staging, ignore_errors=True)
        for link in broken:
            print(f"{source_of(root, link.page)}: broken link: page {link.page} links to '{link.href}': "
                  f"{link.problem}", file=sys.stderr)
        print(f"{len(broken)} broken link(s) in the built site; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    with stage(timings, "reading check"):
        too_hard = [s for s in score_site(staging) if s.too_hard]
    if too_hard:
        shutil.rmtree(staging, ignore_errors=True)
        for score in too_hard:
            scorer = score.measure
            print(f"{source_of(root, score.page)}: reading level: page {score.page} scores {scorer.name} "
                  f"{score.grade:.1f}, {scorer.past} {scorer.limit:g} (longest sentence: {score.longest} words); "
                  "use shorter sentences and plainer words", file=sys.stderr)
        print(f"{len(too_hard)} page(s) too hard to read; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    replace_dir(staging, target)
    write_atomic(stamp, inputs.encode())
    print(f"Built {config.site_dir}/ in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
    return 0


def run_mkdocs(root: Path, config: SiteConfig, site: Path, jobs: int | None = None, quiet: bool = False) -> int:
    config_file = SITE_CONFIG_FILE.format(language=config.language)
    """``mkdocs build --strict`` into ``site``, by ``jobs`` processes at once; its exit status.

    ``quiet`` prints only MkDocs' warnings and errors. A shared build always does. It joins the
    shares' search indexes by URL, so it needs ``use_directory_urls`` (MkDocs' default).
    """
    shares = jobs or share_count(len(page_order(root / config.docs_dir)))
    if not config.use_directory_urls:
        shares = 1
    if shares > 1:
        print(f"Building with {shares} MkDocs processes at once.", file=sys.stderr)
        return build_shared(root, config.docs_dir, site, shares, mkdocs_env(root), config_file)
    result = subprocess.run(mkdocs_build(site, config_file), cwd=root, env=mkdocs_env(root), capture_output=quiet, text=True)
    if quiet:
        sys.stderr.write(problems_only(result.stdout + result.stderr))
    return result.returncode


THEME_INDEX = "search/search_index.json"


def stub_search_index(site: Path) -> None:
    """Cut the theme's search index down to its settings (a few hundred bytes): the theme fetches
    it on every page load, but our worker reads ``assets/search/`` (``search_index.py``) only
    when the reader searches."""
    path = site / THEME_INDEX
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(stub(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def fingerprint(root: Path, docs_dir: str, codes: list[str] = ()) -> str:
    """A hash of everything ``mkdocs build`` reads: docs/, overrides/, mkdocs.yml, the settings it
    takes from the environment, and the versions of MkDocs and the theme."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    env = mkdocs_env(root)
    for setting in ("SITE_URL", "REPO_URL", "SOURCE_DATE_EPOCH"):
        digest.update(f"{setting}={env.get(setting, '')}\0".encode())
    digest.update(f"mkdocs {version('mkdocs')}, material {version('mkdocs-material')}\0".encode())
    configs = [root / SITE_CONFIG_FILE.format(language=code) for code in (REFERENCE, *codes)]
    folders = (docs_dir, *(f"{docs_dir}-{code}" for code in codes), "overrides")
    files = [root / "mkdocs.yml", *configs, *(p for d in folders for p in sorted((root / d).rglob("*")))]
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def source_of(root: Path, page: str) -> str:
    """The file a contributor edits to change the built ``page`` (a site path such as ``causes/caffeine/``)."""
    parts = page.strip("/").split("/")
    if len(parts) == 2 and (root / "content" / parts[0] / f"{parts[1]}.yaml").is_file():
        return f"content/{parts[0]}/{parts[1]}.yaml"
    name = "index" if page == "(home)" else page.strip("/")
    if (root / "content" / "pages" / f"{name}.md").is_file():
        return f"content/pages/{name}.md"
    return f"content/ (generated page {page})"


def mkdocs_env(root: Path) -> dict[str, str]:
    """Environment for MkDocs: quiet about MkDocs 2, and a fixed build date for byte-identical builds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    if not env.get("SOURCE_DATE_EPOCH"):  # unset or empty: use the commit's date
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
        if stamp.returncode == 0 and stamp.stdout.strip():
            env["SOURCE_DATE_EPOCH"] = stamp.stdout.strip()
    return env


def write_schemas(root: Path, check: bool = False) -> int:
    """Write schemas/*.json and the editor's map of them from the definitions (``--check``: only
    say whether they are current)."""
    content, problems = load_content(root / "content")
    if report(problems):
        return 1
    stale = []
    settings = root / EDITOR_SETTINGS
    files = {f"{SCHEMA_DIR}/{name}": text for name, text in entry_schemas(content.ctx).items()}
    files[EDITOR_SETTINGS] = editor_settings(settings.read_text(encoding="utf-8") if settings.is_file() else "")
    for name, text in files.items():
        path = root / name
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        elif write_if_changed(path, text):
            print(f"wrote {name}", file=sys.stderr)
    if stale:
        print(f"out of date: {', '.join(stale)}; run `python -m build_scripts schema` and commit the result.",
              file=sys.stderr)
        return 1
    return 0
