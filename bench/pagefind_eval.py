"""Pagefind on issue 16's queries, for the engine comparison (bench/README.md, "Engine comparison").

Indexes a copy of the built site with Pagefind (`<article>` only; the pages and sections that
Material's search and ours leave out are left out here too), serves it as GitHub Pages does,
imports `pagefind/pagefind.js` into a blank page in headless Chromium and runs every query of
`tests/search/queries.yaml` through `pagefind.search`, in two variants:

- Pagefind as it comes (a page must hold every word of the query);
- Pagefind + fallback: a query that finds nothing is searched word by word, and the pages are
  merged by their summed scores.

Nothing is tuned. It prints hit@1 and hit@3 per kind for the tuning and held-back parts, and the
gzipped bytes a first query fetches. Pagefind is not a project requirement: install it apart,

    python3 -m venv /tmp/pfvenv && /tmp/pfvenv/bin/pip install "pagefind[bin]==1.5.2"
    python -m build_scripts build
    python -m bench.pagefind_eval --pagefind /tmp/pfvenv/bin/python
    python -m bench.pagefind_eval --pagefind /tmp/pfvenv/bin/python --bytes-only \\
        --site <synthetic project>/site --docs <synthetic project>/docs
"""
from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from bench.run import FIRST_QUERY
from tests.browser import FLAGS, SUBPATH, PagesHandler, chromium_path, serve_under_subpath
from tests.search_eval import QUERIES, TOP, Result, load_queries, report

ROOT = Path(__file__).resolve().parent.parent
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")

# One query through Pagefind: the URLs of the top ``top`` pages. With ``fallback``, a query that
# finds nothing is searched word by word and merged by summed score.
SEARCH = """async ([query, fallback, top]) => {
  const pf = window.__pf || (window.__pf = await import(new URL("pagefind/pagefind.js", location.href).href));
  let results = (await pf.search(query)).results;
  if (fallback && results.length === 0) {
    const summed = new Map();
    for (const word of query.split(/\\s+/).filter(Boolean)) {
      for (const r of (await pf.search(word)).results) {
        const seen = summed.get(r.id);
        summed.set(r.id, {id: r.id, score: (seen ? seen.score : 0) + r.score, data: r.data});
      }
    }
    results = [...summed.values()].sort((a, b) => b.score - a.score);
  }
  const data = await Promise.all(results.slice(0, top).map(r => r.data()));
  return data.map(d => d.url);
}"""


def excluded_pages(docs: Path) -> list[str]:
    """Site paths (``a-z/index.html``) of the pages whose front matter says ``search: exclude: true``."""
    found = []
    for md in docs.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        if (meta.get("search") or {}).get("exclude"):
            rel = md.relative_to(docs).with_suffix("")
            found.append(((rel.parent if rel.name == "index" else rel) / "index.html").as_posix())
    return found


def ignore_excluded_sections(html: str) -> str:
    """Wrap each heading marked ``data-search-exclude`` and what follows it, up to the next heading
    or the end of its parent element, in ``<div data-pagefind-ignore="all">`` (Material leaves such
    a section out of its index, and so does ours)."""
    out, pos = [], 0
    for head in re.finditer(r"<h[1-6]\b[^>]*\bdata-search-exclude\b[^>]*>", html):
        if head.start() < pos:
            continue
        depth, end = 0, len(html)
        for tag in TAG.finditer(html, head.end()):
            closing, name = tag.group(1), tag.group(2).lower()
            if not closing and depth == 0 and re.fullmatch(r"h[1-6]", name):
                end = tag.start()
                break
            if closing:
                if re.fullmatch(r"h[1-6]", name) and depth == 0:
                    continue  # the excluded heading's own end tag
                depth -= 1
                if depth < 0:
                    end = tag.start()
                    break
            elif name not in VOID and not tag.group(3):
                depth += 1
        out += [html[pos:head.start()], '<div data-pagefind-ignore="all">', html[head.start():end], "</div>"]
        pos = end
    return "".join(out) + html[pos:]


