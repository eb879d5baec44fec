"""Annotated YAML for an entry type, from its definition in ``schema.py``.

``python -m build_scripts new cause "Vitamin D deficiency"`` writes a new entry
to fill in: the title and review dates are set, and every value the contributor
writes is the placeholder ``TODO``, which the validator explains until it is
replaced. ``python -m build_scripts template cause`` prints the same layout
filled with the examples: the annotated templates in CONTRIBUTING.md.

Above each field a comment says whether it is required, what it holds, its
allowed values (from the content's taxonomy and publishers, when given) and an
example.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from build_scripts.fields import ID_PATTERN, PLACEHOLDER, Context, Field, ListOf, Markdown, Obj, is_placeholder
from build_scripts.schema import REVIEW_CYCLE_YEARS, EntryType
from build_scripts.model import current_date, load_content
from build_scripts.rules.review_dates import add_years

WIDTH = 100
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{name}.schema.json"
NEW_HEADER = """\
# A new {name}. Replace every {placeholder}, then run `make check` until it reports no errors.
# Above each field, a note says whether it is required, what to write, and gives an example.
# You may delete the notes (the lines starting with '#'), but keep the first line.
"""
MARKDOWN_HINT = "Write it on the lines below the '|', indented by 2 spaces."


def kebab(title: str) -> str:
    """The id a title gets: 'Vitamin D deficiency' -> 'vitamin-d-deficiency'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def template(etype: EntryType, ctx: Context | None = None) -> str:
    """A complete example entry with every field annotated (the copy in CONTRIBUTING.md).

    Without ``ctx``, controlled values are described by where they are listed rather than listed.
    """
    values = {f.name: _example(f, etype.examples) for f in etype.fields if f.required or isinstance(f.kind, ListOf)}
    return _document(etype, ctx or Context(), values, etype.examples, header="")


def scaffold(etype: EntryType, ctx: Context, entry_id: str, title: str, today: dt.date) -> str:
    """A new entry to fill in: title and review dates set, ``TODO`` wherever the contributor writes."""
    values = {f.name: _blank(f) for f in etype.fields if _included(f, in_choice=False)}
    values |= {"title": title, "last_reviewed": today, "next_review_due": add_years(today, REVIEW_CYCLE_YEARS)}
    header = NEW_HEADER.format(name=etype.name, placeholder=PLACEHOLDER)
    return _document(etype, ctx, values, {**etype.examples, "id": entry_id}, header)


def _document(etype: EntryType, ctx: Context, values: dict[str, Any], examples: dict[str, Any], header: str) -> str:
    lines = [SCHEMA_LINE.format(name=etype.name), *header.splitlines()]
    lines += _fields(etype.fields, values, ctx, 0, examples)
    return "\n".join(lines) + "\n"


def _example(f: Field, examples: dict[str, Any]) -> Any:
    """A field's example: this type's own, the field's, or one built from the examples of its fields."""
    if f.name in examples:
        return examples[f.name]
    if f.example is None and isinstance(f.kind, Obj):
        return {sub.name: _example(sub, {}) for sub in f.kind.fields if sub.example is not None}
    return f.example


def _included(f: Field, in_choice: bool) -> bool:
    """Whether a new entry has the field: required ones, lists (empty if optional) and the levels of a choice."""
    return f.required or in_choice or (isinstance(f.kind, ListOf) and not f.kind.min_items)


def _blank(f: Field) -> Any:
    """The value a new entry starts with: placeholders to replace, or an empty optional list."""
    kind = f.kind
    if isinstance(kind, Markdown):
        return PLACEHOLDER + "\n"
    if isinstance(kind, Obj):
        return {sub.name: _blank(sub) for sub in kind.fields if _included(sub, in_choice=bool(kind.min_fields))}
    if isinstance(kind, ListOf):
        if not f.required and not kind.min_items:
            return []
        return [_blank(Field("", kind.item)) for _ in range(max(kind.min_items, 1))]
    return PLACEHOLDER


def _fields(fields: Sequence[Field], values: dict[str, Any], ctx: Context, indent: int,
            examples: dict[str, Any]) -> list[str]:
    """Each field's note, then the field (commented out when it is optional and not in ``values``)."""
    pad = " " * indent
    lines: list[str] = []
    for f in fields:
        if not indent:
            lines.append("")
        example = _example(f, examples)
        value = values.get(f.name)
        nested = isinstance(f.kind, Obj) and isinstance(value, dict)  # its fields show their own examples
        lines += _note(f, ctx, pad, example if f.name in values and _unfilled(value) and not nested else None)
        if f.name not in values:
            lines += [f"{pad}# {line}" for line in _yaml(f.name, example, 0)]
        elif nested:
            lines.append(f"{pad}{f.name}:")
            lines += _fields(f.kind.fields, value, ctx, indent + 2, example if isinstance(example, dict) else {})
        else:
            lines += _yaml(f.name, value, indent)
    return lines


