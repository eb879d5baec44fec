"""Build a big site with several ``mkdocs build`` processes at once, then join their output.

MkDocs renders one page at a time, on one core. For a site with thousands of pages, each core
builds a share: every share is a plain ``mkdocs build --strict`` whose config INHERITs
mkdocs.yml and lists the other shares' pages as ``draft_docs``. MkDocs still knows those pages,
so links to them resolve (it notes them at INFO level, which is not printed), but it does not
render them. Pages are shared out by folder and first letter, so each share needs only a few
patterns. Then the shares' pages are moved into one folder, and the search index and sitemap,
which each share wrote for its own pages, are joined in MkDocs' page order.

The result is the same, byte for byte, as one ``mkdocs build`` (tests/test_shards.py checks this),
so the published site does not depend on this: plain ``mkdocs build`` makes the same site.
One check MkDocs cannot make here: a link to an anchor on a page that another share renders.
So ``build`` checks every link of the joined site afterwards (build_scripts/linkcheck.py).
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from build_scripts.write import write_atomic

PAGES_PER_SHARE = 400  # below this many pages per core, one process is faster (each costs ~2 s to start)
JOINED = ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz")
_URL = re.compile(r"\n *<url>.*?</url>", re.S)
_LEVEL = re.compile(r"(?:\x1b\[[0-9;]*m)?(DEBUG|INFO|WARNING|ERROR|CRITICAL)\b")
_GLOB_SPECIAL = re.compile(r"([\[\]\\*?!#])")


def mkdocs_build(site: Path, config: str) -> list[str]:
    """The MkDocs command. Never ``--quiet``: it hides warnings from ``--strict``, which then passes."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site), "--config-file", config]


def problems_only(log: str) -> str:
    """MkDocs' output without its INFO and DEBUG messages (each may run on over several lines)."""
    kept, keep = [], True
    for line in log.splitlines(keepends=True):
        level = _LEVEL.match(line)
        if level:
            keep = level.group(1) not in ("INFO", "DEBUG")
        if keep:
            kept.append(line)
    return "".join(kept)


