"""Synthetic content for the benchmark: a copy of this project with N valid entries.

The entries are copies of the real ones, so their lengths, sections and cross-links are
realistic. Copy k of ``caffeine`` is ``caffeine-k`` (copy 1 keeps the real id and file, so
the hand-written pages' links still resolve). Its references point into the same copy where
that copy exists, and to the real entry otherwise. Types keep today's mix of causes,
treatments and tests.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from build_scripts.fields import ListOf, Obj, Ref
from build_scripts.schema import ENTRY_TYPES, EntryType

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "overrides", "content")


def real_entries(root: Path = ROOT) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Today's entries: {type name: [(id, data), ...]}, sorted by id."""
    found = {}
    for etype in ENTRY_TYPES:
        paths = sorted((root / "content" / etype.folder).glob("*.yaml"))
        found[etype.name] = [(p.stem, yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
                             for p in paths]
    return found


def counts(n: int, real: dict[str, list[Any]]) -> dict[str, int]:
    """How many entries of each type make ``n`` in all, in today's proportions."""
    total = sum(len(v) for v in real.values())
    share = {name: n * len(entries) // total for name, entries in real.items()}
    share[ENTRY_TYPES[0].name] += n - sum(share.values())  # the remainder goes to causes
    return share


def copy_id(entry_id: str, k: int) -> str:
    return entry_id if k == 1 else f"{entry_id}-{k}"


def make_project(target: Path, n: int, root: Path = ROOT) -> dict[str, int]:
    """Write a project with ``n`` synthetic entries into ``target``; returns the count per type."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("*.pyc"))
        else:
            shutil.copy2(source, target / name)
    real = real_entries(root)
    wanted = counts(n, real)
    made: dict[str, set[str]] = {}
    plan: list[tuple[EntryType, str, int, dict[str, Any]]] = []
    for etype in ENTRY_TYPES:
        folder = target / "content" / etype.folder
        shutil.rmtree(folder)
        folder.mkdir()
        entries = real[etype.name]
        made[etype.name] = set()
        for i in range(wanted[etype.name]):
            k, (real_id, data) = i // len(entries) + 1, entries[i % len(entries)]
            new_id = copy_id(real_id, k)
            made[etype.name].add(new_id)
            plan.append((etype, new_id, k, data))
    for etype, new_id, k, data in plan:
        copy = _relink(etype.fields, data, k, made)
        if k > 1:
            copy["title"] = f"{data['title']} {k}"
        text = yaml.dump(copy, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)
        (target / "content" / etype.folder / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    return {name: len(ids) for name, ids in made.items()}


def _relink(fields: Any, data: dict[str, Any], k: int, made: dict[str, set[str]]) -> dict[str, Any]:
    """``data`` with every reference (a ``Ref`` field, found from the schema) moved to copy ``k``."""
    def walk(kind: Any, value: Any) -> Any:
        if isinstance(kind, Ref) and isinstance(value, str):
            moved = copy_id(value, k)
            return moved if moved in made[kind.target] else value
        if isinstance(kind, ListOf) and isinstance(value, list):
            return [walk(kind.item, v) for v in value]
        if isinstance(kind, Obj) and isinstance(value, dict):
            return _relink(kind.fields, value, k, made)
        return value

    by_name = {f.name: f for f in fields}
    return {key: walk(by_name[key].kind, value) if key in by_name else value for key, value in data.items()}
