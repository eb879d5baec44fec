"""Script and event-handler injection into every text field of every entry type is refused at its line.

The text fields are found by walking the type definitions in schema.py, so a new field is covered
as soon as it is defined. Each attack is written into the fixture entry of that type.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.errors import loc_to_field
from build_scripts.fields import Choice, Date, Id, Kind, ListOf, Obj, Ref, Text, Url
from build_scripts.yaml_file import MAX_BYTES, load
from build_scripts.safety import full_check, unsafe
from build_scripts.schema import ENTRY_TYPES, EntryType
from build_scripts.model import load_content
from tests.conftest import TODAY

FIXTURE = {"cause": "causes/caffeine.yaml", "treatment": "treatments/stretching.yaml", "test": "tests/emg.yaml"}
ATTACKS = {
    "script": "Rest well. <script>alert(1)</script>",
    "event handler": 'Rest well. <img src=x onerror="alert(1)">',
    "javascript link": "Rest [here](javascript:alert(1)).",
    "entity-hidden link": "Rest [here](java&#115;cript:alert(1)).",
    "data URL": "Rest [here](data:text/html;base64,PHNjcmlwdD4=).",
}


def text_paths(kind: Kind, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Locations of every free-text value a type allows (the first item of each list)."""
    if isinstance(kind, (Choice, Ref, Id, Date, Url)):
        return
    if isinstance(kind, Text):
        yield loc
    elif isinstance(kind, ListOf):
        yield from text_paths(kind.item, loc + (0,))
    elif isinstance(kind, Obj):
        for f in kind.fields:
            yield from text_paths(f.kind, loc + (f.name,))


def put(data: Any, loc: tuple[str | int, ...], value: str) -> None:
    for i, part in enumerate(loc[:-1]):
        nxt = loc[i + 1]
        if isinstance(data, list):
            while len(data) <= part:
                data.append([] if isinstance(nxt, int) else {})
            data = data[part]
        else:
            data = data.setdefault(part, [] if isinstance(nxt, int) else {})
    last = loc[-1]
    if isinstance(data, list):
        data[last:last + 1] = [value]
    else:
        data[last] = value


CASES = [(etype, loc) for etype in ENTRY_TYPES for loc in text_paths(etype.obj) if loc != ("id",)]


def test_every_type_has_many_text_fields() -> None:
    assert {etype.name for etype, _ in CASES} == {"cause", "treatment", "test"}
    assert len(CASES) >= 20


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize(("etype", "loc"), CASES, ids=[f"{e.name}:{loc_to_field(loc)}" for e, loc in CASES])
def test_injection_is_refused_at_its_field(etype: EntryType, loc: tuple[str | int, ...], attack: str,
                                           content_copy: Path) -> None:
    path = content_copy / FIXTURE[etype.name]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if loc[0] == "treatments":  # a treatment note needs a real treatment id beside it
        data["treatments"] = [{"id": "stretching", "note": ""}]
    put(data, loc, ATTACKS[attack])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    line = load(path, "x").line(loc)
    _, problems = load_content(content_copy, today=TODAY)
    mine = [p for p in problems if p.path.endswith(FIXTURE[etype.name]) and p.field == loc_to_field(loc)]
    assert mine and mine[0].line == line, [str(p) for p in problems]
    assert any(word in mine[0].message for word in ("<script>", "event-handler", "raw HTML", "'data:'", "'javascript:'"))


def test_a_10_mb_file_is_refused_without_reading_it_as_yaml(content_copy: Path) -> None:
    path = content_copy / "causes" / "caffeine.yaml"
    size = 10 * 1024 * 1024
    path.write_bytes(b"title: " + b"x" * (size - 7))
    _, problems = load_content(content_copy, today=TODAY)
    assert [str(p) for p in problems if "caffeine" in p.path] == [
        f"content/causes/caffeine.yaml:1: file is {size:,} bytes; the limit is {MAX_BYTES:,} [yaml-file]"]


PIECES = ["<", ">", "&", "&#58;", "&#60;", "&lt;", "&amp;lt;", "&#x3a;", ";", "javascript", "java\nscript", ":",
          "=", "on", "click", "{", "}", "#id", ".cls", "[", "]", "(", ")", "!", "data", "image/png", '"', "name",
          "https://", " ", "\n", "\t", "a", "script", "/"]


@settings(max_examples=500, derandomize=True, database=None, deadline=None)  # a busy machine is not a failure
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_the_quick_pass_never_lets_through_what_the_full_check_refuses(text: str) -> None:
    # `unsafe` skips the checks for text with none of the characters they need; this must not change
    # a single answer.
    assert unsafe(text) == full_check(text)
