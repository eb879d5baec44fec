"""The JSON Schemas come from the same definitions as the validator, and agree with it."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from build_scripts.yaml_file import load
from build_scripts.schema import BY_NAME, ENTRY_TYPES
from build_scripts.schema_json import entry_schema
from build_scripts.model import load_content
from tests.conftest import FIXTURE_CONTENT, ROOT, TODAY, run_cli
from tests.test_invalid_corpus import CASES


def as_json(value: Any) -> Any:
    """YAML values as an editor's schema checker sees them (dates are strings)."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_committed_schemas_are_up_to_date() -> None:
    result = run_cli("--root", ROOT, "schema", "--check")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("etype", ENTRY_TYPES, ids=lambda t: t.name)
def test_every_real_entry_matches_the_committed_schema(etype) -> None:
    schema = json.loads((ROOT / "schemas" / f"{etype.name}.schema.json").read_text())
    paths = sorted((ROOT / "content" / etype.folder).glob("*.yaml"))
    assert paths
    for path in paths:
        doc = load(path, path.name)
        jsonschema.validate(as_json(doc.data), schema)


def test_every_entry_points_editors_at_its_schema() -> None:
    for etype in ENTRY_TYPES:
        for path in (ROOT / "content" / etype.folder).glob("*.yaml"):
            first = path.read_text().splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{etype.name}.schema.json", path


# Invalid cases whose problem a JSON Schema can express: the editor must flag them too.
# Not here: references to ids that do not exist (unknown-related, unknown-test, unknown-treatment).
# The schemas list no ids, so that adding an entry never makes the committed schemas stale;
# `make check` reports those.
SCHEMA_CASES = [
    "care-empty", "care-too-many", "care-unknown-level", "duplicate-ref", "enum-controlled", "enum-fixed",
    "list-expected", "mapping-expected", "missing-required", "no-sources", "one-source", "source-http",
    "source-missing-url", "source-not-url", "summary-multiline", "test-unknown-field", "title-too-long",
    "treatment-as-string", "treatment-bad-evidence", "treatment-missing-evidence-reason", "unknown-field",
    "wrong-type-bool", "wrong-type-number", "source-unknown-publisher",
]


def test_schemas_do_not_change_when_an_entry_is_added(content_copy: Path) -> None:
    before, _ = load_content(content_copy, today=TODAY)
    (content_copy / "causes" / "another.yaml").write_text((content_copy / "causes" / "caffeine.yaml").read_text())
    after, _ = load_content(content_copy, today=TODAY)
    assert after.ctx.ids["cause"] != before.ctx.ids["cause"]
    for etype in ENTRY_TYPES:
        assert entry_schema(etype, after.ctx) == entry_schema(etype, before.ctx)


@pytest.mark.parametrize("name", SCHEMA_CASES)
def test_schema_and_validator_reject_the_same_cases(name: str, content_copy: Path) -> None:
    case = next(c for c in CASES if c.id == name)
    target = case.target
    case.make(content_copy)
    content, problems = load_content(content_copy, today=TODAY)
    assert problems, "the validator must reject it"
    etype = BY_NAME[{"causes": "cause", "treatments": "treatment", "tests": "test"}[target.split("/")[0]]]
    doc = load(content_copy / target, target)
    errors = list(jsonschema.Draft202012Validator(entry_schema(etype, content.ctx)).iter_errors(as_json(doc.data)))
    assert errors, "the JSON Schema must reject it too"


def test_schema_accepts_every_fixture_entry() -> None:
    content, problems = load_content(FIXTURE_CONTENT, today=TODAY)
    assert problems == []
    for etype in ENTRY_TYPES:
        validator = jsonschema.Draft202012Validator(entry_schema(etype, content.ctx))
        for entry in content.entries[etype.name].values():
            assert list(validator.iter_errors(as_json(entry.data))) == []
