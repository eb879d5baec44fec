"""The scaffold (`new`) and the annotated templates (`template`, and their copies in CONTRIBUTING.md).

After an intended change to build_scripts/schema.py, refresh the copies in CONTRIBUTING.md with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_scaffold.py`` and review the diff.
"""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from build_scripts.fields import Choice, Context, Kind, ListOf, Markdown, Obj, Ref, SignRef, Text, Url, is_placeholder
from build_scripts.yaml_file import load
from build_scripts.scaffold import kebab, scaffold, template
from build_scripts.schema import ENTRY_TYPES, EntryType
from build_scripts.schema_json import entry_schemas
from build_scripts.model import load_content
from tests.conftest import FIXTURE_CONTENT, ROOT, TODAY, copy_project, run_cli

FIXED = {"BUILD_SCRIPTS_TODAY": TODAY.isoformat()}
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
TEMPLATE_BLOCK = re.compile(r"(<!-- template: (\w+) [^\n]*-->\n```yaml\n)(.*?)(```\n<!-- end of template -->)", re.S)
types = pytest.mark.parametrize("etype", ENTRY_TYPES, ids=lambda t: t.name)


def fixture_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", content=FIXTURE_CONTENT)


def placeholders(value: Any, kind: Kind, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Kind]]:
    """Each placeholder in ``value`` with its location and the kind of value it stands for."""
    if isinstance(kind, Obj) and isinstance(value, dict):
        for f in kind.fields:
            if f.name in value:
                yield from placeholders(value[f.name], f.kind, loc + (f.name,))
    elif isinstance(kind, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from placeholders(item, kind.item, loc + (index,))
    elif is_placeholder(value):
        yield loc, kind


def fill(path: Path, etype: EntryType, ctx: Context, hosts: dict[str, str]) -> None:
    """Replace every placeholder in the file with a valid value for its field, as a contributor would."""
    doc = load(path, path.name)
    lines = path.read_text(encoding="utf-8").split("\n")
    first_publisher = Choice(controlled="publishers").allowed(ctx)[0]  # what the Choice branch fills in
    host = next(host for host, name in hosts.items() if name == first_publisher)
    at = 0
    found = sorted(placeholders(doc.data, etype.obj), key=lambda p: doc.line(p[0]))
    urls = {loc: f"https://{host}/page-{n}" for n, (loc, kind) in enumerate(found) if isinstance(kind, Url)}
    # A treatment's evidence.source is the url of one of its own sources (the evidence-source rule).
    first_source = next((url for loc, url in urls.items() if loc[:1] == ("sources",)), None)
    for n, (loc, kind) in enumerate(found):
        if isinstance(kind, Choice):
            value = kind.allowed(ctx)[0]
        elif isinstance(kind, Url):
            value = first_source if loc == ("evidence", "source") and first_source else urls[loc]
        elif isinstance(kind, Ref):
            value = ctx.ids[kind.target][0]
        elif isinstance(kind, SignRef):  # the first sign of that level in the triage model
            value = next(sign for sign, level in ctx.lists["signs"].items() if level == kind.level)
        elif isinstance(kind, (Markdown, Text)):
            value = f"Plain words, number {n}."
        else:
            raise AssertionError(f"no filler for {type(kind).__name__} at {loc}")
        at = max(at, doc.line(loc) - 1)
        while "TODO" not in lines[at]:  # a Markdown placeholder sits on the line after its key
            at += 1
        lines[at] = lines[at].replace("TODO", value, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_kebab_ids() -> None:
    assert kebab("Vitamin D deficiency") == "vitamin-d-deficiency"
    assert kebab("  Café au lait: spots & twitches! ") == "cafe-au-lait-spots-twitches"


def test_new_writes_a_file_ready_to_fill(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    result = run_cli("--root", root, "new", "cause", "Vitamin D deficiency", env=FIXED)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == "Wrote content/causes/vitamin-d-deficiency.yaml."
    text = (root / "content" / "causes" / "vitamin-d-deficiency.yaml").read_text()
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/cause.schema.json"
    assert "title: Vitamin D deficiency" in lines
    assert "last_reviewed: 2026-11-21" in lines and "next_review_due: 2029-11-21" in lines
    assert "reviewed_by: TODO" in lines
    # allowed values come from the content's own taxonomy and publishers
    notes = re.sub(r"\n#\s+", " ", text)  # the notes' wrapped lines joined up
    assert "Required. Where the twitching is usually felt. A list of 1 to 50 items, each one of: " \
           "eyelid-and-face, leg-calf-and-foot, all-over." in notes
    assert "One of: NHS, MedlinePlus, Mayo Clinic." in notes
    # the editors' schemas hold no entry ids, so a new entry leaves them unchanged
    before, _ = load_content(FIXTURE_CONTENT, today=TODAY)
    after, _ = load_content(root / "content", today=TODAY)
    assert entry_schemas(after.ctx) == entry_schemas(before.ctx)


@types
def test_the_scaffold_annotates_every_field(etype: EntryType) -> None:
    content, _ = load_content(FIXTURE_CONTENT, today=TODAY)
    text = scaffold(etype, content.ctx, "new-one", "New one", TODAY)
    for f in etype.fields:  # each field (or its commented-out example), right after its note
        note = re.search(rf"^# (Required|Optional)\.[^\n]*\n(#[^\n]*\n)*(# )?{f.name}:", text, re.M)
        assert note, f"{f.name} has no note"


@types
def test_the_filled_in_scaffold_is_valid(etype: EntryType, content_copy: Path) -> None:
    content, problems = load_content(content_copy, today=TODAY)
    assert problems == []
    path = content_copy / etype.folder / "new-one.yaml"
    path.write_text(scaffold(etype, content.ctx, "new-one", "New one", TODAY), encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    assert problems and all("replace the placeholder TODO" in p.message for p in problems)
    fill(path, etype, content.ctx, content.hosts)
    assert not [line for line in path.read_text().splitlines() if "TODO" in line and not line.lstrip().startswith("#")]
    _, problems = load_content(content_copy, today=TODAY)
    assert [str(p) for p in problems] == []


def test_the_untouched_scaffold_fails_check_at_each_placeholder(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    assert run_cli("--root", root, "new", "treatment", "Vitamin D", env=FIXED).returncode == 0
    lines = (root / "content" / "treatments" / "vitamin-d.yaml").read_text().splitlines()
    result = run_cli("--root", root, "check", env=FIXED)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    *errors, count = result.stderr.splitlines()
    todo_lines = [i + 1 for i, line in enumerate(lines) if "TODO" in line and not line.lstrip().startswith("#")]
    assert count == f"{len(todo_lines)} errors, 0 warnings. Fix the errors above, then run the check again."
    reported = []
    for error in errors:
        match = re.fullmatch(r"content/treatments/vitamin-d\.yaml:(\d+): ([\w.\[\]]+): "
                             r"replace the placeholder TODO with .+", error)
        assert match, error
        line = int(match.group(1))
        reported.append(line if "TODO" in lines[line - 1] else line + 1)  # a Markdown field's TODO is below it
    assert reported == todo_lines
    assert "kind: replace the placeholder TODO with one of: self-care, lifestyle, medicine, therapy, " \
           "procedure, complementary" in result.stderr


def test_new_refuses_an_existing_id(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    before = (root / "content" / "causes" / "caffeine.yaml").read_bytes()
    result = run_cli("--root", root, "new", "cause", "Caffeine", env=FIXED)
    assert result.returncode == 1
    assert result.stderr == ("error: content/causes/caffeine.yaml already exists: edit that file, "
                             "or choose another title or --id\n")
    assert (root / "content" / "causes" / "caffeine.yaml").read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (("cause", "<script>x</script>"), "error: title: contains a <script> tag; scripts are not allowed"),
    (("cause", "!!!"), "error: '' cannot be a file name: use lower-case letters, digits and single hyphens "
                       "(give one with --id)"),
    (("test", "Blood tests", "--id", "Blood_Tests"), "error: 'Blood_Tests' cannot be a file name: use lower-case "
                                                     "letters, digits and single hyphens (give one with --id)"),
])
def test_new_refuses_what_cannot_be_an_entry(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    root = fixture_project(tmp_path)
    result = run_cli("--root", root, "new", *args, env=FIXED)
    assert (result.returncode, result.stderr.strip()) == (1, message)


def test_a_title_that_needs_quotes_stays_valid_yaml(content_copy: Path) -> None:
    content, _ = load_content(content_copy, today=TODAY)
    path = content_copy / "tests" / "x.yaml"
    path.write_text(scaffold(ENTRY_TYPES[2], content.ctx, "x", "EMG: 'needle' test #2", TODAY))
    assert load(path, "x.yaml").data["title"] == "EMG: 'needle' test #2"


# --- the annotated templates in CONTRIBUTING.md ---

def test_contributing_has_the_current_template_of_every_type() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        by_name = {etype.name: etype for etype in ENTRY_TYPES}
        text = TEMPLATE_BLOCK.sub(lambda m: m.group(1) + template(by_name[m.group(2)]) + m.group(4), text)
        CONTRIBUTING.write_text(text, encoding="utf-8")
    blocks = {m.group(2): m.group(3) for m in TEMPLATE_BLOCK.finditer(text)}
    assert sorted(blocks) == sorted(etype.name for etype in ENTRY_TYPES)
    for etype in ENTRY_TYPES:
        assert blocks[etype.name] == template(etype), (
            f"CONTRIBUTING.md's {etype.name} template is out of date: run "
            "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_scaffold.py and review the diff")
        keys = {m.group(1) for m in re.finditer(r"^(?:# )?(\w+):", blocks[etype.name], re.M)}
        assert {f.name for f in etype.fields} <= keys


@types
def test_the_template_is_a_valid_entry_of_the_real_content(etype: EntryType, tmp_path: Path) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(ROOT / "content", content_dir)
    (content_dir / etype.folder / "template-example.yaml").write_text(template(etype), encoding="utf-8")
    _, problems = load_content(content_dir)  # the real content, on the real date
    assert [str(p) for p in problems if "template-example" in p.path] == []


def test_template_command_prints_the_template() -> None:
    result = run_cli("template", "cause")
    assert result.returncode == 0, result.stderr
    assert result.stdout == template(ENTRY_TYPES[0])
