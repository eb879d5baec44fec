"""The content model (``Content``, ``Entry``) and loading the whole content tree.

``load_content`` reads every file under content/, checks its fields against their kinds and runs
every rule in ``build_scripts.rules`` on it, and returns what loaded with every problem found, so
one run shows a contributor everything to fix.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from build_scripts import review as review_status
from build_scripts import triage, words
from build_scripts.review import REVIEWERS_FILE, SIGNOFFS_FILE, content_hash
from build_scripts.errors import LEVELS, Problem
from build_scripts.fields import ID_PATTERN, Choice, Context, Field, ListOf, MapOf, Obj, Text
from build_scripts.rules import RULES, Subject, locate, run
from build_scripts.rules.registry import PAGES, SOURCES_HEADING
from build_scripts.schema import (
    BY_NAME,
    ENTRY_TYPES,
    LEVEL_KEYS,
    GLOSSARY,
    PUBLISHERS,
    REVIEW,
    REVIEWERS,
    SIGNOFFS,
    TAXONOMY,
    TAXONOMY_LISTS,
    THESAURUS,
    TRIAGE,
    EntryType,
)
from build_scripts.workers import fork_map
from build_scripts.yaml_file import Document, LoadError, load, parse, utf8

TAXONOMY_FILE = "taxonomy.yaml"
GLOSSARY_FILE = "glossary.yaml"
THESAURUS_FILE = "thesaurus.yaml"  # optional: the search box's words that mean the same
PUBLISHERS_FILE = "publishers.yaml"
PAGES_DIR = "pages"
RULES_FILE = "rules.yaml"
NAV_FILE = "nav.yaml"


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
    thesaurus: list[list[str]] = field(default_factory=list)  # groups of terms (content/thesaurus.yaml)
    taxonomy: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    hosts: dict[str, str] = field(default_factory=dict)  # web host -> publisher name
    triage: triage.Triage = field(default_factory=triage.Triage)
    words: dict[str, Any] = field(default_factory=dict)  # the locale: every word readers see outside entries
    nav: list[Any] = field(default_factory=list)  # the menu: content/nav.yaml's items
    outside_menu: list[str] = field(default_factory=list)  # pages left out of the menu on purpose
    pages: dict[str, tuple[Document, int]] = field(default_factory=dict)  # "pages/about" -> (front matter, body start)
    reviewers: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> content/reviewers.yaml's entry
    signoffs: dict[str, dict[str, Any]] = field(default_factory=dict)  # "causes/caffeine" -> its sign-off
    # Another language's content (build_scripts/language.py) is the English's with its words: it
    # keeps the English content here, names its files under content/translations/<language>, and
    # publishes the English file of a page it has no translation of yet.
    prefix: str = "content"  # root as messages and git name it
    english: Content | None = None
    page_fallback: dict[str, Path] = field(default_factory=dict)  # "pages/about" -> the English file
    translation: dict[str, str] = field(default_factory=dict)  # "causes/caffeine" -> current, stale or missing
    english_url: str = ""  # the English site's address, for the notice on a stale or missing translation

    def hashes(self) -> dict[str, str]:
        """What each entry and page says now, hashed as a sign-off records it (review.content_hash)."""
        out = {f"{e.type.folder}/{e.id}": content_hash(e.data) for by_id in self.entries.values() for e in by_id.values()}
        for key, (doc, body_start) in self.pages.items():
            out[key] = content_hash(doc.data, doc.text[body_start:])
        return out

    def review(self, key: str, current_hash: str) -> review_status.Status:
        return review_status.status(key, current_hash, self.signoffs, self.reviewers)

    def source_of(self, key: str) -> str | None:
        """The file an entry or page is written in, as git names it."""
        folder, _, name = key.partition("/")
        if key in self.page_fallback and self.english is not None:
            return self.english.source_of(key)
        if key in self.pages:
            return f"{self.prefix}/{key}.md"
        by_folder = {e.folder: e.name for e in ENTRY_TYPES}
        entry = self.entries.get(by_folder.get(folder, ""), {}).get(name)
        return entry.path if entry is not None else None

    @property
    def levels(self) -> tuple[words.Level, ...]:
        """The care levels, emergency first, in the site's words."""
        return words.levels(self.words, LEVEL_KEYS)

    def label(self, list_name: str, item_id: str) -> str:
        return self.ctx.lists[list_name].get(item_id, item_id)