def _unfilled(value: Any) -> bool:
    """True for a value the contributor still has to write, so its note shows an example."""
    if isinstance(value, dict):
        return any(_unfilled(v) for v in value.values())
    if isinstance(value, list):
        return not value or any(_unfilled(v) for v in value)
    return is_placeholder(value)


def _note(f: Field, ctx: Context, pad: str, example: Any) -> list[str]:
    """The comment above a field: required or optional, its help, its allowed values, and an example."""
    status = "Required." if f.required else "Optional."
    parts = [status] if not f.help.startswith(status) else []
    text = " ".join([*parts, f.help, _sentence(f.kind.describe(ctx))])
    if isinstance(f.kind, Markdown) and example is not None:
        text += " " + MARKDOWN_HINT
    lines = _wrap(text, f"{pad}# ")
    item = f.kind.item if isinstance(f.kind, ListOf) else None
    if isinstance(item, Obj):  # a list of sets of fields: say what each field of an item holds
        for sub in item.fields:
            sub_text = f"{sub.name} ({'required' if sub.required else 'optional'}): {sub.help} "
            lines += _wrap(sub_text + _sentence(sub.kind.describe(ctx)), f"{pad}#   ", f"{pad}#     ")
    if example is not None:
        shown = _yaml(f.name, example, 0)
        if len(shown) == 1:
            lines.append(f"{pad}# Example: {shown[0].split(': ', 1)[1]}")
        else:
            lines += [f"{pad}# Example:"] + [f"{pad}#   {line}" for line in shown]
    return lines


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest or first,
                         break_long_words=False, break_on_hyphens=False)


def _yaml(name: str, value: Any, indent: int) -> list[str]:
    """``name: value`` as the entries write it: short lists of words on one line, Markdown as a ``|`` block."""
    pad = " " * indent
    if isinstance(value, dict):
        return [f"{pad}{name}:"] + [line for key, item in value.items() for line in _yaml(key, item, indent + 2)]
    if isinstance(value, list):
        flow = "[" + ", ".join(_scalar(item, flow=True) for item in value) + "]"
        if all(isinstance(item, str) and not is_placeholder(item) for item in value) and len(flow) <= 60:
            return [f"{pad}{name}: {flow}"]
        lines = [f"{pad}{name}:"]
        for item in value:
            item_lines = _yaml("", item, 0)[1:] if isinstance(item, dict) else [_scalar(item)]
            lines.append(f"{pad}  - {item_lines[0].strip()}")
            lines += [f"{pad}  {line}" for line in item_lines[1:]]
        return lines
    if isinstance(value, str) and value.endswith("\n"):
        return [f"{pad}{name}: |"] + [f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n")]
    return [f"{pad}{name}: {_scalar(value)}"]


def _scalar(value: Any, flow: bool = False) -> str:
    """One value in YAML, quoted only when it must be (dates stay dates)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if flow:
        return yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10**6).strip()[1:-1]
    return yaml.safe_dump(value, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()


def new_entry(root: Path, etype: EntryType, title: str, entry_id: str | None = None) -> int:
    """Write ``content/<folder>/<id>.yaml`` for a new entry, ready to fill in; refuse an id that exists."""
    title = " ".join(title.split())
    title_field = next(f for f in etype.fields if f.name == "title")
    content_dir = root / "content"
    entry_id = entry_id or kebab(title)
    refusal = next((f"title: {flaw.message}" for flaw in title_field.kind.flaws(title, (), Context())), None)
    if refusal is None and not re.fullmatch(ID_PATTERN, entry_id):
        refusal = f"'{entry_id}' cannot be a file name: use lower-case letters, digits and single hyphens " \
                  "(give one with --id)"
    if refusal is None and not content_dir.is_dir():
        refusal = f"there is no content/ folder in {root}; run this in the project's folder"
    if refusal is not None:
        print(f"error: {refusal}", file=sys.stderr)
        return 1
    rel = f"content/{etype.folder}/{entry_id}.yaml"
    content, _ = load_content(content_dir)
    text = scaffold(etype, content.ctx, entry_id, title, current_date())
    path = content_dir / etype.folder / f"{entry_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        print(f"error: {rel} already exists: edit that file, or choose another title or --id", file=sys.stderr)
        return 1
    print(f"Wrote {rel}.", file=sys.stderr)
    print(f"Next: replace every {PLACEHOLDER} in it, then run `make check` until it reports no errors. "
          "CONTRIBUTING.md has the writing guide.", file=sys.stderr)
    return 0
