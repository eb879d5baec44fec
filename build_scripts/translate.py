"""Start, finish and list translations.

``python -m build_scripts translate es causes/caffeine`` writes
``content/translations/es/causes/caffeine.yaml``: the English entry's words, for the translator
to replace, and the hash of the English they come from. A hand-written page is copied whole
(``pages/about``); the shared files are ``triage``, ``taxonomy`` and ``glossary``.
``--done`` records that a stale translation now matches the current English (after updating its
words); ``--missing`` starts every translation the language does not have yet.
``python -m build_scripts report --translations`` lists missing and stale translations, with
what changed in the English (from git).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from build_scripts import translation
from build_scripts.errors import report
from build_scripts.language import SHARED, load_all, load_language, shared_data
from build_scripts.model import FRONT_MATTER, Content, load_content
from build_scripts.schema import ENTRY_TYPES
from build_scripts.write import write_if_changed

HEADER = """\
# {language} translation of {english}. Replace the English words below with {language}
# words; keep every key as it is (ids, links and levels come from the English file).
# Leave '{key}' alone: it records which version of the English this was made from.
"""
EXTRAS = """\
# Optional: 'search_terms' (words and misspellings readers of this language type; never shown),
# and 'sources' keyed by the English source's url, to cite the publisher's own page in this
# language: sources: {"https://medlineplus.gov/ency/article/003296.htm": {title: ..., url: ...}}.
# A source left out is shown as the English page, marked as in English.
"""
NAMES = {"es": "Spanish"}


class _Dumper(yaml.SafeDumper):
    """Text over several lines as a '|' block, as contributors write entries."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _text)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def start(english: Content, code: str, key: str, hashes: dict[str, str]) -> tuple[Path, str] | str:
    """The path and text of a new translation of ``key``, or why there is none."""
    root = english.root
    folder = root / translation.DIR / code
    language = NAMES.get(code, code)
    if key in english.pages:
        doc, body_start = english.pages[key]
        front = FRONT_MATTER.match(doc.text)
        head = front.group(1) if front else ""
        return folder / f"{key}.md", f"---\n{translation.FROM}: {hashes[key]}\n{head}---\n{doc.text[body_start:]}"
    shared = {name.removesuffix(".yaml"): (name, obj) for name, obj in SHARED.items()}
    if key in shared:
        name, obj = shared[key]
        words = translation.words_of(obj, shared_data(english)[name], optional=False) or {}
        english_file = f"{root.name}/{name}"
        target = folder / name
    else:
        folder_name, _, entry_id = key.partition("/")
        etype = next((t for t in ENTRY_TYPES if t.folder == folder_name), None)
        entry = english.entries.get(etype.name, {}).get(entry_id) if etype else None
        if entry is None:
            return (f"nothing to translate at '{key}': give an entry as causes/caffeine, a page as pages/about, "
                    f"or a shared file ({', '.join(shared)})")
        words = translation.words_of(etype.obj, entry.data, optional=False) or {}
        english_file = entry.path
        target = folder / etype.folder / f"{entry_id}.yaml"
    header = HEADER.format(language=language, english=english_file, key=translation.FROM) + EXTRAS
    return target, header + dump({translation.FROM: hashes[key], **words})