def load_content(root: Path, today: dt.date | None = None, strict: bool = False,
                 jobs: int | None = None, language: str = words.REFERENCE) -> tuple[Content, list[Problem]]:
    """Load ``root`` (the content folder) and run every rule on it. Problems come sorted by file and line.

    ``jobs``: how many processes load the entries (``build_scripts.workers``; by default one per
    core for a big tree). ``strict`` makes warnings errors.
    """
    today = today or current_date()
    shown = root.name  # messages name files as content/...; root's parent is the project
    content = Content(root)
    problems: list[Problem] = []
    levels = _rule_levels(root, problems, strict)

    def check(kind: str, doc: Document, obj: Obj | None, is_entry: bool = False) -> list[Problem]:
        """The file's fields against their kinds, then every rule that applies to this kind of file."""
        found = locate(doc, obj.flaws(doc.data, (), content.ctx), "value-kind", levels, strict) if obj else []
        subject = Subject(kind, doc, content.ctx, is_entry, content.hosts, today)
        return found + run(subject, levels, strict)

    taxonomy = _load_mapping(root / TAXONOMY_FILE, f"{shown}/{TAXONOMY_FILE}", problems)
    if taxonomy is not None:
        problems += check("taxonomy", taxonomy, TAXONOMY)
        for name in TAXONOMY_LISTS:
            items = [i for i in taxonomy.data.get(name) or [] if isinstance(i, dict) and isinstance(i.get("id"), str)]
            content.taxonomy[name] = items
            content.ctx.lists[name] = {i["id"]: str(i.get("label", i["id"])) for i in items}

    publishers = _load_mapping(root / PUBLISHERS_FILE, f"{shown}/{PUBLISHERS_FILE}", problems)
    if publishers is not None:
        problems += check("publishers", publishers, PUBLISHERS)
        listed = [p for p in publishers.data.get("publishers") or [] if isinstance(p, dict)]
        content.ctx.lists["publishers"] = {str(p.get("name")): str(p.get("name")) for p in listed}
        content.hosts = {str(host).lower(): str(p.get("name")) for p in listed
                         for host in p.get("hosts") or [] if isinstance(p.get("hosts"), list)}

    todo: list[tuple[str, Path, str]] = []
    for etype in ENTRY_TYPES:
        content.entries[etype.name] = {}
        paths = list(_entry_files(root / etype.folder, f"{shown}/{etype.folder}", problems))
        # Ids of files that fail to load still count, so other entries' references to them stay quiet.
        content.ctx.ids[etype.name] = sorted(path.stem for path in paths)
        todo += [(etype.name, path, f"{shown}/{etype.folder}/{path.name}") for path in paths]

    # The warning signs: entries' care cards name them, and they name causes.
    model = _load_mapping(root / triage.FILE, f"{shown}/{triage.FILE}", problems)
    if model is not None:
        triage.prepare(content.ctx, model.data)
        problems += check("triage", model, TRIAGE)
        content.triage = triage.build(model.data)

    # Each entry is loaded and checked on its own (against the ids, lists and publishers read
    # above), so a big content tree is shared out over every core.
    def check_entry(item: tuple[str, Path, str]) -> tuple[Document | None, list[Problem]]:
        name, path, rel = item
        found: list[Problem] = []
        doc = _load_mapping(path, rel, found)
        if doc is not None:
            found += check(name, doc, BY_NAME[name].obj, is_entry=True)
        return doc, found

    for (name, path, rel), (doc, found) in zip(todo, fork_map(check_entry, todo, jobs)):
        problems += found
        if doc is not None:
            content.entries[name][path.stem] = Entry(BY_NAME[name], path.stem, rel, doc)

    locale = _load_mapping(root / words.LOCALES_DIR / f"{language}.yaml",
                           f"{shown}/{words.LOCALES_DIR}/{language}.yaml", problems)
    if locale is not None:
        problems += check("locale", locale, None)
        content.words = locale.data
        if language == words.REFERENCE:  # what every other language's locale must have (rules/locale_keys.py)
            content.ctx.lists["locale-keys"] = {".".join(path): str(value) for path in words.keys(locale.data)
                                                if (value := _leaf(locale.data, path)) is not None}
        titles = locale.data.get("nav")
        content.ctx.lists["nav-titles"] = {str(k): str(v) for k, v in titles.items()} if isinstance(titles, dict) else {}
        ignored = words.ignored_by_search(locale.data)
        if ignored is not None:  # words the search box ignores: a thesaurus term must be more than these
            content.ctx.lists["search-stop-words"] = ignored

    nav = _load_mapping(root / NAV_FILE, f"{shown}/{NAV_FILE}", problems)
    if nav is not None:
        found = check("nav", nav, None)
        problems += found
        if not found:
            content.nav = list(nav.data["menu"])
            outside = nav.data.get("outside_menu")
            content.outside_menu = [str(p) for p in outside] if isinstance(outside, list) else []

    glossary = _load_mapping(root / GLOSSARY_FILE, f"{shown}/{GLOSSARY_FILE}", problems)
    if glossary is not None:
        problems += check("glossary", glossary, GLOSSARY)
        content.glossary = [t for t in glossary.data.get("terms") or [] if isinstance(t, dict)]

    if (root / THESAURUS_FILE).is_file():
        thesaurus = _load_mapping(root / THESAURUS_FILE, f"{shown}/{THESAURUS_FILE}", problems)
        if thesaurus is not None:
            problems += check("thesaurus", thesaurus, THESAURUS)
            content.thesaurus = [[str(t) for t in g["terms"]] for g in thesaurus.data.get("groups") or []
                                 if isinstance(g, dict) and isinstance(g.get("terms"), list)]

    if not (root / PAGES_DIR / "index.md").is_file():
        problems.append(Problem(f"{shown}/{PAGES_DIR}/index.md", 1, "", "the home page is missing", rule="file-missing"))
    for path, rel in page_files(root):
        page = _load_page(path, rel, problems)
        if page is not None:
            doc, body_start = page
            fields = PAGE_WITH_SOURCES if SOURCES_HEADING.search(doc.text, body_start) else PAGE
            problems += locate(doc, fields.flaws(doc.data, (), content.ctx), "value-kind", levels, strict)
            problems += run(Subject(PAGES, doc, content.ctx, False, content.hosts, today, body_start), levels, strict)
            content.pages[rel.removeprefix(f"{shown}/").removesuffix(".md")] = doc, body_start

    # Clinical review: who reviews, and what they signed off (both optional files).
    reviewers = _load_optional(root, REVIEWERS_FILE, problems)
    if reviewers is not None:
        problems += check("reviewers", reviewers, REVIEWERS)
        content.reviewers = {str(r["id"]): r for r in reviewers.data.get("reviewers") or []
                             if isinstance(r, dict) and isinstance(r.get("id"), str)}
    content.ctx.lists["reviewers"] = {key: str(r.get("name", key)) for key, r in content.reviewers.items()}
    # Entries and pages, and their translations (es/causes/caffeine): what a sign-off may name.
    content.ctx.lists["reviewable"] = {key: key for key in content.hashes()}
    for code in translation_languages(root):
        content.ctx.lists["reviewable"].update({f"{code}/{key}": key for key in content.hashes()})
    signoffs = _load_optional(root, SIGNOFFS_FILE, problems)
    if signoffs is not None:
        problems += check("reviews", signoffs, SIGNOFFS)
        content.signoffs = {str(s["page"]): s for s in signoffs.data.get("signoffs") or []
                            if isinstance(s, dict) and isinstance(s.get("page"), str)}
    return content, sorted(problems)