def share_count(pages: int, cores: int | None = None) -> int:
    """How many processes to use for ``pages`` pages."""
    return max(1, min(cores or os.cpu_count() or 1, pages // PAGES_PER_SHARE))


def page_order(docs: Path) -> list[str]:
    """Markdown pages in the order MkDocs builds them (``mkdocs.structure.files.get_files``):
    folders sorted by name, and in each folder ``index`` (or ``README``) first, then by name."""
    order = []
    for folder, dirnames, filenames in os.walk(docs, followlinks=True):
        dirnames.sort()
        filenames.sort(key=lambda f: (os.path.splitext(f)[0] not in ("index", "README"), f))
        rel = Path(folder).relative_to(docs)
        order += [(rel / f).as_posix() for f in filenames if f.endswith(".md") and not f.startswith(".")]
    return order


def plan(docs: Path, shares: int) -> tuple[list[list[str]], dict[str, int]]:
    """Split the pages into ``shares`` groups of about equal size (in bytes of Markdown).

    Returns each share's ``draft_docs`` patterns for its own pages, and the share of each page.
    A group of pages is a folder and a first letter (``/causes/c*.md``). Pages at the top level
    (home, the hubs and the A-Z) all go to the first share.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    sizes: dict[str, int] = defaultdict(int)
    for page in page_order(docs):
        folder, _, name = page.rpartition("/")
        key = f"/{_escape(folder)}/{_escape(name[0])}*.md" if folder else "/*.md"
        groups[key].append(page)
        sizes[key] += (docs / page).stat().st_size
    loads = [0] * shares
    patterns: list[list[str]] = [[] for _ in range(shares)]
    share_of: dict[str, int] = {}
    for key in sorted(groups, key=lambda key: (key != "/*.md", -sizes[key], key)):
        share = 0 if key == "/*.md" else loads.index(min(loads))
        patterns[share].append(key)
        loads[share] += sizes[key]
        share_of.update(dict.fromkeys(groups[key], share))
    return patterns, share_of


def _escape(text: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\1", text)


def share_config(patterns: list[list[str]], share: int, base: str) -> str:
    """The config of one share: the site's config (``base``), with every other share's pages as drafts.

    Shares after the first also leave out the docs/ files that are not pages (``*`` then
    ``!*.md``: the last matching line wins); the first share copies those.
    """
    others = [pattern for k, own in enumerate(patterns) if k != share for pattern in own]
    drafts = (["*", "!*.md"] if share else []) + others
    lines = "\n".join(f"  {pattern}" for pattern in drafts)
    return ("# Written by build_scripts/shards.py for one share of a parallel build; deleted after.\n"
            f"INHERIT: {base}\ndraft_docs: |\n{lines}\n")


def build_shared(root: Path, docs_dir: str, site: Path, shares: int, env: dict[str, str], base: str) -> int:
    """Build ``root``'s docs/ into ``site`` with ``shares`` MkDocs processes; 0 on success.

    Each share writes its own folder; the first becomes ``site``, the others are moved into it.
    Each share's warnings and errors are printed as a block, after the shares have finished.
    """
    docs = root / docs_dir
    patterns, share_of = plan(docs, shares)
    configs = [root / f".mkdocs-share-{k}.yml" for k in range(shares)]
    outputs = [site] + [site.with_name(f"{site.name}-share-{k}") for k in range(1, shares)]
    try:
        for k, (config, output) in enumerate(zip(configs, outputs)):
            config.write_text(share_config(patterns, k, base), encoding="utf-8")
            shutil.rmtree(output, ignore_errors=True)
        commands = [mkdocs_build(output, str(config)) for config, output in zip(configs, outputs)]
        failed = _run_all(commands, root, env)
        if not failed:
            join(outputs, page_order(docs), share_of)
        return failed
    finally:
        for config in configs:
            config.unlink(missing_ok=True)
        for output in outputs[1:]:
            shutil.rmtree(output, ignore_errors=True)


def _run_all(commands: list[list[str]], cwd: Path, env: dict[str, str]) -> int:
    """Run ``commands`` at once; print each one's warnings and errors; the first non-zero status.

    Their logs go to files, not pipes: a process that filled a pipe nobody was reading yet would
    stop until the one before it had finished (MkDocs notes every link to another share's page).
    """
    processes = []
    with tempfile.TemporaryDirectory(prefix="mkdocs-shares-") as folder:
        logs = [Path(folder) / f"{k}.log" for k in range(len(commands))]
        try:
            for command, path in zip(commands, logs):
                with open(path, "wb") as log:
                    processes.append(subprocess.Popen(command, cwd=cwd, env=env, stdout=log,
                                                      stderr=subprocess.STDOUT))
            failed = 0
            for process, path in zip(processes, logs):
                process.wait()
                sys.stderr.write(problems_only(path.read_text(encoding="utf-8", errors="replace")))
                failed = failed or process.returncode
            return failed
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()
                    process.wait()


def join(outputs: list[Path], order: list[str], share_of: dict[str, int]) -> None:
    """Move the other shares' pages into ``outputs[0]``; join the search indexes and sitemaps."""
    base = outputs[0]
    for output in outputs[1:]:
        _move_new(output, base, output)
    rank = {page: n for n, page in enumerate(order)}
    by_url = {_url(page): n for n, page in enumerate(order)}

    indexes = [json.loads((o / JOINED[0]).read_text(encoding="utf-8")) for o in outputs]
    docs = sorted((doc for index in indexes for doc in index["docs"]),  # stable: sections keep their order
                  key=lambda doc: by_url[doc["location"].partition("#")[0]])
    data = {"config": indexes[0]["config"], "docs": docs}  # as Material's search plugin writes it
    write_atomic(base / JOINED[0], json.dumps(data, separators=(",", ":"), default=str).encode("utf-8"))

    sitemaps = [(o / JOINED[1]).read_text(encoding="utf-8") for o in outputs]
    blocks: list[tuple[int, str]] = []
    for share, sitemap in enumerate(sitemaps):
        pages = [page for page in order if share_of[page] == share]
        found = _URL.findall(sitemap)
        if len(found) != len(pages):
            raise RuntimeError(f"share {share}'s sitemap lists {len(found)} pages; it built {len(pages)}")
        blocks += zip((rank[page] for page in pages), found)
    first = sitemaps[0]
    head = first[:first.index("\n", first.index("<urlset"))]  # up to the end of the <urlset ...> line
    text = head + "".join(block for _, block in sorted(blocks)) + first[first.rindex("\n</urlset>"):]
    write_atomic(base / JOINED[1], text.encode("utf-8"))
    gz = base / JOINED[2]
    with gzip.open(gz, "rb") as old:  # keep MkDocs' timestamp (the build date)
        old.read()
        mtime = old.mtime
    with open(gz, "wb") as handle, gzip.GzipFile(fileobj=handle, filename=str(gz), mode="wb", mtime=mtime) as out:
        out.write(text.encode("utf-8"))


def _move_new(folder: Path, base: Path, output: Path) -> None:
    """Move what ``base`` lacks from ``folder`` (inside a share's ``output``) into ``base``: a whole
    folder at a time where ``base`` has none of it (one rename per page), else file by file. What
    both have (the theme's files, which every share copies) stays as the first share wrote it."""
    with os.scandir(folder) as entries:
        for entry in entries:
            rel = Path(entry.path).relative_to(output)
            target = base / rel
            if entry.is_dir(follow_symlinks=False):
                if target.is_dir():
                    _move_new(Path(entry.path), base, output)
                else:
                    os.replace(entry.path, target)
            elif rel.as_posix() not in JOINED and not target.exists():
                os.replace(entry.path, target)


def _url(page: str) -> str:
    """A page's URL as the search index gives it (``use_directory_urls``; the home page is "")."""
    from mkdocs.structure.files import File

    url = File(page, "docs", "site", use_directory_urls=True).url
    return "" if url == "./" else url
