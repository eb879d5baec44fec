"""Load the whole content tree and report every problem in one pass.

Each rule is a generator of problems; ``load_content`` runs them all and
returns what loaded, so one run shows a contributor everything to fix.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from urllib.parse import urlsplit
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts import rules, triage
from build_scripts.errors import ERROR, WARNING, Problem, loc_to_field
from build_scripts.fields import ID_PATTERN, Context, ListOf, Obj, Text
from build_scripts.yaml_file import Document, LoadError, load, parse, utf8
from build_scripts.schema import (
    ENTRY_TYPES,
    GLOSSARY,
    PUBLISHERS,
    REVIEW,
    REVIEW_CYCLE_YEARS,
    TAXONOMY,
    TAXONOMY_LISTS,
    TRIAGE,
    EntryType,
)
from build_scripts.workers import fork_map

TAXONOMY_FILE = "taxonomy.yaml"
GLOSSARY_FILE = "glossary.yaml"
PUBLISHERS_FILE = "publishers.yaml"
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
    hosts: dict[str, str] = field(default_factory=dict)  # web host -> publisher name
    triage: triage.Triage = field(default_factory=triage.Triage)

    def label(self, list_name: str, item_id: str) -> str:
        return self.ctx.lists[list_name].get(item_id, item_id)


def load_content(root: Path, today: dt.date | None = None, strict: bool = False,
                 jobs: int | None = None) -> tuple[Content, list[Problem]]:
    """Load and validate ``root`` (the content folder). Problems come sorted by file and line.

    ``jobs``: how many processes load the entries (``build_scripts.workers``; by default one per
    core for a big tree).
    """
    today = today or current_date()
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

    publishers = _load_mapping(root / PUBLISHERS_FILE, f"{shown}/{PUBLISHERS_FILE}", problems)
    if publishers is not None:
        problems += _check(publishers, PUBLISHERS, content.ctx)
        listed = [p for p in publishers.data.get("publishers") or [] if isinstance(p, dict)]
        content.ctx.lists["publishers"] = {str(p.get("name")): str(p.get("name")) for p in listed}
        content.hosts = {str(host).lower(): str(p.get("name")) for p in listed
                         for host in p.get("hosts") or [] if isinstance(p.get("hosts"), list)}

    todo: list[tuple[int, Path, str]] = []
    for index, etype in enumerate(ENTRY_TYPES):
        content.entries[etype.name] = {}
        paths = list(_entry_files(root / etype.folder, f"{shown}/{etype.folder}", problems))
        # Ids of files that fail to load still count, so other entries' references to them stay quiet.
        content.ctx.ids[etype.name] = sorted(path.stem for path in paths)
        todo += [(index, path, f"{shown}/{etype.folder}/{path.name}") for path in paths]

    # The warning signs: entries' care cards name them, and they name causes.
    model = _load_mapping(root / triage.FILE, f"{shown}/{triage.FILE}", problems)
    if model is not None:
        triage.prepare(content.ctx, model.data)
        problems += _check(model, TRIAGE, content.ctx)
        problems += [_locate(model, loc, msg) for loc, msg in triage.check(model.data, content.hosts)]
        content.triage = triage.build(model.data)

    # Each entry is loaded and checked on its own (against the ids, lists and publishers read
    # above), so a big content tree is shared out over every core. Workers send back Documents,
    # not Entries: an Entry's type must be the very object in ENTRY_TYPES.
    def check(item: tuple[int, Path, str]) -> tuple[Document | None, list[Problem]]:
        index, path, rel = item
        found: list[Problem] = []
        doc = _load_mapping(path, rel, found)
        if doc is not None:
            entry = Entry(ENTRY_TYPES[index], path.stem, rel, doc)
            found += _entry_problems(entry, content, today, strict, publishers is not None)
        return doc, found

    for (index, path, rel), (doc, found) in zip(todo, fork_map(check, todo, jobs)):
        problems += found
        if doc is not None:
            content.entries[ENTRY_TYPES[index].name][path.stem] = Entry(ENTRY_TYPES[index], path.stem, rel, doc)

    glossary = _load_mapping(root / GLOSSARY_FILE, f"{shown}/{GLOSSARY_FILE}", problems)
    if glossary is not None:
        problems += _check(glossary, GLOSSARY, content.ctx)
        content.glossary = [t for t in glossary.data.get("terms") or [] if isinstance(t, dict)]

    if not (root / PAGES_DIR / "index.md").is_file():
        problems.append(Problem(f"{shown}/{PAGES_DIR}/index.md", 1, "", "the home page is missing"))
    for path, rel in page_files(root):
        problems += _check_page(path, rel, content.hosts, today, strict)
    return content, sorted(problems)


def _entry_problems(entry: Entry, content: Content, today: dt.date, strict: bool, check_hosts: bool) -> list[Problem]:
    """Every check of one entry that needs no other entry's data (ids and lists come from ``content.ctx``)."""
    doc = entry.doc
    problems = _check(doc, entry.type.obj, content.ctx)
    problems += [_locate(doc, loc, msg) for loc, msg in _id_matches_file(entry)]
    problems += [_locate(doc, loc, msg, sev) for loc, msg, sev in _review_dates(entry.data, today, strict)]
    problems += [_locate(doc, loc, msg) for loc, msg in rules.check(entry.type.name, entry.data)]
    if check_hosts:
        problems += [_locate(doc, loc, msg) for loc, msg in _source_hosts(entry, content.hosts)]
    return problems


