"""Reading level: scored on what readers see, enforced by the build, reported by the CLI."""
from __future__ import annotations

import pytest

import re
from pathlib import Path

import textstat

from build_scripts.readability import (MAX_GRADE, TARGET_MEDIAN, measure, median_grade, page_language,
                                    page_text, score_site, score_text, table)
from tests.conftest import ROOT, copy_project, run_cli

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
    english = [s for s in scores if s.language == "en"]
    assert len(english) >= 15
    assert [s.page for s in english if s.grade > MAX_GRADE] == []
    assert median_grade(english) <= TARGET_MEDIAN


def test_the_spanish_pages_meet_the_spanish_reading_level(built_project: Path) -> None:
    """Szigriszt-Pazos on the INFLESZ scale: every page at least 55 (normal), the median at least 65."""
    spanish = [s for s in score_site(built_project / "site" / "es") if s.language == "es"]
    assert len(spanish) >= 15
    scorer = measure("es")
    assert [s.page for s in spanish if scorer.too_hard(s.grade)] == []
    assert scorer.meets_median(median_grade(spanish)), median_grade(spanish)


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


@pytest.mark.slow  # a whole build of its own (both languages)
def test_report_prints_every_page_and_the_median(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    result = run_cli("--root", root, "report")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["page", "FK", "grade", "SMOG", "words", "longest"]
    caffeine = next(line for line in lines if line.startswith("causes/caffeine/ "))
    assert re.fullmatch(r"causes/caffeine/ +\d+\.\d +\d+\.\d +\d+ +\d+", caffeine), "FK, SMOG, words, longest"
    assert any(line.startswith("median FK grade ") for line in lines)
    assert lines[-1].startswith("median INFLESZ ")  # the Spanish pages, in their own measure
    assert any(line.startswith("es/causes/caffeine/ ") for line in lines)


EASY_EN = "The cat sat on the mat. It was a warm day. We had tea in the sun."
HARD_EN = ("Electrophysiological characterisation necessitates comprehensive neurophysiological investigation "
           "incorporating quantitative electromyographic methodology.")
EASY_ES = "El gato come pescado. La casa es grande y bonita. Mi madre trabaja en el hospital."
HARD_ES = ("La caracterización electrofisiológica de potenciales espontáneos requiere investigaciones "
           "neurofisiológicas exhaustivas mediante metodologías electromiográficas cuantitativas.")


def test_each_language_has_its_own_measure_and_direction() -> None:
    english, spanish = measure("en"), measure("es")
    assert english is measure("en-GB") is measure("EN_us") and spanish is measure("es-ES")
    assert (english.formula, english.limit, english.target_median, english.higher_is_easier) == (
        "flesch_kincaid_grade", MAX_GRADE, TARGET_MEDIAN, False)
    assert (spanish.formula, spanish.limit, spanish.target_median, spanish.higher_is_easier) == (
        "szigriszt_pazos", 55.0, 65.0, True)
    with pytest.raises(ValueError, match="no reading-level measure for language 'fr'"):
        measure("fr")

    # English: a grade, lower is easier.
    easy, hard = score_text("e", EASY_EN, language="en"), score_text("h", HARD_EN, language="en")
    assert easy.grade < hard.grade and not easy.too_hard and hard.too_hard
    assert english.meets_median(TARGET_MEDIAN) and not english.meets_median(TARGET_MEDIAN + 0.1)
    # Spanish: an ease score, higher is easier; the same text scores differently in its own measure.
    easy, hard = score_text("e", EASY_ES, language="es"), score_text("h", HARD_ES, language="es")
    assert easy.grade > 65 > 55 > hard.grade and not easy.too_hard and hard.too_hard
    assert easy.smog is None  # SMOG is English only
    assert spanish.meets_median(65.0) and not spanish.meets_median(64.9)
    assert "under the limit" in table([easy, hard]) and table([easy, hard]).splitlines()[1].startswith("h ")
    assert table([easy, hard]).splitlines()[-1].endswith("every page must be 55 or higher)")
    # Back to English: scored exactly as before any Spanish page was.
    assert score_text("e", EASY_EN, language="en").grade == textstat.flesch_kincaid_grade(EASY_EN)


def test_a_page_is_scored_in_the_language_it_says_it_is_in() -> None:
    assert page_language('<!doctype html>\n<html lang="es" class="no-js"><head>') == "es"
    assert page_language("<html><body><p lang='fr'>x</p>") == "en"


def test_a_list_of_names_is_not_scored_as_prose(tmp_path: Path) -> None:
    from build_scripts.readability import NOT_PROSE

    page = "<html lang='en'><head>{meta}</head><body><article><h1>A to Z</h1><p>{text}</p></article></body></html>"
    for name, meta in (("names", NOT_PROSE), ("prose", "")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page.format(meta=meta, text=HARD_EN), encoding="utf-8")
    assert [s.page for s in score_site(tmp_path)] == ["prose/"]
    a_to_z = (ROOT / "build_scripts" / "templates" / "a-z.md.j2").read_text(encoding="utf-8")
    assert "not_prose: true" in a_to_z
