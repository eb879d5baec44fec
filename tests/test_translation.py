"""Translations (build_scripts/translation.py, language.py, translate.py) on the fixture content and
its Spanish translation (tests/fixtures/translations/es): shape, rules in Spanish, staleness, the
notice, the scaffold and the report."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from build_scripts.build import generate
from build_scripts.language import load_language
from build_scripts.model import load_content
from build_scripts.review import content_hash
from build_scripts.rules.wording import WORDING
from tests.conftest import FIXTURE_CONTENT, ROOT, TODAY, copy_project, run_cli

SPANISH = ROOT / "tests" / "fixtures" / "translations" / "es"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture content with its Spanish translation and the site's Spanish locale."""
    root = copy_project(tmp_path / "project", FIXTURE_CONTENT)
    shutil.copytree(SPANISH, root / "content" / "translations" / "es")
    shutil.copy2(ROOT / "content" / "locales" / "es.yaml", root / "content" / "locales" / "es.yaml")
    return root


def spanish(project: Path):
    english, problems = load_content(project / "content", today=TODAY)
    assert not problems, problems
    return load_language(english, "es", today=TODAY)


def problems_of(project: Path) -> list[str]:
    return [str(p) for p in spanish(project)[1]]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_translation_is_clean_and_current(project: Path) -> None:
    language, problems = spanish(project)
    assert problems == []
    assert {s.state for s in language.states.values()} == {"current"}
    assert len(language.states) == 5 + 2 + 3  # entries, pages, shared files


def test_structure_comes_from_the_english_and_words_from_the_translation(project: Path) -> None:
    language, _ = spanish(project)
    english = language.content.english
    merged = language.content.entries["cause"]["caffeine"].data
    original = english.entries["cause"]["caffeine"].data
    assert merged["title"] == "Cafeína"
    for key in ("body_areas", "care", "how_common", "category"):
        assert merged[key] == original[key]
    assert [t["id"] for t in merged["treatments"]] == [t["id"] for t in original["treatments"]]
    assert merged["treatments"][0]["note"] == "Es lo que más ayuda."
    # Sources not given in Spanish stay the English ones, marked as such.
    assert all(s["language"] == "en" and s["url"] == o["url"] for s, o in zip(merged["sources"], original["sources"]))
    assert language.content.triage.signs["twitch-over-2-weeks"].says == "El temblor dura más de 2 semanas."
    assert language.content.triage.signs["twitch-over-2-weeks"].level == english.triage.signs["twitch-over-2-weeks"].level


def test_a_missing_text_and_a_leftover_one_are_named_at_their_line(project: Path) -> None:
    path = project / "content" / "translations" / "es" / "causes" / "caffeine.yaml"
    edit(path, "clues: |\n  - Toma más café que de costumbre.\n  - Se siente nervioso.\n", "")
    edit(path, "  cutting-down-caffeine:\n", "  relaxation:\n    note: Ya no está.\n  cutting-down-caffeine:\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = problems_of(project)
    assert any(p.startswith("content/translations/es/causes/caffeine.yaml:") and "clues: missing" in p
               and p.endswith("[translation-complete]") for p in found), found
    leftover = next(n for n, line in enumerate(lines, 1) if line.strip() == "relaxation:")
    assert f"content/translations/es/causes/caffeine.yaml:{leftover}: treatments.relaxation: the English has no " \
           "'relaxation' here (left from an older version?): remove it [translation-shape]" in found


def test_a_translation_cannot_change_the_structure(project: Path) -> None:
    path = project / "content" / "translations" / "es" / "causes" / "caffeine.yaml"
    edit(path, "title: Cafeína\n", "title: Cafeína\nhow_common: rare\n")
    assert any("caffeine.yaml:" in p and "how_common: unknown field" in p for p in problems_of(project))


def test_english_left_in_a_translation_is_found(project: Path) -> None:
    path = project / "content" / "translations" / "es" / "causes" / "stress.yaml"
    edit(path, "El estrés es la forma en que su cuerpo reacciona a la presión.",
         "Stress is how your body reacts to pressure.")
    assert any("stress.yaml:" in p and "what_it_is: still the English text" in p for p in problems_of(project))


@pytest.mark.parametrize("text, rule", [
    ("Tome 200 mg de magnesio.", "no-doses"),
    ("Tome dos pastillas por la noche.", "no-doses"),
    ("Tome los comprimidos tres veces al día.", "dose-schedule"),
    ("Si no puede respirar, llame al 112.", "emergency-numbers"),
    ("Su médico puede cambiar su medicamento.", "change-medicine-keep-taking"),
    ("El paracetamol puede aliviar el dolor.", "uk-and-us-names"),
])
def test_the_safety_rules_apply_in_spanish(project: Path, text: str, rule: str) -> None:
    path = project / "content" / "translations" / "es" / "causes" / "stress.yaml"
    edit(path, "Pruebe a respirar despacio.", text)
    line = next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in l)
    found = problems_of(project)
    assert any(p.startswith(f"content/translations/es/causes/stress.yaml:{line}: things_you_can_do:")
               and p.endswith(f"[{rule}]") for p in found), found