def index_copy(site: Path, docs: Path, into: Path, pagefind: str) -> Path:
    """Copy ``site`` into ``into``, leave out what search leaves out, run Pagefind on it."""
    copy = into / "site"
    shutil.copytree(site, copy, symlinks=True)
    for rel in [*excluded_pages(docs), "404.html"]:
        (copy / rel).unlink(missing_ok=True)
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-search-exclude" in text:
            page.write_text(ignore_excluded_sections(text), encoding="utf-8")
    subprocess.run([pagefind, "-m", "pagefind", "--site", str(copy), "--root-selector", "article", "--quiet"],
                   check=True)
    (copy / "blank.html").write_text('<!doctype html><html lang="en"><title>blank</title></html>\n',
                                     encoding="utf-8")
    return copy


def gz_size(path: Path) -> int:
    """Bytes the Pages-like server sends for ``path``: text gzipped, Pagefind's own files as they are
    (Pagefind writes them gzip-compressed)."""
    data = path.read_bytes()
    return len(gzip.compress(data, 9)) if path.name.endswith(PagesHandler.COMPRESSED) else len(data)


def page_path(url: str) -> str:
    """`/muscle-twitch-guide/causes/caffeine/#x` or `/causes/caffeine/` -> `causes/caffeine/`."""
    path = urlsplit(url).path
    for prefix in (SUBPATH, "/"):
        if path.startswith(prefix):
            path = path[len(prefix):]
            break
    return path.removesuffix("index.html")


def run(copy: Path, queries: list[dict], bytes_only: bool) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="pf-serve-") as tmp, serve_under_subpath(copy, Path(tmp)) as base, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)

        # Bytes: a fresh page, the blank page loaded, then the first query (top 5 results' data).
        page = browser.new_page()
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(base + "blank.html")
        load = [u for u in fetched if not u.endswith("blank.html")]
        fetched.clear()
        page.evaluate(SEARCH, [FIRST_QUERY, False, TOP + 2])
        files = [copy / urlsplit(u).path[len(SUBPATH):] for u in dict.fromkeys(fetched)]
        first = sum(gz_size(f) for f in files)
        whole = sum(gz_size(f) for f in (copy / "pagefind").rglob("*") if f.is_file())
        print(f"page load (API alone): {len(load)} requests, 0 bytes")
        print(f"first query {FIRST_QUERY!r}: {first / 1000:.1f} KB in {len(files)} files "
              f"({', '.join(sorted({f.suffix or f.name for f in files}))})")
        for f in files:
            print(f"  {f.relative_to(copy)}: {gz_size(f) / 1000:.1f} KB")
        print(f"whole Pagefind bundle: {whole / 1000:.0f} KB")
        page.close()
        if bytes_only:
            browser.close()
            return

        for name, fallback in (("Pagefind", False), ("Pagefind + fallback", True)):
            page = browser.new_page()
            page.goto(base + "blank.html")
            results = []
            for q in queries:
                urls = page.evaluate(SEARCH, [q["query"], fallback, TOP + 2])
                found = list(dict.fromkeys(page_path(u) for u in urls))
                results.append(Result(q["query"], q["kind"], tuple(q["expect"]), tuple(found[:TOP + 2]),
                                      q.get("split", "tune")))
            empty = sum(1 for r in results if not r.found)
            print(f"\n{name} ({empty} of {len(results)} queries found nothing)")
            print(report(results, misses=()))
            page.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pagefind", required=True, help="a Python with `pagefind[bin]==1.5.2` installed")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="for the pages search leaves out")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--bytes-only", action="store_true", help="only the bytes (e.g. a synthetic site)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        copy = index_copy(args.site, args.docs, Path(tmp), args.pagefind)
        run(copy, load_queries(args.queries), args.bytes_only)


if __name__ == "__main__":
    main()
