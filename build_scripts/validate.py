"""Load the whole content tree and report every problem in one pass.

Each rule is a generator of problems; ``load_content`` runs them all and
returns what loaded, so one run shows a contributor everything to fix.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.errors import ERROR, WARNING, Problem, loc_to_field
from build_scripts.fields import ID_PATTERN, Context, Obj
from build_scripts.load import Document, load
from build_scripts.schema import ENTRY_TYPES, GLOSSARY, REVIEW_CYCLE_YEARS, TAXONOMY, TAXONOMY_LISTS, EntryType

TAXONOMY_FILE = "taxonomy.yaml"
GLOSSARY_FILE = "glossary.yaml"
PAGES_DIR = "pages"


@dataclass
class Entry:
    """One loaded entry file."""

    type: EntryType
    id: str
    path: str  # as shown in messages, e.g. content/causes/caffeine.yaml
    doc: Document

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data


@dataclass
class Content:
    """Everything under ``content/`` that loaded, plus the lookup context."""

    root: Path
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    ctx: Context = field(default_factory=Context)
    glossary: list[dict[str, Any]] = field(default_factory=list)
    taxonomy: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def label(self, list_name: str, item_id: str) -> str:
        return self.ctx.lists[list_name].get(item_id, item_id)


def load_content(root: Path, today: dt.date | None = None, strict: bool = False) -> tuple[Content, list[Problem]]:
    """Load and validate ``root`` (the content folder). Problems come sorted by file and line."""
    today = today or _today()
    shown = root.name  # messages name files as content/...; root's parent is the project
    content = Content(root)
    problems: list[Problem] = []

    taxonomy = _load_mapping(root / TAXONOMY_FILE, f"{shown}/{TAXONOMY_FILE}", problems)
    if taxonomy is not None:
        problems += _check(taxonomy, TAXONOMY, content.ctx)
        for name in TAXONOMY_LISTS:
            items = [i for i in taxonomy.data.get(name) or [] if isinstance(i, dict) and isinstance(i.get("id"), str)]
            content.taxonomy[name] = items
            content.ctx.lists[name] = {i["id"]: str(i.get("label", i["id"])) for i in items}

    for etype in ENTRY_TYPES:
        content.entries[etype.name] = {}
        paths = list(_entry_files(root / etype.folder, f"{shown}/{etype.folder}", problems))
        # Ids of files that fail to load still count, so other entries' references to them stay quiet.
        content.ctx.ids[etype.name] = sorted(path.stem for path in paths)
        for path in paths:
            rel = f"{shown}/{etype.folder}/{path.name}"
            doc = _load_mapping(path, rel, problems)
            if doc is not None:
                content.entries[etype.name][path.stem] = Entry(etype, path.stem, rel, doc)

    for entries in content.entries.values():
        for entry in entries.values():
            problems += _check(entry.doc, entry.type.obj, content.ctx)
            problems += [_locate(entry.doc, loc, msg) for loc, msg in _id_matches_file(entry)]
            problems += [_locate(entry.doc, loc, msg, sev) for loc, msg, sev in _review_dates(entry, today, strict)]

    glossary = _load_mapping(root / GLOSSARY_FILE, f"{shown}/{GLOSSARY_FILE}", problems)
    if glossary is not None:
        problems += _check(glossary, GLOSSARY, content.ctx)
        content.glossary = [t for t in glossary.data.get("terms") or [] if isinstance(t, dict)]

    if not (root / PAGES_DIR / "index.md").is_file():
        problems.append(Problem(f"{shown}/{PAGES_DIR}/index.md", 1, "", "the home page is missing"))
    return content, sorted(problems)


def _today() -> dt.date:
    """Today, or BUILD_SCRIPTS_TODAY (YYYY-MM-DD) so that tests and previews can fix the date."""
    fixed = os.environ.get("BUILD_SCRIPTS_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def _entry_files(folder: Path, shown: str, problems: list[Problem]) -> Iterator[Path]:
    if not folder.is_dir():
        problems.append(Problem(shown, 1, "", "folder is missing"))
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        rel = f"{shown}/{path.name}"
        if path.suffix == ".yml":
            problems.append(Problem(rel, 1, "", f"rename the file to {path.stem}.yaml"))
        elif path.suffix != ".yaml" or not path.is_file():
            problems.append(Problem(rel, 1, "", "unexpected file; each entry is one .yaml file"))
        elif not re.fullmatch(ID_PATTERN, path.stem):
            better = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
            problems.append(Problem(
                rel, 1, "", f"file name must be kebab-case (lower-case letters, digits, hyphens): "
                f"rename it to '{better}.yaml'",
            ))
        else:
            yield path


def _load_mapping(path: Path, rel: str, problems: list[Problem]) -> Document | None:
    if not path.is_file():
        problems.append(Problem(rel, 1, "", "file is missing"))
        return None
    doc = load(path, rel)
    if isinstance(doc, Problem):
        problems.append(doc)
        return None
    problems += doc.problems
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, doc.line(()), "", "expected fields at the top level (like 'title: ...'), "
                                f"got {'a list' if isinstance(doc.data, list) else 'a single value'}"))
        return None
    return doc


def _check(doc: Document, obj: Obj, ctx: Context) -> list[Problem]:
    return [_locate(doc, loc, message) for loc, message in obj.check(doc.data, (), ctx)]


def _locate(doc: Document, loc: tuple[str | int, ...], message: str, severity: str = ERROR) -> Problem:
    return Problem(doc.path, doc.line(loc), loc_to_field(loc), message, severity)


def _id_matches_file(entry: Entry) -> Iterator[tuple[tuple[str, ...], str]]:
    given = entry.data.get("id")
    if isinstance(given, str) and given != entry.id:
        yield ("id",), f"'{given}' does not match the file name '{entry.id}.yaml'; rename the file or fix the id"


def _review_dates(entry: Entry, today: dt.date, strict: bool) -> Iterator[tuple[tuple[str, ...], str, str]]:
    last, due = entry.data.get("last_reviewed"), entry.data.get("next_review_due")
    if isinstance(last, dt.date) and last > today:
        yield ("last_reviewed",), f"{last} is in the future (today is {today})", ERROR
    if isinstance(last, dt.date) and isinstance(due, dt.date):
        latest = _add_years(last, REVIEW_CYCLE_YEARS)
        if due <= last:
            yield ("next_review_due",), f"{due} must be after last_reviewed ({last})", ERROR
        elif due > latest:
            yield ("next_review_due",), f"{due} is more than {REVIEW_CYCLE_YEARS} years after last_reviewed; " \
                f"use {latest} or sooner", ERROR
    if isinstance(due, dt.date) and due < today:
        yield ("next_review_due",), f"review was due on {due}; check the entry against its sources, " \
            "then update last_reviewed and next_review_due", ERROR if strict else WARNING


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