@pytest.mark.parametrize("text", [
    f"Su médico puede cambiar su medicamento. {WORDING['es'].keep_taking}",
    f"Si no puede respirar, llame al {WORDING['es'].emergency_numbers}.",
    "El paracetamol (acetaminofén) puede aliviar el dolor.",
    "Beba 2 vasos de agua con las comidas.",
])
def test_spanish_text_that_keeps_the_rules_passes(project: Path, text: str) -> None:
    edit(project / "content" / "translations" / "es" / "causes" / "stress.yaml", "Pruebe a respirar despacio.", text)
    assert problems_of(project) == []


def test_the_spanish_emergency_numbers_are_the_locales() -> None:
    locale = yaml.safe_load((ROOT / "content" / "locales" / "es.yaml").read_text(encoding="utf-8"))
    assert locale["emergency_numbers"] == WORDING["es"].emergency_numbers


def test_changing_one_english_entry_makes_exactly_its_translation_stale_until_it_is_done(project: Path) -> None:
    edit(project / "content" / "causes" / "caffeine.yaml", "can make muscles twitch.", "can make your muscles twitch.")
    language, problems = spanish(project)
    assert problems == []
    assert [s.key for s in language.stale()] == ["causes/caffeine"]
    assert language.missing() == []
    # The translator updates the words, then records that it matches the English now.
    result = run_cli("--root", project, "translate", "es", "causes/caffeine", "--done")
    assert result.returncode == 0, result.stderr
    language, _ = spanish(project)
    assert language.stale() == []
    made_from = yaml.safe_load((project / "content/translations/es/causes/caffeine.yaml").read_text())["translated_from"]
    assert made_from == content_hash(language.content.english.entries["cause"]["caffeine"].data)


def test_a_stale_or_missing_page_is_published_with_a_notice_linking_to_the_english(project: Path) -> None:
    edit(project / "content" / "causes" / "caffeine.yaml", "can make muscles twitch.", "can make your muscles twitch.")
    (project / "content" / "translations" / "es" / "pages" / "advice.md").unlink()
    changes, status = generate(project)
    assert status == 0
    docs = project / "docs-es"
    stale = (docs / "causes" / "caffeine.md").read_text(encoding="utf-8")
    assert "translation: stale" in stale
    assert "causes/caffeine/)" in stale and 'class="translation-notice"' in stale
    missing = (docs / "advice.md").read_text(encoding="utf-8")
    assert "translation: missing" in missing and "Rest and have less caffeine." in missing
    for page in ("causes/stress.md", "treatments/stretching.md", "index.md"):
        assert "translation-notice" not in (docs / page).read_text(encoding="utf-8"), page
    assert "Estrés" in (docs / "causes" / "stress.md").read_text(encoding="utf-8")
    # Every English page has its page in Spanish.
    english = {p.relative_to(project / "docs") for p in (project / "docs").rglob("*.md")}
    assert english == {p.relative_to(docs) for p in docs.rglob("*.md")}


def test_the_scaffold_starts_a_translation_with_the_english_words_and_hash(project: Path) -> None:
    (project / "content" / "translations" / "es" / "causes" / "stress.yaml").unlink()
    result = run_cli("--root", project, "translate", "es", "causes/stress")
    assert result.returncode == 0, result.stderr
    path = project / "content" / "translations" / "es" / "causes" / "stress.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    english = yaml.safe_load((project / "content" / "causes" / "stress.yaml").read_text(encoding="utf-8"))
    assert data["translated_from"] == content_hash(english)
    assert data["summary"] == english["summary"]
    assert "body_areas" not in data and "sources" not in data
    check = run_cli("--root", project, "check", env={"BUILD_SCRIPTS_TODAY": TODAY.isoformat()})
    assert check.returncode == 1
    assert "content/translations/es/causes/stress.yaml:" in check.stderr and "still the English text" in check.stderr
    assert "Traceback" not in check.stderr