TRANSLATIONS_DIR = "translations"  # content/translations/<language>/ (build_scripts/language.py)


def translation_languages(root: Path) -> list[str]:
    """The languages the content has a translation folder for (root is content/)."""
    folder = root / TRANSLATIONS_DIR
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")) if folder.is_dir() else []


def _leaf(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def current_date() -> dt.date:
    """Today, or BUILD_SCRIPTS_TODAY (YYYY-MM-DD) so that tests and previews can fix the date."""
    fixed = os.environ.get("BUILD_SCRIPTS_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def _entry_files(folder: Path, shown: str, problems: list[Problem]) -> Iterator[Path]:
    if not folder.is_dir():
        problems.append(Problem(shown, 1, "", "folder is missing", rule="file-missing"))
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        rel = f"{shown}/{path.name}"
        if path.suffix == ".yml":
            problems.append(Problem(rel, 1, "", f"rename the file to {path.stem}.yaml", rule="file-name"))
        elif path.suffix != ".yaml" or not path.is_file():
            problems.append(Problem(rel, 1, "", "unexpected file; each entry is one .yaml file", rule="file-name"))
        elif not re.fullmatch(ID_PATTERN, path.stem):
            better = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
            problems.append(Problem(
                rel, 1, "", f"file name must be kebab-case (lower-case letters, digits, hyphens): "
                f"rename it to '{better}.yaml'", rule="file-name",
            ))
        else:
            yield path


def _load_optional(root: Path, name: str, problems: list[Problem]) -> Document | None:
    """A shared file the content may leave out (content/<name>), or None if it is not there."""
    return _load_mapping(root / name, f"{root.name}/{name}", problems) if (root / name).is_file() else None


def _load_mapping(path: Path, rel: str, problems: list[Problem]) -> Document | None:
    if not path.is_file():
        problems.append(Problem(rel, 1, "", "file is missing", rule="file-missing"))
        return None
    doc = load(path, rel)
    if isinstance(doc, Problem):
        problems.append(doc)
        return None
    problems += doc.problems
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, doc.line(()), "", "expected fields at the top level (like 'title: ...'), "
                                f"got {'a list' if isinstance(doc.data, list) else 'a single value'}", rule="value-kind"))
        return None
    return doc


