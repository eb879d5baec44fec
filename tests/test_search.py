"""Findability: what readers type, run through the built site's own search box in real Chromium.

The queries and the pages each should find are in tests/search/queries.yaml (lay words,
misspellings, medical terms, questions, treatments and red flags). The test prints hit@1 and
hit@3 per kind and fails if fewer than 90% of queries find an expected page in the top 3.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.search_eval import TOP, hit_rate, load_queries, report, run

pytestmark = pytest.mark.browser
MIN_HIT_AT_3 = 0.9


def test_query_set_is_large_and_varied() -> None:
    queries = load_queries()
    assert len(queries) >= 50
    assert {q["kind"] for q in queries} == {"lay", "misspelling", "medical", "question", "treatment", "red-flag"}


def test_search_box_finds_the_right_page(browser: Browser, base_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    page = browser.new_page()
    results = run(page, base_url, load_queries())
    page.close()
    summary = report(results)
    with capsys.disabled():
        print(f"\nsearch: hit@{TOP} per kind\n{summary}")
    assert hit_rate(results, TOP) >= MIN_HIT_AT_3, summary
