"""The theme's overrides (overrides/*.html) show no English of their own: their words come from
the locale (content/locales/<language>.yaml), through the config the generator writes.

The text between tags, with Jinja's tags, expressions and comments taken out, must hold no word:
a word there is a reader-facing word that a translation could not reach.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S | re.I)
WORD = re.compile(r"[A-Za-z]{2,}")
READER_ATTRIBUTES = re.compile(r"\b(?:title|aria-label|alt|placeholder)\s*=\s*\"([^\"{]*[A-Za-z][^\"{]*)\"")


def visible_text(html: str) -> str:
    return TAG.sub(" ", JINJA.sub(" ", html))


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.relative_to(ROOT).as_posix() for p in TEMPLATES])
def test_an_override_has_no_words_of_its_own(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    assert not WORD.findall(visible_text(html)), f"{path.name}: words outside the locale"
    assert not READER_ATTRIBUTES.findall(JINJA.sub("", html)), f"{path.name}: an attribute readers see"


def test_the_scan_finds_a_word() -> None:
    assert WORD.findall(visible_text('{% if x %}<p class="a">Page not found</p>{% endif %}'))
    assert not WORD.findall(visible_text('<p class="lede">{{ w.lede }}</p>{# a comment #}'))
    assert READER_ATTRIBUTES.findall('<a title="Edit this page">')
