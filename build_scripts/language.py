"""The content of another language: the English content model with a translation's words.

``load_language`` reads ``content/translations/<language>/``: a translation of each entry (its
words only, see ``translation.py``), of the shared files that hold words readers see (the triage
model, the taxonomy's labels, the glossary), each hand-written page in full, and the language's
locale, ``content/locales/<language>.yaml``. It checks each translation's shape against the
English, runs every rule on the merged text (in the language's own wording, ``rules/wording.py``),
and says of each page whether its translation is current, stale or missing. A page with no
translation yet is published in English with a notice, so every English page has its page in
every language.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts import translation, triage, words
from build_scripts.errors import ERROR, Problem
from build_scripts.fields import Obj
from build_scripts.model import (
    GLOSSARY_FILE,
    PAGE,
    TAXONOMY_FILE,
    THESAURUS_FILE,
    Content,
    Entry,
    _load_mapping,
    _load_page,
    _rule_levels,
    current_date,
    load_content,
    page_files,
    translation_languages,
)
from build_scripts.review import content_hash
from build_scripts.rules import Subject, locate, run
from build_scripts.rules.registry import PAGES
from build_scripts.schema import ENTRY_TYPES, GLOSSARY, TAXONOMY, TAXONOMY_LISTS, THESAURUS, TRIAGE
from build_scripts.yaml_file import Document

# The shared files a translation gives the words of, with what each holds. The thesaurus is not
# one: a language's words that mean the same are its own (content/translations/<language>/thesaurus.yaml).
SHARED = {triage.FILE: TRIAGE, TAXONOMY_FILE: TAXONOMY, GLOSSARY_FILE: GLOSSARY}


@dataclass(frozen=True)
class State:
    """Where one page's translation stands."""

    key: str  # "causes/caffeine", "pages/about", "triage"
    state: str  # translation.CURRENT, STALE or MISSING
    path: str  # the translation's file, as messages name it
    english: str  # the English file
    made_from: str = ""  # the hash it was translated from
    english_hash: str = ""  # the English's hash now


@dataclass
class Language:
    """One language's content, and the state of each of its translations."""

    code: str
    content: Content
    states: dict[str, State] = field(default_factory=dict)

    def stale(self) -> list[State]:
        return [s for s in self.states.values() if s.state == translation.STALE]

    def missing(self) -> list[State]:
        return [s for s in self.states.values() if s.state == translation.MISSING]


languages = translation_languages


def load_all(root: Path, today: dt.date | None = None, strict: bool = False,
             jobs: int | None = None) -> tuple[Content, list[Language], list[Problem]]:
    """The English content (``root`` is content/) and every language's, with every problem in any
    of them. Translations are checked only against a sound English: with an error in the English,
    the languages are left out (its problems come first)."""
    english, problems = load_content(root, today=today, strict=strict, jobs=jobs)
    if any(p.severity == ERROR for p in problems):
        return english, [], problems
    found = [load_language(english, code, today=today, strict=strict) for code in languages(root)]
    return english, [language for language, _ in found], sorted(problems + [p for _, mine in found for p in mine])


def english_hashes(english: Content, shared: dict[str, Any]) -> dict[str, str]:
    """What each translatable English page says now, hashed as a sign-off hashes it
    (``review.content_hash``): entries, pages, and the shared files by name."""
    out = english.hashes()
    out.update({name.removesuffix(".yaml"): content_hash(data) for name, data in shared.items()})
    return out


def shared_data(english: Content) -> dict[str, Any]:
    """The English shared files' data that translations give words for, as each file holds it."""
    return {triage.FILE: english.triage.data, TAXONOMY_FILE: dict(english.taxonomy),
            GLOSSARY_FILE: {"terms": english.glossary}}


