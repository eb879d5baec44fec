"""Clinical vignettes through the real symptom navigator in Chromium.

tests/triage/vignettes.yaml holds short cases in a reader's words, the answers that reader would
pick, and the care level an NHS, NHS inform or NICE page gives, with its address. Each case is
typed into the navigator; the test prints the share right per level and per split (tuning and
held back), with under-triage (a level less urgent than the source's) and over-triage counted
apart. Under-triage is the worst mistake the site can make: no case may get a level less urgent
than its source's. Every tuning case must be right, and over-triage must stay within 5% of the table;
the held-back part's share right is printed and recorded in the notes, not tuned to.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser

from tests.browser import navigator_choose

pytestmark = pytest.mark.browser
TABLE = Path(__file__).parent / "triage" / "vignettes.yaml"
ORDER = ["emergency", "urgent", "see_doctor", "self_care"]
MAX_OVER_TRIAGE = 0.05  # the bar, over the whole table


def load() -> list[dict[str, Any]]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def report(rows: list[tuple[dict[str, Any], str]]) -> str:
    """Share right per level, per split and overall, with under- and over-triage counted apart."""
    lines = [f"{'split':<8} {'level':<11} {'right':>9} {'under':>6} {'over':>5}"]
    for split in ("tune", "held", "all"):
        chosen = [(case, got) for case, got in rows if split in ("all", case["split"])]
        for level in [*ORDER, "total"]:
            mine = [(c, g) for c, g in chosen if level in ("total", c["level"])]
            if not mine:
                continue
            right = sum(c["level"] == g for c, g in mine)
            under = sum(ORDER.index(g) > ORDER.index(c["level"]) for c, g in mine)
            over = sum(ORDER.index(g) < ORDER.index(c["level"]) for c, g in mine)
            lines.append(f"{split:<8} {level:<11} {right:>4}/{len(mine):<4} {under:>6} {over:>5}")
    return "\n".join(lines)


def test_table_is_large_split_and_sourced() -> None:
    cases = load()
    levels = Counter(case["level"] for case in cases)
    assert len(cases) >= 60 and levels["emergency"] >= 15 and set(levels) == set(ORDER), levels
    assert sum(case["split"] == "held" for case in cases) * 3 >= len(cases), "at least a third held back"
    assert len({case["id"] for case in cases}) == len(cases)
    for case in cases:
        assert case["source"].startswith(("https://www.nhs.uk/", "https://www.nhsinform.scot/",
                                          "https://cks.nice.org.uk/", "https://www.nice.org.uk/")), case["id"]
        assert case["says"] and case["why"], case["id"]


def run_table(browser: Browser, url: str) -> list[tuple[dict[str, Any], str, list[str], list[str]]]:
    """Each case through the navigator at ``url``: the case, its level, its cause ids and its signs."""
    page = browser.new_page()
    page.goto(url)
    rows = []
    for case in load():
        level, ids, signs = navigator_choose(page, case["picks"])
        rows.append((case, level, ids, signs))
    page.close()
    return rows


@pytest.fixture(scope="module")
def english_rows(browser: Browser, base_url: str) -> list[tuple[dict[str, Any], str, list[str], list[str]]]:
    return run_table(browser, f"{base_url}navigator/")


def test_the_spanish_navigator_gives_every_vignette_the_same_result(browser: Browser, base_url: str,
                                                                    english_rows: list) -> None:
    """The same model in other words: the same level, causes (in the same order) and signs."""
    spanish = run_table(browser, f"{base_url}es/navigator/")

    def result(row: tuple) -> tuple:
        _, level, ids, signs = row
        return level, ids, sorted(signs)
    different = [a[0]["id"] for a, b in zip(english_rows, spanish) if result(a) != result(b)]
    assert not different, different


def test_every_vignette_gets_the_sources_level(english_rows: list, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [(case, level, signs) for case, level, _, signs in english_rows]
    summary = report([(case, level) for case, level, _ in rows])
    misses = [(case, level, signs) for case, level, signs in rows if level != case["level"]]

    def describe(case: dict[str, Any], level: str, signs: list[str]) -> str:
        return f"{case['id']} ({case['split']}): expected {case['level']}, got {level} from {signs or 'no sign'}"

    with capsys.disabled():  # details for the tuning part only: the held-back part is for measuring
        print(f"\ntriage vignettes:\n{summary}")
        for miss in misses:
            if miss[0]["split"] == "tune":
                print("  wrong:", describe(*miss))
    under = [describe(*m) for m in misses if ORDER.index(m[1]) > ORDER.index(m[0]["level"])]
    assert not under, "under-triage:\n" + "\n".join(under)
    assert not [m for m in misses if m[0]["split"] == "tune"], summary
    assert len(misses) <= MAX_OVER_TRIAGE * len(rows), summary
