"""Reading level: scored on what readers see, enforced by the build, reported by the CLI."""
from __future__ import annotations

import pytest

import re
from pathlib import Path

from build_scripts.readability import MAX_GRADE, TARGET_MEDIAN, median_grade, page_text, score_site
from tests.conftest import copy_project, run_cli

HARD = (
    "Electrophysiological characterisation of spontaneous fasciculation potentials necessitates "
    "comprehensive neurophysiological investigation incorporating quantitative electromyographic "
    "methodology, particularly whenever concomitant progressive denervation, hyperreflexia or "
    "corticospinal involvement is clinically suspected by experienced neuromuscular specialists.\n"
)


def test_headings_and_list_items_get_full_stops_and_the_footer_is_left_out() -> None:
    html = """<article>
      <h1 id="x">Caffeine<a class="headerlink" href="#x">¶</a></h1>
      <p>Too much can make you twitch</p>
      <h2 id="c">Clues</h2><ul><li>You drink coffee</li><li>You feel shaky</li></ul>
      <h2 id="s" data-search-exclude>Sources</h2><ol><li>An excessively polysyllabic publication title</li></ol>
      <h2 id="t">Treatments</h2><p>Rest helps.</p>
    </article><footer>Made with Material</footer>"""
    assert page_text(html) == (
        "Caffeine. Too much can make you twitch. Clues. You drink coffee. You feel shaky. Treatments. Rest helps."
    )


def test_comments_scripts_entities_and_self_closing_tags_are_read_as_a_browser_shows_them() -> None:
    html = """<article><!-- <p>hidden</p> --><h1 id="a" title="x > y">Tom &amp; Jerry</h1>
      <script>if (a<b) { document.write("<p>not text</p>") }</script>
      <p>One <svg><path d="M0 0"/></svg>two &lt; three</p><p data-search-exclude>Skip me</p>
      <div data-search-exclude data-prose><p>Keep me</p></div><P CLASS="x">Upper case</P></article>"""
    assert page_text(html) == "Tom & Jerry. One two < three. Keep me. Upper case."


def test_care_cards_and_facts_are_scored_though_search_leaves_them_out(built_project: Path) -> None:
    html = (built_project / "site" / "causes" / "caffeine" / "index.html").read_text(encoding="utf-8")
    text = page_text(html)
    assert "Emergency: call 999 (UK), 911 (US), 112 (EU) or your local emergency number now if:" in text  # a care card
    assert "How common: Common." in text  # the facts list
    assert "Related causes" not in text and "Sources" not in text  # link lists are not prose


def test_the_real_site_meets_the_reading_level(built_project: Path) -> None:
    scores = score_site(built_project / "site")
    assert len(scores) >= 15
    assert [s.page for s in scores if s.grade > MAX_GRADE] == []
    assert median_grade(scores) <= TARGET_MEDIAN


@pytest.mark.slow
def test_a_page_that_is_too_hard_fails_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    assert run_cli("--root", root, "build").returncode == 0
    before = sorted(p.read_bytes() for p in (root / "site").rglob("*.html"))
    # The content rules find such text before the build does: turn them off to reach the page check.
    (root / "content" / "rules.yaml").write_text("sentence-length: off\nreading-grade: off\n", encoding="utf-8")
    with (root / "content" / "pages" / "disclaimer.md").open("a") as page:
        page.write("\n" + HARD * 3)
    result = run_cli("--root", root, "build")
    assert result.returncode == 1
    assert "content/pages/disclaimer.md: reading level: page disclaimer/ scores Flesch-Kincaid grade" in result.stderr
    assert "the previous site/ is unchanged" in result.stderr
    assert sorted(p.read_bytes() for p in (root / "site").rglob("*.html")) == before


def test_report_prints_every_page_and_the_median(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    result = run_cli("--root", root, "report")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["page", "FK", "grade", "SMOG", "words", "longest"]
    caffeine = next(line for line in lines if line.startswith("causes/caffeine/ "))
    assert re.fullmatch(r"causes/caffeine/ +\d+\.\d +\d+\.\d +\d+ +\d+", caffeine), "FK, SMOG, words, longest"
    assert lines[-1].startswith("median FK grade ")