def test_the_report_lists_stale_translations_with_what_changed(project: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=project, check=True)
    edit(project / "content" / "causes" / "caffeine.yaml", "can make muscles twitch.", "can make your muscles twitch.")
    (project / "content" / "translations" / "es" / "causes" / "stress.yaml").unlink()
    result = run_cli("--root", project, "report", "--translations", env={"BUILD_SCRIPTS_TODAY": TODAY.isoformat()})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1 stale, 1 missing" in out
    assert "missing  causes/stress" in out
    assert "stale    causes/caffeine" in out
    assert "-summary: Too much caffeine can make muscles twitch." in out
    assert "+summary: Too much caffeine can make your muscles twitch." in out


def test_another_locale_has_the_english_keys_and_placeholders(project: Path) -> None:
    path = project / "content" / "locales" / "es.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["care"]["emergency"]["now"] = "Llame ahora a urgencias."  # {numbers} lost
    del data["translation"]["stale"]
    data["extra_word"] = "sobra"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = problems_of(project)
    assert any(p.startswith("content/locales/es.yaml:") and "missing 'translation.stale'" in p
               and p.endswith("[locale-keys]") for p in found), found
    now = next(n for n, line in enumerate(lines, 1) if "Llame ahora a urgencias." in line)
    assert f"content/locales/es.yaml:{now}: care.emergency.now: keep the placeholders {{numbers}} of the English " \
           "text, as they are [locale-keys]" in found
    assert any("extra_word: the English locale has no 'extra_word'" in p for p in found)


def test_a_pull_request_is_told_which_translations_it_makes_stale(project: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    edit(project / "content" / "causes" / "stress.yaml", "Stress can make muscles twitch.",
         "Stress can make your muscles twitch.")  # stale before the change: not this change's doing
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=project, check=True)
    edit(project / "content" / "causes" / "caffeine.yaml", "can make muscles twitch.", "can make your muscles twitch.")
    subprocess.run([*git, "commit", "-qam", "change"], cwd=project, check=True)
    result = run_cli("--root", project, "report", "--translations", "--since", "HEAD~1",
                     env={"BUILD_SCRIPTS_TODAY": TODAY.isoformat()})
    assert result.returncode == 0, result.stderr
    assert "this change makes 1 translation(s) stale" in result.stdout
    assert "stale    causes/caffeine" in result.stdout and "causes/stress" not in result.stdout


def test_a_reviewer_signs_off_a_translation_as_they_sign_off_an_entry(project: Path) -> None:
    from tests.test_review import REVIEWER

    (project / "content" / "reviewers.yaml").write_text(REVIEWER, encoding="utf-8")
    env = {"BUILD_SCRIPTS_TODAY": TODAY.isoformat()}
    result = run_cli("--root", project, "review", "sign", "es/causes/caffeine", "--reviewer", "t-reviewer", env=env)
    assert result.returncode == 0, result.stderr
    assert "page: es/causes/caffeine" in (project / "content" / "reviews.yaml").read_text(encoding="utf-8")
    language, problems = spanish(project)
    assert problems == []
    spanish_hashes = language.content.hashes()
    assert language.content.review("causes/caffeine", spanish_hashes["causes/caffeine"]).current
    english = language.content.english
    assert english.review("causes/caffeine", english.hashes()["causes/caffeine"]).state == "none"
    # Editing the Spanish takes it out of review; the status lists it as changed.
    edit(project / "content" / "translations" / "es" / "causes" / "caffeine.yaml", "Es lo que más ayuda.",
         "Es lo que suele ayudar más.")
    status = run_cli("--root", project, "review", "status", "--changed", env=env)
    assert "- es/causes/caffeine (Dr Test Reviewer" in status.stdout, status.stdout + status.stderr


def test_a_source_given_in_spanish_replaces_the_english_one_everywhere_it_is_named(project: Path) -> None:
    path = project / "content" / "translations" / "es" / "treatments" / "stretching.yaml"
    english = yaml.safe_load((project / "content" / "treatments" / "stretching.yaml").read_text(encoding="utf-8"))
    rated = english["evidence"]["source"]
    spanish_url = "https://medlineplus.gov/spanish/ency/article/003193.htm"
    host = rated.split("/")[2]
    if host != "medlineplus.gov":  # give the Spanish page on the rated source's own host
        spanish_url = rated.rstrip("/") + "/es/"
    with path.open("a", encoding="utf-8") as out:
        out.write(f"sources:\n  {rated}:\n    title: Calambres\n    url: {spanish_url}\n")
    language, problems = spanish(project)
    assert problems == [], problems
    merged = language.content.entries["treatment"]["stretching"].data
    assert merged["evidence"]["source"] == spanish_url
    source = next(s for s in merged["sources"] if s["url"] == spanish_url)
    assert source["title"] == "Calambres" and "language" not in source
