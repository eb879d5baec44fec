"""Run reader queries through the built site's own search box in Chromium and score the results.

Used by tests/test_search.py; also runnable by hand against any served site while tuning:

    python -m tests.search_eval http://127.0.0.1:8000/muscle-twitch-guide/
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page

QUERIES = Path(__file__).parent / "search" / "queries.yaml"
TOP = 3


@dataclass(frozen=True)
class Result:
    query: str
    kind: str
    expect: tuple[str, ...]
    found: tuple[str, ...]  # page paths in result order, first TOP+2

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected page, or None."""
        return next((i + 1 for i, page in enumerate(self.found) if page in self.expect), None)

    def hit(self, k: int) -> bool:
        return self.rank is not None and self.rank <= k


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


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
    page.goto(base_url)
    return [Result(q["query"], q["kind"], tuple(q["expect"]), tuple(search(page, base_url, q["query"])[:TOP + 2]))
            for q in queries]


def report(results: list[Result]) -> str:
    """hit@1 and hit@3 per kind and overall, then every miss."""
    kinds: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        kinds[result.kind].append(result)
    rows = [f"{'kind':<12} {'queries':>7} {'hit@1':>6} {'hit@3':>6}"]
    for kind, group in [*kinds.items(), ("overall", results)]:
        rows.append(f"{kind:<12} {len(group):>7} {hit_rate(group, 1):>6.2f} {hit_rate(group, TOP):>6.2f}")
    for r in results:
        if not r.hit(TOP):
            rows.append(f"miss: {r.query!r} expected {list(r.expect)}, got {list(r.found[:TOP])}")
    return "\n".join(rows)


def hit_rate(results: list[Result], k: int) -> float:
    return sum(r.hit(k) for r in results) / len(results) if results else 0.0


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright

    from tests.browser import FLAGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        print(report(run(browser.new_page(), sys.argv[1], load_queries())))
        browser.close()