def _rule_levels(root: Path, problems: list[Problem], strict: bool) -> dict[str, str]:
    """Severities set in content/rules.yaml (optional): rule id -> error, warning or off."""
    doc = _load_optional(root, RULES_FILE, problems)
    if doc is None:
        return {}
    # YAML reads a bare 'off' as false: take it as the word the maintainer wrote.
    doc.data = {key: "off" if value is False else value for key, value in doc.data.items()}
    problems += locate(doc, RULE_LEVELS.flaws(doc.data, (), Context()), "value-kind", None, strict)
    problems += run(Subject("rules", doc), None, strict)
    return {key: value for key, value in doc.data.items() if key in RULES and value in LEVELS}


# A hand-written page's front matter. Other keys (such as MkDocs' own 'search') are left alone.
PAGE = Obj((Field("title", Text(80)), Field("description", Text(300)),
            Field("also_called", ListOf(Text(80), min_items=1, max_items=30), required=False),
            Field("search_terms", ListOf(Text(80), min_items=1, max_items=40), required=False)), open=True)
PAGE_WITH_SOURCES = replace(PAGE, fields=(*PAGE.fields, *(replace(f, why="a page with sources shows when it was "
                                                                  "reviewed") for f in REVIEW)))
RULE_LEVELS = MapOf(Choice(LEVELS))
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


def _load_page(path: Path, rel: str, problems: list[Problem]) -> tuple[Document, int] | None:
    """A page's front matter as a Document holding the whole page's text, and where its body starts."""
    try:
        text = utf8(path.read_bytes())
        found = front_matter(text, rel)
    except LoadError as exc:
        problems.append(Problem(rel, exc.line, "", exc.message, rule="yaml-file"))
        return None
    if found is None:
        problems.append(Problem(rel, 1, "", "start the page with front matter: '---', 'title: ...', "
                                "'description: ...', '---'", rule="page-front-matter"))
        return None
    doc, body_start = found
    problems += doc.problems
    if not isinstance(doc.data, dict):
        doc.data = {}
    doc.text = text
    return doc, body_start
