"""Every invalid entry in tests/invalid/ gives exactly the messages, lines and fields it expects.

Most cases are rows of ``tests/invalid/cases.yaml``. A row names a file of the fixture
content tree (``target``, e.g. ``causes/caffeine.yaml``), one textual ``change`` to that
file as it stands in tests/fixtures/content/, and the problems it must give (``expect``,
with line numbers as in the edited file). The change is one of:

    replace: {old: TEXT, new: TEXT}   ``old`` must occur exactly once in the target
    remove: LINES                     whole line(s) that must occur exactly once; deleted
    copy: PATH                        the target is a new file, a copy of fixture file PATH

A row whose ``old`` (or ``remove``) text is not in the fixture exactly once fails and
names itself, so rows cannot go stale silently. Rows hold only the edit: a field added
to a fixture entry reaches every row, and if it is added at the end of the entry no
row's line numbers move (a row that adds lines at the end of a file anchors them on
the file's last line with ``replace``).

Faults that make the YAML reader reject the file itself (bad bytes or encoding, a BOM,
tabs, syntax errors, aliases, several documents, deep nesting, an empty file, a list at
the top level) are in the file's bytes or syntax, not in a field, so they stay whole
files beside cases.yaml, each starting with comment lines:

    # Case: what is wrong
    # target: causes/caffeine.yaml        (where it goes in the fixture content tree)
    # expect: content/causes/caffeine.yaml:26: indent with spaces, not tabs

The reader stops at such a fault, so nothing after it is checked and these files need
no edit when fields change; ``test_whole_files_are_faults_the_reader_rejects`` keeps
field faults out of them.

For each case the whole tree is validated, and the full list of problems must equal
``expect``: nothing missing, nothing extra, in order. It must do so whether the entries
are loaded in one process or shared out over forked workers.
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest

from build_scripts.errors import Problem
from build_scripts.model import load_content
from build_scripts.yaml_file import load
from tests.conftest import TODAY

INVALID = Path(__file__).parent / "invalid"
ROWS_FILE = INVALID / "cases.yaml"
ROW_KEYS = {"id", "case", "target", "change", "expect"}


@dataclass(frozen=True)
class Case:
    """One invalid case: how to make it in a copy of the fixture tree, and what it must give."""

    id: str
    target: str
    expect: list[str]
    make: Callable[[Path], None]  # makes the case in the content tree at the given path


def fail(row: dict[str, Any], message: str) -> NoReturn:
    pytest.fail(f"cases.yaml row {row.get('id')!r} ({row.get('case')}): {message}", pytrace=False)


def once(row: dict[str, Any], text: str, part: str, what: str) -> None:
    """Fail, naming the row, unless ``part`` occurs exactly once in ``text``."""
    count = text.count(part)
    if count != 1:
        fail(row, f"{what} occurs {count} times in {row['target']}, not exactly once "
                  f"(did the fixture change?):\n{part}")


def apply(row: dict[str, Any], content: Path) -> None:
    """Make the row's change to the fixture tree copied at ``content``."""
    if set(row) != ROW_KEYS:
        fail(row, f"a row has exactly the keys {sorted(ROW_KEYS)}, not {sorted(row)}")
    if not (isinstance(row["expect"], list) and row["expect"] and all(isinstance(e, str) for e in row["expect"])):
        fail(row, "expect must be a list of one or more problem strings")
    change = row["change"]
    if not (isinstance(change, dict) and len(change) == 1):
        fail(row, "change must be exactly one of replace, remove, copy")
    [(kind, arg)] = change.items()
    target = content / row["target"]
    if kind == "copy":
        if target.exists():
            fail(row, f"copy makes a new file, but {row['target']} is already in the fixture tree")
        shutil.copyfile(content / arg, target)
        return
    if not target.is_file():
        fail(row, f"{row['target']} is not a file of the fixture tree (use copy to make a new one)")
    text = target.read_bytes().decode("utf-8")
    if kind == "replace":
        if not (isinstance(arg, dict) and set(arg) == {"old", "new"}):
            fail(row, "replace needs exactly {old: ..., new: ...}")
        once(row, text, arg["old"], "replace's old text")
        text = text.replace(arg["old"], arg["new"])
    elif kind == "remove":
        lines = "\n" + arg.rstrip("\n") + "\n"  # whole lines only
        padded = "\n" + text + ("" if text.endswith("\n") else "\n")
        once(row, padded, lines, "the line(s) to remove")
        text = padded.replace(lines, "\n")[1:]
    else:
        fail(row, f"unknown change {kind!r}; use replace, remove or copy")
    target.write_bytes(text.encode("utf-8"))


def header(raw: bytes) -> tuple[str, list[str]]:
    """The target and expected problems in a whole case file's comment lines."""
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    target = re.search(r"^# target: (.+)$", text, re.M)
    assert target, "case file needs a '# target:' line"
    return target.group(1).strip(), re.findall(r"^# expect: (.+)$", text, re.M)


def from_row(row: dict[str, Any]) -> Case:
    return Case(row["id"], row["target"], row["expect"], lambda content: apply(row, content))


def from_file(path: Path) -> Case:
    raw = path.read_bytes()
    target, expect = header(raw)
    return Case(path.stem, target, expect, lambda content: (content / target).write_bytes(raw))


def read_rows() -> list[dict[str, Any]]:
    doc = load(ROWS_FILE, ROWS_FILE.name)  # the project's strict reader: a repeated key is an error
    assert not isinstance(doc, Problem), str(doc)
    assert not doc.problems, [str(p) for p in doc.problems]
    assert isinstance(doc.data, list) and all(isinstance(r, dict) for r in doc.data), "cases.yaml is a list of rows"
    return doc.data


ROWS = read_rows()
FILES = sorted(p for p in INVALID.glob("*.yaml") if p != ROWS_FILE)
CASES = [from_row(r) for r in ROWS] + [from_file(p) for p in FILES]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_whole_files_are_faults_the_reader_rejects() -> None:
    """A fault the reader lets through is a field fault: it belongs in cases.yaml as a row."""
    for path in FILES:
        doc = load(path, path.name)
        assert isinstance(doc, Problem) or not isinstance(doc.data, dict), (
            f"{path.name}: the YAML reader accepts this file; write the case as a row of cases.yaml")


@pytest.mark.parametrize("stale", [
    {"replace": {"old": "how_common: not in the fixture", "new": "x"}},
    {"replace": {"old": "caffeine", "new": "x"}},  # many times
    {"remove": "how_common: not in the fixture"},
])
def test_a_row_that_no_longer_fits_the_fixture_fails_and_names_itself(stale: dict, content_copy: Path) -> None:
    row = {"id": "stale-row", "case": "An example", "target": "causes/caffeine.yaml", "change": stale,
           "expect": ["x"]}
    with pytest.raises(pytest.fail.Exception, match=r"row 'stale-row' .* not exactly once"):
        apply(row, content_copy)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_invalid_case(case: Case, content_copy: Path) -> None:
    assert case.expect, f"{case.id} expects no problems"
    case.make(content_copy)
    for jobs in (1, 2):  # loaded here, and by two forked workers (as a big content tree is)
        _, problems = load_content(content_copy, today=TODAY, jobs=jobs)
        assert [str(p) for p in problems] == case.expect, f"with {jobs} process(es)"