def current_date() -> dt.date:
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


PAGE_FIELDS = {"title": Text(80), "description": Text(300)}
PAGE_OPTIONAL = {"also_called": ListOf(Text(80), min_items=1, max_items=30),
                 "search_terms": ListOf(Text(80), min_items=1, max_items=40)}
SOURCES_HEADING = re.compile(r"^## Sources\b.*$", re.M)
# What a hand-written page may ask the generator to fill in (render.MARKER writes them).
MARKERS = {"care-cards": ("all", "key"), "triage-sources": ("",)}
MARKER_LINE = re.compile(r"<!--\s*([a-z-]+)(?::\s*([a-z-]*))?\s*-->")

FRONT_MATTER = re.compile(r"---\n(.*?\n)---\n", re.S)


def page_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Each hand-written page under ``root/pages`` (not the ``_intro`` pieces), with its name for messages."""
    for path in sorted((root / PAGES_DIR).rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if not any(part.startswith("_") for part in rel.split("/")):
            yield path, f"{root.name}/{rel}"


def front_matter(text: str, rel: str) -> tuple[Document, int] | None:
    """A page's front matter, with lines counted as in the file, and where its body starts; None if it has none.

    Raises ``LoadError`` when the front matter is not valid YAML.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    return parse("\n" + match.group(1), rel), match.end()  # a blank first line stands for '---'


def _check_page(path: Path, rel: str, hosts: dict[str, str], today: dt.date, strict: bool) -> list[Problem]:
    """A hand-written page has a title and description; one with sources also has review dates."""
    try:
        text = utf8(path.read_bytes())
        found = front_matter(text, rel)
    except LoadError as exc:
        return [Problem(rel, exc.line, "", exc.message)]
    if found is None:
        return [Problem(rel, 1, "", "start the page with front matter: '---', 'title: ...', 'description: ...', '---'")]
    doc, body_start = found
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = list(doc.problems)
    for name, kind in PAGE_FIELDS.items():
        if name not in data:
            problems.append(Problem(rel, 2, name, "missing required field"))
        else:
            problems += [_locate(doc, loc, msg) for loc, msg in kind.check(data[name], (name,), Context())]
    if isinstance(data.get("description"), str) and re.search(r'["<>]', data["description"]):
        problems.append(_locate(doc, ("description",), "write it without \" < or >: the theme copies the "
                                "description into the page's head as it is"))
    for name, kind in PAGE_OPTIONAL.items():
        if name in data:
            problems += [_locate(doc, loc, msg) for loc, msg in kind.check(data[name], (name,), Context())]
    sources = SOURCES_HEADING.search(text, body_start)
    problems += _page_triage(text, body_start, sources.start() if sources else len(text), rel)
    if sources:
        for field_ in REVIEW:
            if field_.name not in data:
                problems.append(Problem(rel, 2, field_.name, "missing required field: a page with sources "
                                        "shows when it was reviewed"))
            else:
                problems += [_locate(doc, loc, msg)
                             for loc, msg in field_.kind.check(data[field_.name], (field_.name,), Context())]
        problems += [_locate(doc, loc, msg, sev) for loc, msg, sev in _review_dates(data, today, strict)]
        section_end = re.compile(r"^## ", re.M).search(text, sources.end())
        for link in re.finditer(r"\]\((https?://[^)\s]+)\)", text[sources.end():section_end.start() if section_end else None]):
            line = text.count("\n", 0, sources.end() + link.start()) + 1
            host = (urlsplit(link.group(1)).hostname or "").lower()
            if hosts and host not in hosts:
                problems.append(Problem(rel, line, "sources", f"'{host}' is not the site of a publisher listed in "
                                        f"content/{PUBLISHERS_FILE}; cite the publisher's own page, never a copy"))
    return problems


