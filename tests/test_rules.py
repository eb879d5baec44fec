"""The rule registry: each rule refuses its 'bad' examples and accepts its 'good' ones, problems
carry their rule's id and the line of the offending text, and severities can be set per rule.

A rule's examples are declared with the rule (``@rule(..., bad=..., good=...)``). A dict is
merged into a valid fixture entry (or, for a rule on pages only, into a page's front matter); a
string is the body of a valid hand-written page. Rules whose examples need other files have a
test of their own here, named in ``OWN_TESTS``.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.errors import ERROR, WARNING
from build_scripts.model import load_content
from build_scripts.rules import RULES, Rule
from build_scripts.rules.registry import ENTRIES, EVERY_FILE, PAGES, table
from build_scripts.schema import BY_NAME
from tests.conftest import FIXTURE_CONTENT, TODAY

# Rules tested below rather than by examples: they need more than one file, or a file of their own.
OWN_TESTS = {"id-confusable": "test_look_alike_ids_are_refused", "triage-model": "tests/invalid/cases.yaml",
             "rule-levels": "test_rules_yaml_names_only_known_rules", "nav-items": "test_the_menu_names_known_pages",
             "signoff-page": "tests/test_review.py", "thesaurus-terms": "test_thesaurus_terms_and_sources",
             "locale-keys": "tests/test_translation.py"}
ENTRY_FIXTURES = {"cause": "causes/caffeine.yaml", "treatment": "treatments/stretching.yaml", "test": "tests/emg.yaml"}
PAGE = "---\ntitle: Advice\ndescription: Rest and time.\n---\n\n# Advice\n\n{body}\n"
CHECKED = [r for r in RULES.values() if r.check is not None]


def test_every_rule_that_checks_has_examples_or_its_own_test() -> None:
    for each in CHECKED:
        if each.id in OWN_TESTS:
            where = OWN_TESTS[each.id]
            assert where in globals() or Path(__file__).parents[1].joinpath(where).is_file(), each.id
        else:
            assert each.bad and each.good, f"{each.id}: give it examples it refuses and accepts"


def test_every_rule_applies_to_something_known() -> None:
    kinds = {ENTRIES, PAGES, *EVERY_FILE, *BY_NAME}
    for each in RULES.values():
        assert each.applies and set(each.applies) <= kinds, each.id
        assert each.summary.endswith("."), each.id


def _write_example(content: Path, each: Rule, example: Any) -> str:
    """Put the example into the fixture tree; the file it went into, as messages name it."""
    if isinstance(example, str) or not any(a == ENTRIES or a in BY_NAME for a in each.applies):
        front, body = ({}, example) if isinstance(example, str) else (example, "Rest.")
        fields = {"title": "Advice", "description": "Rest and time.", **front}
        text = "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n# Advice\n\n" + body + "\n"
        (content / "pages" / "advice.md").write_text(text, encoding="utf-8")
        return "content/pages/advice.md"
    kind = next((a for a in each.applies if a in BY_NAME), "cause")
    rel = ENTRY_FIXTURES[kind]
    data = yaml.safe_load((content / rel).read_text(encoding="utf-8"))
    data.update(example)
    (content / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f"content/{rel}"


EXAMPLES = [(each, "bad", ex) for each in CHECKED for ex in each.bad] + \
           [(each, "good", ex) for each in CHECKED for ex in each.good]


@pytest.mark.parametrize("each,which,example", EXAMPLES,
                         ids=[f"{e.id}-{w}-{i}" for i, (e, w, _) in enumerate(EXAMPLES)])
def test_rule_examples(each: Rule, which: str, example: Any, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    path = _write_example(content, each, example)
    _, problems = load_content(content, today=TODAY)
    mine = [str(p) for p in problems if p.rule == each.id and p.path == path]
    if which == "bad":
        assert mine, f"{each.id} should refuse {example!r}"
    else:
        assert not mine, f"{each.id} should accept {example!r}: {mine}"


def test_a_problem_inside_a_block_is_reported_at_its_own_line(content_copy: Path) -> None:
    entry = content_copy / "causes" / "caffeine.yaml"
    text = entry.read_text(encoding="utf-8")
    block = "clues: |\n  - You have more coffee than usual.\n  - You feel jittery.\n  - Some take 200 mg of it a day.\n"
    text = re.sub(r"clues: \|\n(?:  .*\n)+", block, text)
    entry.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - Some take 200 mg of it a day.") + 1
    _, problems = load_content(content_copy, today=TODAY)
    dose = [p for p in problems if p.rule == "no-doses"]
    assert [(p.line, p.field) for p in dose] == [(line, "clues")]
    assert line > text.splitlines().index("clues: |") + 2  # not the block's first line


def test_a_page_problem_is_reported_at_its_line(content_copy: Path) -> None:
    body = "Rest.\n\nMore rest.\nYou could take 2 tablets.\n"
    (content_copy / "pages" / "advice.md").write_text(PAGE.format(body=body), encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    lines = PAGE.format(body=body).splitlines()
    assert [(p.path, p.line) for p in problems if p.rule == "no-doses"] == \
        [("content/pages/advice.md", lines.index("You could take 2 tablets.") + 1)]


def test_problems_name_their_rule(content_copy: Path) -> None:
    entry = content_copy / "causes" / "caffeine.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("how_common: common", "how_common: often"),
                     encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    assert [str(p).rsplit(" ", 1)[-1] for p in problems] == ["[allowed-value]"]


def test_look_alike_ids_are_refused(content_copy: Path) -> None:
    shutil.copy(content_copy / "causes" / "stress.yaml", content_copy / "causes" / "stre55.yaml")
    shutil.copy(content_copy / "causes" / "caffeine.yaml", content_copy / "causes" / "caffeine-c1ear.yaml")
    shutil.copy(content_copy / "causes" / "caffeine.yaml", content_copy / "causes" / "caffeine-clear.yaml")
    _, problems = load_content(content_copy, today=TODAY)
    found = sorted((p.path, p.message.split(";")[0]) for p in problems if p.rule == "id-confusable")
    assert found == [
        ("content/causes/caffeine-c1ear.yaml", "the file name 'caffeine-c1ear' looks like 'caffeine-clear' (same "
         "letters but for look-alikes such as 1 and l, 0 and o, rn and m)"),
        ("content/causes/caffeine-clear.yaml", "the file name 'caffeine-clear' looks like 'caffeine-c1ear' (same "
         "letters but for look-alikes such as 1 and l, 0 and o, rn and m)"),
    ]  # 'stre55' is not 'stress': 5 and s are not look-alikes in UTS #39's table


def _levels(content: Path, text: str) -> list:
    (content / "rules.yaml").write_text(text, encoding="utf-8")
    entry = content / "causes" / "caffeine.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Have less caffeine.", "Have less caffeine. "
                                                               "Take 200 mg less."), encoding="utf-8")
    return load_content(content, today=TODAY)[1]


def test_rules_yaml_sets_a_rules_severity(content_copy: Path) -> None:
    assert [p.severity for p in _levels(content_copy, "no-doses: warning\n")] == [WARNING]
    assert _levels(content_copy, "no-doses: off\n") == []
    assert [p.severity for p in _levels(content_copy, "sentence-length: off\n")] == [ERROR]


def test_strict_makes_warnings_errors(content_copy: Path) -> None:
    _levels(content_copy, "no-doses: warning\n")
    _, problems = load_content(content_copy, today=TODAY, strict=True)
    assert [(p.rule, p.severity) for p in problems] == [("no-doses", ERROR)]


def test_rules_yaml_names_only_known_rules(content_copy: Path) -> None:
    problems = _levels(content_copy, "no-dose: off\nno-doses: sometimes\n")
    messages = [str(p) for p in problems if p.path == "content/rules.yaml"]
    assert messages == [
        "content/rules.yaml:1: no-dose: there is no rule 'no-dose' (did you mean 'no-doses'?); the rules are listed "
        "in CONTRIBUTING.md [rule-levels]",
        "content/rules.yaml:2: no-doses: 'sometimes' is not an allowed value (allowed: error, warning, off) "
        "[allowed-value]",
    ]


RULES_TABLE = re.compile(r"(<!-- rules table [^\n]*-->\n)(.*?)(<!-- end of rules table -->)", re.S)


def test_contributing_lists_every_rule() -> None:
    contributing = Path(__file__).parents[1] / "CONTRIBUTING.md"
    text = contributing.read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        text = RULES_TABLE.sub(lambda m: m.group(1) + table() + m.group(3), text)
        contributing.write_text(text, encoding="utf-8")
    found = RULES_TABLE.search(text)
    assert found and found.group(2) == table(), (
        "CONTRIBUTING.md's rules table is out of date: run UPDATE_GOLDEN=1 .venv/bin/python -m pytest "
        "tests/test_rules.py and review the diff")


def test_the_menu_names_known_pages(content_copy: Path) -> None:
    (content_copy / "nav.yaml").write_text("menu:\n  - index.md\n  - type: cuase\n  - index.md\n  - extra.md\n"
                                           "  - 3\n", encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    assert [str(p) for p in problems if p.path == "content/nav.yaml"] == [
        "content/nav.yaml:3: menu[2].type: there is no entry type 'cuase' (types: cause, treatment, test); "
        "did you mean 'cause'? [nav-items]",
        "content/nav.yaml:4: menu[3]: 'index.md' is in the menu twice [nav-items]",
        "content/nav.yaml:5: menu[4]: 'extra.md' has no title: add 'extra.md: ...' under 'nav' in the locale "
        "[nav-items]",
        "content/nav.yaml:6: menu[5]: each item is a page such as 'about.md', or 'type: cause' [nav-items]",
    ]


THESAURUS_SOURCE = {"title": "Tetanus", "publisher": "NHS", "url": "https://www.nhs.uk/conditions/tetanus/"}


def test_thesaurus_terms_and_sources(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    path = content / "thesaurus.yaml"
    good = {"groups": [{"terms": ["lockjaw", "tetanus"], "source": dict(THESAURUS_SOURCE)},
                       {"terms": ["charley horse", "cramp"], "source": dict(THESAURUS_SOURCE)}]}
    path.write_text(yaml.safe_dump(good), encoding="utf-8")
    loaded, problems = load_content(content, today=TODAY)
    assert problems == [] and loaded.thesaurus == [["lockjaw", "tetanus"], ["charley horse", "cramp"]]
    bad = {"groups": [{"terms": ["lockjaw", "tetanus"], "source": dict(THESAURUS_SOURCE)},
                      {"terms": ["Lock-jaw", "the", "tetanus"],
                       "source": {**THESAURUS_SOURCE, "url": "https://health-blog.example.com/tetanus"}},
                      {"terms": ["cramp"], "source": dict(THESAURUS_SOURCE)}]}
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    _, problems = load_content(content, today=TODAY)
    assert sorted(p.rule for p in problems) == ["list-size", "source-host", "thesaurus-terms", "thesaurus-terms"], problems
    messages = " ".join(p.message for p in problems)
    assert "'the' is only words the search box ignores" in messages
    assert "'tetanus' is also in group 1" in messages
    assert "health-blog.example.com" in messages
