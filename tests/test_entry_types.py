"""An entry type describes itself: a new one is its definition, its template and its content.

The type here ("faq") exists only in this test and in tests/fixtures/entry-type/: nothing in
build_scripts/ names it. Its references to causes give each cause page links back; its index
page, API document, JSON Schema, editor settings and JSON-LD come from its definition alone.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from build_scripts.config import SiteConfig
from build_scripts.fields import Field, ListOf, Markdown, Ref
from build_scripts.model import load_content
from build_scripts.render import SiteRenderer
from build_scripts.schema import ALSO_CALLED, BY_NAME, ENTRY_TYPES, ID, REVIEW, SOURCES, SUMMARY, TITLE, EntryType
from build_scripts.schema_json import all_schemas, editor_settings
from tests.conftest import TODAY

FIXTURE = Path(__file__).parent / "fixtures" / "entry-type"
FAQ = EntryType(
    "faq",
    "faqs",
    (ID, TITLE, ALSO_CALLED, SUMMARY,
     Field("answer", Markdown(), section=True, help="The answer, in plain words."),
     Field("causes", ListOf(Ref("cause", backlink="faqs")), required=False, help="Causes it is about, by id."),
     SOURCES, *REVIEW),
    about="Question",
    templates=str(FIXTURE / "templates"),
)
CONFIG = SiteConfig("https://example.org/", "https://github.com/example/twitch", "edit/main/", "docs", "site")


@pytest.fixture
def with_faq(content_copy: Path) -> Iterator[Path]:
    """The fixture content with one FAQ, and the type registered for the length of the test."""
    shutil.copytree(FIXTURE / "faqs", content_copy / "faqs")
    locale = content_copy / "locales" / "en.yaml"
    words = yaml.safe_load(locale.read_text(encoding="utf-8"))
    words["types"].update(yaml.safe_load((FIXTURE / "locale.yaml").read_text(encoding="utf-8")))
    words["types"]["cause"]["links"]["faqs"] = "Questions about it"
    locale.write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ENTRY_TYPES.append(FAQ)
    BY_NAME[FAQ.name] = FAQ
    try:
        yield content_copy
    finally:
        ENTRY_TYPES.remove(FAQ)
        del BY_NAME[FAQ.name]


def rendered(content_dir: Path) -> dict[str, str | bytes]:
    content, problems = load_content(content_dir, today=TODAY)
    assert [str(p) for p in problems] == []
    renderer = SiteRenderer(content, CONFIG)
    files: dict[str, str | bytes] = dict(renderer.entry_page(key) for key in renderer.entry_keys())
    files.update(renderer.other_files())
    return files


def test_a_new_type_gets_pages_links_both_ways_and_an_index(with_faq: Path) -> None:
    files = rendered(with_faq)
    page = str(files["faqs/does-coffee-cause-twitching.md"])
    assert "## The answer\n\nYes, for some people." in page
    assert "## Causes it is about { data-search-exclude }\n\n- [Caffeine](../causes/caffeine.md)" in page
    assert "about_type: Question" in page
    cause = str(files["causes/caffeine.md"])
    assert "## Questions about it { data-search-exclude }\n\n- [Does coffee cause twitching?]" \
           "(../faqs/does-coffee-cause-twitching.md)" in cause
    index = str(files["faqs/index.md"])
    assert "# Questions people ask" in index and "(does-coffee-cause-twitching.md)" in index
    assert "does-coffee-cause-twitching" in str(files["a-z.md"])
    api = json.loads(files["api/faqs.json"])
    assert api["count"] == 1 and api["faqs"][0]["causes"] == ["caffeine"]
    causes = json.loads(files["api/causes.json"])["causes"]
    assert next(c for c in causes if c["id"] == "caffeine")["faqs"] == ["does-coffee-cause-twitching"]


def test_a_new_type_is_checked_and_gets_its_schema_and_editor_settings(with_faq: Path) -> None:
    entry = with_faq / "faqs" / "does-coffee-cause-twitching.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("causes: [caffeine]", "causes: [cafeine]\nanswr: x"),
                     encoding="utf-8")
    content, problems = load_content(with_faq, today=TODAY)
    assert [(p.rule, p.line) for p in problems] == [("ref-exists", 6), ("field-known", 7)]
    schemas = all_schemas(content.ctx)
    assert json.loads(schemas["faq.schema.json"])["properties"]["causes"]["items"]["pattern"]
    assert "faqs" in json.loads(schemas["cause.api.schema.json"])["properties"]["causes"]["items"]["properties"]
    settings = json.loads(editor_settings('{"files.eol": "\\n"}'))
    assert settings["yaml.schemas"]["./schemas/faq.schema.json"] == "content/faqs/*.yaml"
    assert settings["files.eol"] == "\n"


def test_the_type_is_gone_after_the_test() -> None:
    assert "faq" not in BY_NAME and all(t.name != "faq" for t in ENTRY_TYPES)