def load_language(english: Content, code: str, today: dt.date | None = None,
                  strict: bool = False) -> tuple[Language, list[Problem]]:
    """``code``'s content over ``english`` (loaded and checked), with every problem in its translations."""
    today = today or current_date()
    root = english.root  # content/
    folder = root / translation.DIR / code
    shown = f"{root.name}/{translation.DIR}/{code}"
    problems: list[Problem] = []
    levels = _rule_levels(root, [], strict)
    content = copy.copy(english)
    content.root = folder
    content.prefix = shown
    content.ctx = copy.deepcopy(english.ctx)
    content.entries = {}
    content.pages = {}
    content.page_fallback = {}
    content.translation = {}
    # A translation's clinical sign-off is recorded as its language and page: es/causes/caffeine.
    content.signoffs = {key.removeprefix(f"{code}/"): signed for key, signed in english.signoffs.items()
                        if key.startswith(f"{code}/")}
    content.english = english
    lang = Language(code, content)
    shared = shared_data(english)
    hashes = english_hashes(english, shared)

    def state(key: str, path: str, english_file: str, doc: Document | None) -> None:
        made_from = str(doc.data.get(translation.FROM, "")) if doc is not None and isinstance(doc.data, dict) else ""
        now = hashes.get(key, "")
        kind = translation.MISSING if doc is None else translation.CURRENT if made_from == now else translation.STALE
        lang.states[key] = State(key, kind, path, english_file, made_from, now)
        content.translation[key] = kind

    def translated(kind: str, english_data: Any, obj: Obj, path: Path, rel: str,
                   is_entry: bool) -> tuple[Any, Document | None]:
        """The merged data, and the translation's file (None if there is none yet)."""
        if not path.is_file():
            return copy.deepcopy(english_data), None
        doc = _load_mapping(path, rel, problems)
        if doc is None:
            return copy.deepcopy(english_data), None
        problems.extend(locate(doc, translation.translation_obj(obj).flaws(doc.data, (), content.ctx),
                               "value-kind", levels, strict))
        words_only = {k: v for k, v in doc.data.items() if k != translation.FROM}
        problems.extend(locate(doc, translation.gaps(obj, english_data, words_only), "translation-complete",
                               levels, strict))
        merged = translation.merge(obj, english_data, words_only)
        moved = translation.moved_addresses(obj, words_only)
        if moved:
            merged = translation.relink(merged, moved)
        # Where the merged data has the translation's shape (its text fields), the translation's lines.
        merged_doc = Document(rel, merged, dict(doc.lines), [], doc.text)
        problems.extend(run(Subject(kind, merged_doc, content.ctx, is_entry, content.hosts, today, language=code),
                            levels, strict))
        return merged, doc

    # The shared files first: the entries' care cards read the signs' words.
    for name, obj in SHARED.items():
        key = name.removesuffix(".yaml")
        merged, doc = translated(key, shared[name], obj, folder / name, f"{shown}/{name}", False)
        state(key, f"{shown}/{name}", f"{root.name}/{name}", doc)
        if name == triage.FILE:
            content.triage = triage.build(merged)
        elif name == TAXONOMY_FILE:
            content.taxonomy = {n: list(merged.get(n) or []) for n in TAXONOMY_LISTS}
            for n in TAXONOMY_LISTS:
                content.ctx.lists[n] = {str(i["id"]): str(i.get("label", i["id"])) for i in content.taxonomy[n]}
        else:
            content.glossary = list(merged.get("terms") or [])
    locale = _load_mapping(root / words.LOCALES_DIR / f"{code}.yaml", f"{root.name}/{words.LOCALES_DIR}/{code}.yaml",
                           problems)
    if locale is not None:
        problems.extend(run(Subject("locale", locale, content.ctx, language=code), levels, strict))
        content.words = locale.data
        ignored = words.ignored_by_search(locale.data)
        if ignored is not None:  # the thesaurus rule reads them
            content.ctx.lists["search-stop-words"] = ignored

    content.thesaurus = []
    if (folder / THESAURUS_FILE).is_file():
        doc = _load_mapping(folder / THESAURUS_FILE, f"{shown}/{THESAURUS_FILE}", problems)
        if doc is not None:
            problems.extend(locate(doc, THESAURUS.flaws(doc.data, (), content.ctx), "value-kind", levels, strict))
            problems.extend(run(Subject("thesaurus", doc, content.ctx, False, content.hosts, today, language=code),
                                levels, strict))
            content.thesaurus = [[str(t) for t in g["terms"]] for g in doc.data.get("groups") or []
                                 if isinstance(g, dict) and isinstance(g.get("terms"), list)]

    for etype in ENTRY_TYPES:
        content.entries[etype.name] = {}
        for entry_id, entry in english.entries[etype.name].items():
            key = f"{etype.folder}/{entry_id}"
            rel = f"{shown}/{etype.folder}/{entry_id}.yaml"
            merged, doc = translated(etype.name, entry.data, etype.obj, folder / etype.folder / f"{entry_id}.yaml",
                                     rel, True)
            state(key, rel, entry.path, doc)
            source = doc if doc is not None else entry.doc
            content.entries[etype.name][entry_id] = Entry(etype, entry_id, source.path,
                                                          Document(source.path, merged, {}, [], source.text))
        extra = folder / etype.folder
        for path in sorted(extra.glob("*.yaml")) if extra.is_dir() else ():
            if path.stem not in english.entries[etype.name]:
                problems.append(Problem(f"{shown}/{etype.folder}/{path.name}", 1, "", f"no English {etype.name} "
                                        f"'{path.stem}' (content/{etype.folder}/{path.name}): remove this translation, or "
                                        "rename it to the English file's name", rule="translation-shape"))

    for path, rel in page_files(root):
        key = rel.removeprefix(f"{root.name}/").removesuffix(".md")
        mine = folder / f"{key}.md"
        mine_rel = f"{shown}/{key}.md"
        if not mine.is_file():
            content.pages[key] = english.pages[key] if key in english.pages else (Document(rel, {}), 0)
            content.page_fallback[key] = path
            state(key, mine_rel, rel, None)
            continue
        page = _load_page(mine, mine_rel, problems)
        if page is None:
            continue
        doc, body_start = page
        problems.extend(locate(doc, translation.translation_obj(PAGE).flaws(
            {k: v for k, v in doc.data.items() if k in (translation.FROM, "title", "description", "also_called",
                                                       "search_terms")}, (), content.ctx), "value-kind", levels, strict))
        problems.extend(run(Subject(PAGES, doc, content.ctx, False, content.hosts, today, body_start, language=code),
                            levels, strict))
        content.pages[key] = doc, body_start
        state(key, mine_rel, rel, doc)
    return lang, sorted(problems)