def _page_triage(text: str, start: int, end: int, rel: str) -> list[Problem]:
    """Care levels on a page come from the triage model: its markers are known ones, and its own
    words never set a level (a card or "get help today if ..." written by hand)."""
    problems = []
    for marker in MARKER_LINE.finditer(text, start, end):
        name, arg = marker.group(1), marker.group(2) or ""
        line = text.count("\n", 0, marker.start()) + 1
        if name not in MARKERS:
            problems.append(Problem(rel, line, "", f"unknown marker '{name}' (known: {', '.join(MARKERS)})"))
        elif arg not in MARKERS[name]:
            allowed = ", ".join(f"<!-- {name}: {a} -->" if a else f"<!-- {name} -->" for a in MARKERS[name])
            problems.append(Problem(rel, line, "", f"'{marker.group(0)}' is not a marker this page can use: write {allowed}"))
    for found in rules.LEVEL_PROSE.finditer(text, start, end):
        line = text.count("\n", 0, found.start()) + 1
        problems.append(Problem(rel, line, "", f"'{found.group(0)}' sets a level of care in the page's own words; "
                                "levels come from content/triage.yaml: put <!-- care-cards: key --> (or all) "
                                "where the cards go, and add a missing sign there"))
    return problems


def _id_matches_file(entry: Entry) -> Iterator[tuple[tuple[str, ...], str]]:
    given = entry.data.get("id")
    if isinstance(given, str) and given != entry.id:
        yield ("id",), f"'{given}' does not match the file name '{entry.id}.yaml'; rename the file or fix the id"


def _source_hosts(entry: Entry, hosts: dict[str, str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each source is on a listed publisher's own host, and names that publisher."""
    sources = entry.data.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict) or not isinstance(source.get("url"), str):
            continue
        parts = urlsplit(source["url"])
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or "." not in host:
            continue  # the url field's own check reports it
        owner = hosts.get(host)
        if owner is None:
            yield (("sources", i, "url"), f"'{host}' is not the site of a publisher listed in "
                   f"content/{PUBLISHERS_FILE}; cite the publisher's own page, never a copy, blog or shop "
                   "(a new publisher is added to that file in its own pull request)")
        elif isinstance(source.get("publisher"), str) and source["publisher"] != owner \
                and source["publisher"] in hosts.values():
            yield ("sources", i, "publisher"), f"'{host}' belongs to '{owner}'; write publisher: {owner}"


def _review_dates(data: dict[str, Any], today: dt.date, strict: bool) -> Iterator[tuple[tuple[str, ...], str, str]]:
    last, due = data.get("last_reviewed"), data.get("next_review_due")
    if isinstance(last, dt.date) and last > today:
        yield ("last_reviewed",), f"{last} is in the future (today is {today})", ERROR
    if isinstance(last, dt.date) and isinstance(due, dt.date):
        latest = add_years(last, REVIEW_CYCLE_YEARS)
        if due <= last:
            yield ("next_review_due",), f"{due} must be after last_reviewed ({last})", ERROR
        elif due > latest:
            yield ("next_review_due",), f"{due} is more than {REVIEW_CYCLE_YEARS} years after last_reviewed; " \
                f"use {latest} or sooner", ERROR
    if isinstance(due, dt.date) and due < today:
        yield ("next_review_due",), f"review was due on {due}; check the entry against its sources, " \
            "then update last_reviewed and next_review_due", ERROR if strict else WARNING


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