def done(path: Path, new_hash: str) -> bool:
    """Record in a translation's file that it now matches the English of ``new_hash``."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{translation.FROM}:"):
            lines[i] = f"{translation.FROM}: {new_hash}"
            path.write_text("\n".join(lines), encoding="utf-8")
            return True
    return False


def command(root: Path, code: str, keys: list[str], finish: bool = False, missing: bool = False) -> int:
    english, problems = load_content(root / "content")
    if report(problems):
        print("Fix the problems above first.", file=sys.stderr)
        return 1
    lang, _ = load_language(english, code)
    if missing:
        keys = [s.key for s in lang.missing()]
    if not keys:
        print("Nothing to do: give a page to translate (such as causes/caffeine), or --missing.", file=sys.stderr)
        return 1
    status = 0
    for key in keys:
        key = key.strip("/").removesuffix(".yaml").removesuffix(".md").removeprefix("content/")
        state = lang.states.get(key)
        if state is None:
            print(f"error: nothing to translate at '{key}'", file=sys.stderr)
            status = 1
            continue
        path = root / state.path
        if finish:
            if state.state == translation.MISSING:
                print(f"error: {state.path} does not exist yet: start it without --done", file=sys.stderr)
                status = 1
            elif done(path, state.english_hash):
                print(f"{state.path}: now made from {state.english_hash}", file=sys.stderr)
            else:
                print(f"error: {state.path} has no '{translation.FROM}:' line", file=sys.stderr)
                status = 1
            continue
        if state.state != translation.MISSING:
            print(f"error: {state.path} exists already; after updating it, run with --done", file=sys.stderr)
            status = 1
            continue
        made = start(english, code, key, {s.key: s.english_hash for s in lang.states.values()})
        if isinstance(made, str):
            print(f"error: {made}", file=sys.stderr)
            status = 1
            continue
        target, text = made
        write_if_changed(target, text)
        print(f"wrote {target.relative_to(root).as_posix()}", file=sys.stderr)
    return status


def report_translations(root: Path, since: str | None = None) -> int:
    """List each language's missing and stale translations, with what changed in the English.

    ``since`` (a git revision, such as the branch a pull request goes into): only the stale
    translations whose English file changed since then, that is, those this change makes stale.
    """
    _, others, problems = load_all(root / "content")
    if report(problems):
        return 1
    changed = None
    if since:
        diff = subprocess.run(["git", "diff", "--name-only", f"{since}...HEAD"], cwd=root, capture_output=True, text=True)
        if diff.returncode != 0:
            print(f"error: git cannot compare with '{since}': {diff.stderr.strip()}", file=sys.stderr)
            return 1
        changed = set(diff.stdout.split())
    for lang in others:
        code = lang.code
        stale = [s for s in lang.stale() if changed is None or s.english in changed]
        if changed is not None:
            print(f"{NAMES.get(code, code)} ({code}): this change makes {len(stale)} translation(s) stale")
        else:
            print(f"{NAMES.get(code, code)} ({code}): {len(lang.states)} pages, {len(stale)} stale, "
                  f"{len(lang.missing())} missing")
            for state in sorted(lang.missing(), key=lambda s: s.key):
                print(f"  missing  {state.key}  (start it: python -m build_scripts translate {code} {state.key})")
        for state in sorted(stale, key=lambda s: s.key):
            print(f"  stale    {state.key}  {state.path}: the English ({state.english}) has changed since")
            print(_indent(changes(root, state)))
    return 0


def changes(root: Path, state: Any) -> str:
    """What changed in the English since the translation was made: a diff of the English file
    between the last commit whose version had the translation's hash and now (from git)."""
    project = root
    log = subprocess.run(["git", "log", "--format=%H", "--", state.english], cwd=project, capture_output=True, text=True)
    if log.returncode != 0:
        return "(no git history here to show what changed)"
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:{state.english}"], cwd=project, capture_output=True, text=True)
        if shown.returncode == 0 and _hash_of(state.english, shown.stdout) == state.made_from:
            diff = subprocess.run(["git", "diff", "--no-color", commit, "--", state.english], cwd=project,
                                  capture_output=True, text=True)
            return diff.stdout.strip() or "(the change is not committed yet)"
    return "(no committed version of the English matches the hash it was made from)"


def _hash_of(path: str, text: str) -> str:
    from build_scripts.model import front_matter
    from build_scripts.review import content_hash

    if path.endswith(".md"):
        found = front_matter(text, path)
        return content_hash(found[0].data, text[found[1]:]) if found else ""
    return content_hash(yaml.safe_load(text))  # an entry, or a shared file (language.english_hashes)


def _indent(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.splitlines())
