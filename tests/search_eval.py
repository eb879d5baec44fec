"""Run reader queries through the site's search and score the results: hit@1 and hit@3 per kind,
for the tuning part and the held-back part of the query set apart.

Two ways: the built site's own search box in Chromium (tests/test_search.py), or the search worker
alone under Node on a generated or built folder (quick, for tuning; the same worker code and files):

    python -m tests.search_eval http://127.0.0.1:8000/muscle-twitch-guide/
    python -m tests.search_eval --node site/
    python -m tests.search_eval --node site/ --queries tests/search/queries-73.yaml

Only the tuning part's misses are printed: the held-back part is for measuring, never for tuning.
Rows that expect no page (``expect: []``: no page could answer them) are counted, not scored.
"""
from __future__ import annotations

import argparse
import json
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
QUERIES = Path(__file__).parent / "search" / "queries.yaml"  # issue 16's set, split into tune and held
FIRST_QUERIES = Path(__file__).parent / "search" / "queries-73.yaml"  # the first 73, all tuned on
BLIND_QUERIES = Path(__file__).parent / "search" / "queries-blind.yaml"  # two more sets written blind, split the same way
BLIND3_QUERIES = Path(__file__).parent / "search" / "queries-blind3.yaml"  # (its rows name their warning signs too)
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"
NODE_RUNNER = ROOT / "tests" / "js" / "search-run.cjs"
TOP = 3


@dataclass(frozen=True)
class Result:
    query: str
    kind: str
    expect: tuple[str, ...]
    found: tuple[str, ...]  # page paths in result order, first TOP+2
    split: str = "tune"

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected page, or None."""
        return next((i + 1 for i, page in enumerate(self.found) if page in self.expect), None)

    def hit(self, k: int) -> bool:
        return self.rank is not None and self.rank <= k


def load_queries(path: Path = QUERIES, scored: bool = True) -> list[dict]:
    """The rows of a query file; only those that expect a page, unless ``scored`` is False."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [q for q in rows if q["expect"] or not scored]


# Notes the query each search result answers (our worker sends it with its results; the theme's
# lunr worker does not, and then the wait below falls back to results that stop changing).
ANSWERS = """(() => {
  const Original = window.Worker;
  window.Worker = function (...args) {
    const worker = new Original(...args);
    worker.addEventListener("message", (event) => {
      const message = event.data;
      if (message && message.type === 3 && message.data && "query" in message.data) window.__searchAnswered = message.data.query;
    });
    return worker;
  };
  window.Worker.prototype = Original.prototype;
})();"""


def open_site(page: Page, base_url: str) -> None:
    page.add_init_script(ANSWERS)
    page.goto(base_url)


def search(page: Page, base_url: str, query: str) -> list[str]:
    """Type ``query`` into the search box and return result page paths, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|Type to start/.test(m.textContent)"
        " && document.querySelector('input.md-search__input').value === q; }",
        arg=query,
    )
    page.wait_for_function(  # our worker: the results shown answer this very query
        "q => !/search-worker[.]js$/.test(JSON.parse(document.getElementById('__config').textContent).search)"
        " || window.__searchAnswered === q", arg=query)
    last: list[str] | None = None
    stable = 0
    while stable < 3:  # results render after the worker answers; wait until they stop changing
        hrefs = page.locator(".md-search-result__item > a:first-child").evaluate_all(
            "links => links.map(a => a.href)")
        stable = stable + 1 if hrefs == last else 0
        last = hrefs
        page.wait_for_timeout(50)
    prefix = urlsplit(base_url).path
    pages: list[str] = []
    for href in last or []:
        path = urlsplit(href).path
        path = path[len(prefix):] if path.startswith(prefix) else path
        if path not in pages:
            pages.append(path)
    return pages


def run(page: Page, base_url: str, queries: list[dict]) -> list[Result]:
    open_site(page, base_url)
    return [_result(q, search(page, base_url, q["query"])) for q in queries]


def _result(q: dict, found: list[str]) -> Result:
    return Result(q["query"], q["kind"], tuple(q["expect"]), tuple(found[:TOP + 2]), q.get("split", "tune"))


def run_node(folder: Path, queries: list[dict], worker: Path = WORKER) -> list[Result]:
    """The queries through the search worker under Node, on a generated docs/ or built site/ folder."""
    lines = "".join(json.dumps(q["query"]) + "\n" for q in queries)
    out = subprocess.run(["node", str(NODE_RUNNER), str(worker), str(folder)], input=lines,
                         capture_output=True, text=True, check=True, timeout=300).stdout
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [_result(q, a["pages"]) for q, a in zip(queries, answers, strict=True)]


def report(results: list[Result], misses: tuple[str, ...] = ("tune",)) -> str:
    """hit@1 and hit@3 per kind and overall, for each split and both together; then the misses of
    the splits in ``misses`` (never the held-back part's, unless asked)."""
    splits = sorted({r.split for r in results}, key=lambda s: (s != "tune", s))
    kinds = list(dict.fromkeys(r.kind for r in results))
    head = f"{'kind':<12}" + "".join(f" {split + ' n':>8} {'hit@1':>6} {'hit@3':>6}" for split in splits)
    rows = [head]
    for kind in [*kinds, "overall"]:
        line = f"{kind:<12}"
        for split in splits:
            group = [r for r in results if r.split == split and kind in ("overall", r.kind)]
            line += f" {len(group):>8} {hit_rate(group, 1):>6.2f} {hit_rate(group, TOP):>6.2f}"
        rows.append(line)
    for r in results:
        if r.split in misses and not r.hit(TOP):
            rows.append(f"miss: {r.query!r} ({r.kind}) expected {list(r.expect)}, got {list(r.found[:TOP])}")
    return "\n".join(rows)


def hit_rate(results: list[Result], k: int) -> float:
    return sum(r.hit(k) for r in results) / len(results) if results else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("where", help="a served site's URL, or with --node a docs/ or site/ folder")
    parser.add_argument("--node", action="store_true", help="run the search worker under Node on a folder")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", default="tune", help="comma-separated splits whose misses are printed")
    parser.add_argument("--held", action="store_true",
                        help="also run the held-back part (to report it: never while tuning)")
    args = parser.parse_args()
    queries = [q for q in load_queries(args.queries) if args.held or q.get("split", "tune") != "held"]
    if args.node:
        results = run_node(Path(args.where), queries)
    else:
        from playwright.sync_api import sync_playwright

        from tests.browser import FLAGS, chromium_path

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
            results = run(browser.new_page(), args.where, queries)
            browser.close()
    print(report(results, tuple(args.misses.split(","))))


if __name__ == "__main__":
    main()
