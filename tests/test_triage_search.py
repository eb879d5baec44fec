"""Warning signs in the search box, in real Chromium: a query that describes a warning sign shows
that sign's care card, with its level and what to do, above the results; other queries show none.

tests/triage/search-queries.yaml holds reader queries written without sight of how the site
matches them, split into a tuning part and a held-back part before any tuning. Both parts are
scored and printed; the held-back part must score as the issue requires.
"""
from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
import pytest
from playwright.sync_api import Browser, Page

from build_scripts.render import WARNING_PAGE
from tests.cards_eval import load, run, score, sign_levels
from tests.search_eval import BLIND3_QUERIES, NODE_RUNNER, WORKER

# Floors for the held-back part, below what it scores today (see bench/README.md): a change that
# makes the card worse on queries nobody tuned for fails here.
MIN_SIGN_HIT = 0.55  # share of sign queries that show a right card
MAX_FALSE_CARDS = 0.15  # share of harmless queries that show any card
MIN_LEVEL = 0.60  # share of sign queries that show a card at least as urgent as the sign's


def card_for(page: Page, query: str) -> tuple[str | None, str | None]:
    """Type ``query`` into the search box; the sign id and level of the card shown, if any."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result')?.getAttribute('data-warning-query') === q", arg=query)
    card = page.locator(".md-search-result .search-care")
    if not card.count():
        return None, None
    return card.get_attribute("data-sign"), card.get_attribute("data-level")


def test_query_set_is_large_and_split() -> None:
    queries = load()
    assert len(queries) >= 150
    assert sum(q["split"] == "held" for q in queries) * 100 >= 33 * len(queries)  # a third, rounded down
    assert sum(not q["signs"] for q in queries) >= 40


# The third blind search set names each row's signs: floors for its held-back part, below its first
# run before anything was changed for it (right 0.60, as urgent 0.72, harmless with a card 0.11).
BLIND3_FLOORS = {"sign hit": 0.50, "level or more urgent": 0.62}
BLIND3_MAX_FALSE = 0.15


@pytest.mark.slow
def test_warning_card_on_the_third_blind_set_matches_its_floors(built_project: Path) -> None:
    site = built_project / "site"
    queries = [q for q in load(BLIND3_QUERIES) if q["split"] == "held"]
    known, order = sign_levels(site)
    held = score([(q, sign, level) for q, (sign, level) in zip(queries, run(site, queries), strict=True)], known, order)
    assert all(held[k] >= v for k, v in BLIND3_FLOORS.items()) and held["false card"] <= BLIND3_MAX_FALSE


def test_warning_card_under_node_matches_the_floors(built_project: Path) -> None:
    """The page's own matcher under Node, with the search's stemmer as the page loads it: quick to
    run, and the same code the browser test below types into."""
    site = built_project / "site"
    queries = load()
    known, order = sign_levels(site)
    rows = [(q, sign, level) for q, (sign, level) in zip(queries, run(site, queries), strict=True)]
    held = score([row for row in rows if row[0]["split"] == "held"], known, order)
    assert held["sign hit"] >= MIN_SIGN_HIT and held["false card"] <= MAX_FALSE_CARDS, held
    # a card of the sign's level or a more urgent one: under-triage is the worst error
    assert held["level or more urgent"] >= MIN_LEVEL, held


@pytest.mark.slow
def test_the_card_shows_the_sign_that_search_ranks_first(built_project: Path) -> None:
    """When the top search result is "When to get help" and a warning sign brought it there, the card
    above the results is that sign's: the card and the results never disagree."""
    site = built_project / "site"
    queries = load()
    signs = json.loads((site / "assets" / "warning-signs.json").read_text(encoding="utf-8"))["signs"]
    by_says = {sign["says"]: sign["id"] for sign in signs}
    lines = "".join(json.dumps(q["q"]) + "\n" for q in queries)
    out = subprocess.run(["node", str(NODE_RUNNER), str(WORKER), str(site)], input=lines, capture_output=True,
                         text=True, check=True, timeout=300).stdout
    ranked = []
    for line in out.splitlines():
        items = json.loads(line)["items"]
        top = items[0] if items else []
        first = re.sub(r"<[^>]+>", "", html.unescape(top[1]["text"])).strip() if len(top) > 1 else ""
        ranked.append(by_says.get(first) if top and top[0]["location"] == WARNING_PAGE else None)
    cards = [sign for sign, _ in run(site, queries)]
    agree = [(q["q"], r, c) for q, r, c in zip(queries, ranked, cards, strict=True) if r]
    assert len(agree) >= 50 and all(r == c for _, r, c in agree), [a for a in agree if a[1] != a[2]][:5]


@pytest.mark.browser
def test_warning_card_shows_for_sign_queries(browser: Browser, base_url: str, built_project: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    page = browser.new_page()
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    rows = []
    for query in load():
        sign, level = card_for(page, query["q"])
        rows.append((query, sign, level))
    # The card shows the level in words and links to every warning sign.
    sign, level = card_for(page, "my face dropped on one side and my arm went weak")
    text = page.inner_text(".md-search-result .search-care")
    # the card reads words with the search's own stemmer (search-worker.js, loaded with the signs)
    stems = page.evaluate("[typeof window.searchStem, window.searchStem && window.searchStem('weakness', 'en')]")
    page.close()
    known, order = sign_levels(built_project / "site")
    results = {split: score([row for row in rows if split in ("all", row[0]["split"])], known, order)
               for split in ("tune", "held", "all")}
    # Only the tuning part's misses are printed: the held-back part is for measuring, not for tuning.
    misses = [f"  {q['q']!r}: expected {q['signs'] or 'no card'}, got {got}"
              for q, got, _ in rows if q["split"] == "tune" and (got not in q["signs"] if q["signs"] else got is not None)]
    with capsys.disabled():
        print("\nwarning cards in search:")
        for split, numbers in results.items():
            print(f"  {split:<5} " + ", ".join(f"{name} {value:.2f}" for name, value in numbers.items()))
        print("\n".join(misses))
    assert sign == "stroke" and level == "emergency" and "999" in text and "Emergency" in text
    assert stems == ["function", "weak"]
    # the box shows what the matcher shows under Node, query for query (cards_eval, for tuning)
    assert [(sign, level) for _, sign, level in rows] == run(built_project / "site", load())
    assert results["held"]["sign hit"] >= MIN_SIGN_HIT and results["held"]["false card"] <= MAX_FALSE_CARDS, results


@pytest.mark.browser
def test_the_spanish_card_is_in_spanish_and_stems_spanish(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "es/")
    page.locator("input.md-search__input").click()
    sign, level = card_for(page, "mi padre arrastra las palabras y tiene la boca torcida")
    text = page.inner_text(".md-search-result .search-care")
    stems = page.evaluate("[window.searchStem('arrastra', 'es'), window.searchStem('arrastro', 'es')]")
    page.close()
    assert sign == "stroke" and level == "emergency" and "Emergencia" in text and "112" in text
    assert stems[0] == stems[1]  # one verb, as the search's Spanish stemmer reads it
