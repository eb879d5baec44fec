"""Each field kind, on its own: what it accepts, what it refuses, and the rule each refusal names."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from build_scripts.fields import (
    SMALL_LIST,
    Choice,
    Context,
    Date,
    Field,
    Flag,
    Id,
    Kind,
    ListOf,
    MapOf,
    Markdown,
    Obj,
    Ref,
    SignRef,
    Text,
    Url,
    references,
)
from build_scripts.rules import RULES

CTX = Context(ids={"cause": ["caffeine", "stress"], "treatment": [f"t-{n}" for n in range(20)] + ["stretching"]},
              lists={"areas": {"leg": "Leg", "arm": "Arm"}, "signs": {"chest-pain": "emergency", "lump": "see_doctor"}})
OBJ = Obj((Field("title", Text(20)), Field("note", Text(), required=False)))

CASES: list[tuple[str, Kind, Any, list[tuple[str, str]]]] = [
    # (name, kind, value, [(rule id, part of the message)]); [] means accepted
    ("text", Text(20), "Caffeine", []),
    ("text-too-long", Text(5), "Caffeine", [("text-shape", "8 characters long; keep it under 5")]),
    ("text-empty", Text(), "  ", [("text-shape", "must not be empty")]),
    ("text-two-lines", Text(), "a\nb", [("text-shape", "must be a single line")]),
    ("text-not-text", Text(), 3, [("value-kind", "expected text, got a number")]),
    ("text-html", Text(), "a <b>bold</b> claim", [("safe-markup", "raw HTML")]),
    ("markdown", Markdown(), "- one\n- two\n", []),
    ("markdown-site-link", Markdown(), "Read [our page](../worried-about-als.md#weak).", []),
    ("markdown-other-link", Markdown(), "Read [this](ftp://x.org/a).", [("safe-markup", "must start with https://, or")]),
    ("markdown-heading", Markdown(), "# Title\ntext", [("text-shape", "must not contain headings")]),
    ("choice", Choice(("common", "rare")), "rare", []),
    ("choice-short-list-named-in-full", Choice(("common", "less common", "rare")), "uncommon",
     [("allowed-value", "(allowed: common, less common, rare)")]),
    ("choice-long-list-suggests", Choice(tuple(f"value-{n}" for n in range(SMALL_LIST)) + ("common",)), "comon",
     [("allowed-value", "(did you mean 'common'?)")]),
    ("choice-controlled", Choice(controlled="areas"), "leg", []),
    ("choice-controlled-unknown", Choice(controlled="areas"), "foot",
     [("allowed-value", "in content/taxonomy.yaml 'areas' (allowed: leg, arm)")]),
    ("ref", Ref("cause"), "stress", []),
    ("ref-few-known", Ref("cause"), "stres", [("ref-exists", "(known: caffeine, stress); to add a new one, run "
                                               "make new TYPE=cause")]),
    ("ref-closest", Ref("treatment"), "streching", [("ref-exists", "(closest: stretching)")]),
    ("ref-not-text", Ref("cause"), ["stress"], [("value-kind", "expected the id of a cause, got a list")]),
    ("id", Id(), "calf-and-foot", []),
    ("id-bad", Id(), "Calf_Foot", [("id-format", "must be kebab-case")]),
    ("date", Date(), dt.date(2026, 1, 2), []),
    ("date-unreal", Date(), "2026-02-30", [("date-format", "is not a real date")]),
    ("date-shape", Date(), "2 Jan 2026", [("date-format", "written YYYY-MM-DD")]),
    ("url", Url(), "https://www.nhs.uk/x/", []),
    ("url-http", Url(), "http://www.nhs.uk/", [("url-format", "must start with https://")]),
    ("url-no-host", Url(), "https://localhost/x", [("url-format", "is not a valid web address")]),
    ("list", ListOf(Text(), min_items=1), ["a", "b"], []),
    ("list-short", ListOf(Text(), min_items=2), ["a"], [("list-size", "needs at least 2 items, has 1")]),
    ("list-long", ListOf(Text(), max_items=1), ["a", "b"], [("list-size", "has 2 items; the most allowed is 1")]),
    ("list-twice", ListOf(Text()), ["a", "A"], [("no-duplicates", "'a' is listed twice (also item 1)")]),
    ("list-item-placeholder", ListOf(Text()), ["TODO"], [("placeholder", "replace the placeholder TODO with")]),
    ("flag", Flag(), True, []),
    ("flag-text", Flag(), "yes", [("value-kind", "expected true or false")]),
    ("map", MapOf(Text()), {"nhs-x": "NHS"}, []),
    ("map-key", MapOf(Text()), {"NHS X": "NHS"}, [("id-format", "must be kebab-case")]),
    ("sign", SignRef("emergency"), "chest-pain", []),
    ("sign-worded", SignRef("emergency"), {"sign": "chest-pain", "says": "Chest pain with the cramps."}, []),
    ("sign-unknown", SignRef("emergency"), "chestpain", [("sign-ref", "unknown sign 'chestpain' (did you mean "
                                                        "'chest-pain'?)")]),
    ("sign-wrong-level", SignRef("emergency"), "lump", [("sign-ref", "list it under care.see_doctor")]),
    ("sign-extra-field", SignRef("emergency"), {"sign": "chest-pain", "say": "x"}, [("field-known", "unknown field")]),
    ("obj", OBJ, {"title": "x"}, []),
    ("obj-unknown-field", OBJ, {"title": "x", "nte": "y"}, [("field-known", "unknown field (did you mean 'note'?)")]),
    ("obj-missing-field", OBJ, {"note": "y"}, [("field-required", "missing required field")]),
    ("obj-open", Obj(OBJ.fields, open=True), {"title": "x", "search": {"exclude": True}}, []),
]


@pytest.mark.parametrize("name,kind,value,expected", CASES, ids=[c[0] for c in CASES])
def test_field_kind(name: str, kind: Kind, value: Any, expected: list[tuple[str, str]]) -> None:
    flaws = list(kind.flaws(value, ("f",), CTX))
    assert [flaw.rule for flaw in flaws] == [rule for rule, _ in expected], [f.message for f in flaws]
    for flaw, (_, part) in zip(flaws, expected):
        assert part in flaw.message
        assert flaw.rule in RULES  # each refusal names a registered rule, with an id and a severity


def test_every_kind_names_a_registered_rule() -> None:
    kinds = [Text, Markdown, Choice, Ref, Id, Date, Url, ListOf, Flag, MapOf, SignRef, Obj]
    assert all(k.rule in RULES for k in kinds)


def test_references_are_found_through_the_kinds() -> None:
    kind = Obj((Field("related", ListOf(Ref("cause"))), Field("treatments", ListOf(Obj((Field("id", Ref("treatment")),)))),
                Field("title", Text())))
    value = {"related": ["stress"], "treatments": [{"id": "stretching"}], "title": "stress"}
    assert list(references(kind, value)) == [(("related", 0), "cause", "stress"),
                                             (("treatments", 0, "id"), "treatment", "stretching")]
