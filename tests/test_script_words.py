"""No reader-facing words in the scripts: every word the browser scripts show comes from the locale
(content/locales/<language>.yaml, under ``scripts``), through the JSON the generator writes for them.

A string literal in overrides/assets/javascripts/*.js is taken for reader-facing English when it
has two or more plain words (letters only, sentence punctuation aside), or one capitalised word.
CSS selectors, class lists, attribute, event and key names and JSON keys have at most one plain
word (the rest carry '-', '_', '[', '.' or ':'), so they pass without a list of their own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from build_scripts.navigator import results_words
from build_scripts.readability import MAX_SENTENCE_WORDS, grade_of, sentences_of

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "overrides" / "assets" / "javascripts").glob("*.js"))
LOCALE = ROOT / "content" / "locales" / "en.yaml"

# Literals that look like words but are code. Keep this short: move words to the locale instead.
ALLOWED = {
    "use strict",  # the directive
    "Escape",  # KeyboardEvent.key of the Escape key (glossary.js)
}
# After one of these a "/" starts a regular expression, not a division.
_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {"", "return", "typeof", "case", "in", "of", "new", "delete",
                                               "void", "throw"}
_SENTENCE_PUNCTUATION = "\"'()[].,:;!?\u2019"


def literals(source: str) -> Iterator[tuple[int, str]]:
    """Every string literal of a script, with its line; comments and regular expressions are skipped."""
    i, previous = 0, ""
    while i < len(source):
        char = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i) % (len(source) + 1)
        elif source.startswith("/*", i):
            i = source.index("*/", i) + 2
        elif char in "\"'`":
            start, i = i, i + 1
            while source[i] != char:
                i += 2 if source[i] == "\\" else 1
            i += 1
            yield source.count("\n", 0, start) + 1, source[start + 1:i - 1]
            previous = "a string"
        elif char == "/" and previous in _REGEX_AFTER:  # a regular expression: skip it and its flags
            i += 1
            in_class = False
            while in_class or source[i] != "/":
                if source[i] == "\\":
                    i += 1
                elif source[i] in "[]":
                    in_class = source[i] == "["
                i += 1
            i += 1
            while i < len(source) and source[i].isalpha():
                i += 1
            previous = "a regex"
        elif char.isspace():
            i += 1
        elif char.isalnum() or char in "_$":
            word = re.match(r"[\w$]+", source[i:]).group(0)
            i += len(word)
            previous = word
        else:
            i += 1
            previous = char


def reader_facing(text: str) -> bool:
    """Whether a literal reads as words for a reader rather than code."""
    if text in ALLOWED:
        return False
    words = [token.strip(_SENTENCE_PUNCTUATION) for token in text.split()]
    plain = [word for word in words if word.isalpha()]
    return len(plain) >= 2 or any(re.fullmatch(r"[A-Z][a-z]+", word) for word in plain)


def test_the_detector_finds_words_and_passes_code() -> None:
    for words in ("See all causes", "Care level: self-care.", "Emergency", "came on suddenly",
                  " more causes fit less well. ", "This is not a diagnosis. "):
        assert reader_facing(words), words
    for code in ("use strict", "article abbr[data-meaning]", "care care--", "input[name='", "DOMContentLoaded",
                 ".md-search__input", "data-warning-query", "navigator-results-heading", "../warning-signs.json",
                 "self_care", "all-over", "tooltip", "{label}: {what}"):
        assert not reader_facing(code), code
    source = 'var a = /[\'"]/g, b = x / 2 / y; // "Not this"\n/* "Nor this" */ f("one", \'t\\\'wo\');'
    assert list(literals(source)) == [(2, "one"), (2, "t\\'wo")]


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_no_reader_facing_words_in_the_scripts(script: Path) -> None:
    found = [f"{script.name}:{line}: {text!r}" for line, text in literals(script.read_text(encoding="utf-8"))
             if reader_facing(text)]
    assert found == [], "move these to content/locales/en.yaml (scripts:) and pass them in the script's JSON"


def test_the_navigator_reads_every_word_it_is_given_and_no_other() -> None:
    given = set(results_words(yaml.safe_load(LOCALE.read_text(encoding="utf-8"))))
    used = set(re.findall(r"\bwords\.(\w+)", (ROOT / "overrides/assets/javascripts/navigator.js").read_text()))
    assert used == given


def test_the_results_words_read_at_the_sites_level() -> None:
    """The navigator's sentences follow the content's rules; the self-care result names no level of care
    (levels come only from the signs in content/triage.yaml)."""
    locale = yaml.safe_load(LOCALE.read_text(encoding="utf-8"))
    words = locale["scripts"]["navigator"]
    prose = [words["heading"], words["self_care"]["text"], words["not_a_diagnosis"], words["causes_fit"],
             words["no_cause_fits"], *words["more"].values()]
    for sentence in (s for text in prose for s in sentences_of(text)):
        assert len(sentence.split()) <= MAX_SENTENCE_WORDS, sentence
    assert grade_of(sentences_of(words["self_care"]["text"])) <= 6.5
    self_care = words["self_care"]["text"].lower()
    for level in locale["care"].values():
        assert level["label"].lower() not in self_care
    assert "see a doctor" not in self_care and "get medical help" not in self_care


def test_the_fixture_locale_has_the_same_script_words() -> None:
    fixture = yaml.safe_load((ROOT / "tests/fixtures/content/locales/en.yaml").read_text(encoding="utf-8"))
    assert fixture["scripts"] == yaml.safe_load(LOCALE.read_text(encoding="utf-8"))["scripts"]


def test_the_search_scripts_read_every_field_of_their_json() -> None:
    """What assets/warning-signs.json carries is read by warning-signs.js."""
    from build_scripts.model import load_content
    from build_scripts.render import warning_signs
    from tests.conftest import FIXTURE_CONTENT, TODAY

    content, _ = load_content(FIXTURE_CONTENT, today=TODAY)
    scripts = "".join((ROOT / "overrides/assets/javascripts" / name).read_text(encoding="utf-8")
                      for name in ("warning-signs.js",))
    unread = [key for key in warning_signs(content) if not re.search(rf"\.{key}\b", scripts)]
    assert unread == []
