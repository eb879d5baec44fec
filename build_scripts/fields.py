"""Field kinds: each knows how to check a value, describe itself and emit JSON Schema.

An entry type (see ``schema.py``) is a list of ``Field``s built from these kinds,
so the validator, the JSON Schema and the annotated template all come from one
definition.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

from build_scripts.errors import Flaw, Loc
from build_scripts.safety import unsafe

# What a check yields: (location, message) pairs, or Flaws where the rule differs from the kind's own.
Found = Iterator["tuple[Loc, str] | Flaw"]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PLACEHOLDER = "TODO"  # what ``python -m build_scripts new`` writes where the contributor must fill in a value


@dataclass
class Context:
    """What a value may refer to: entry ids per type and the controlled lists."""

    ids: dict[str, list[str]] = field(default_factory=dict)
    lists: dict[str, dict[str, str]] = field(default_factory=dict)
    _id_sets: dict[str, tuple[list[str], frozenset[str]]] = field(default_factory=dict, repr=False)

    def has_id(self, target: str, value: str) -> bool:
        """Whether ``value`` is a known id of ``target``: a set lookup, so checking the references
        of N entries costs O(N), not O(N^2). The set is made again when ``ids[target]`` is given a
        new list (the cache holds the list itself, so it is never mistaken for a later one)."""
        ids = self.ids.get(target, [])
        cached = self._id_sets.get(target)
        if cached is None or cached[0] is not ids:
            cached = self._id_sets[target] = (ids, frozenset(ids))
        return value in cached[1]


def suggest(value: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` when a close choice exists, else ``""``."""
    lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(lower), n=1, cutoff=0.6)
    if not close:  # 'NHS England' -> 'NHS', 'MedlinePlus' -> 'MedlinePlus (US National Library of Medicine)'
        close = [c for c in lower if len(c) >= 3 and (value.lower().startswith(c) or c.startswith(value.lower()))]
    return f" (did you mean '{lower[close[0]]}'?)" if close else ""


SMALL_LIST = 8  # a closed list this short is named in full: a near miss could mean the opposite


def closest(value: str, choices: Sequence[str], n: int = 3) -> list[str]:
    """Up to ``n`` choices that look like ``value``, closest first."""
    lower = {choice.lower(): choice for choice in choices}
    return [lower[c] for c in difflib.get_close_matches(value.lower(), list(lower), n=n, cutoff=0.6)]


def type_name(value: Any) -> str:
    """A contributor-friendly name for a YAML value's type."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true/false (put it in quotes if you meant text)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def is_placeholder(value: Any) -> bool:
    """True for a value the scaffold left for the contributor to fill in."""
    return isinstance(value, str) and value.strip() == PLACEHOLDER


def check_value(kind: Kind, value: Any, loc: Loc, ctx: Context) -> Iterator[Flaw]:
    """``kind.flaws``, except that a placeholder gets one message saying what to write instead."""
    if is_placeholder(value):
        yield Flaw(loc, f"replace the placeholder {PLACEHOLDER} with {kind.describe(ctx)}", "placeholder")
    else:
        yield from kind.flaws(value, loc, ctx)


class Kind:
    """Base class: a kind of value a field can hold.

    ``rule`` is the id (see build_scripts/rules) of what this kind checks, so that a contributor
    sees which rule a message comes from and a maintainer can set its severity.
    """

    rule: ClassVar[str] = "value-kind"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        raise NotImplementedError

    def flaws(self, value: Any, loc: Loc, ctx: Context) -> Iterator[Flaw]:
        """``check``, with each finding named by its rule."""
        for found in self.check(value, loc, ctx):
            yield found if isinstance(found, Flaw) else Flaw(*found, rule=self.rule)

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        raise NotImplementedError

    def describe(self, ctx: Context) -> str:
        raise NotImplementedError


@dataclass
class Text(Kind):
    """One line of plain text (inline Markdown allowed)."""

    max_length: int = 120
    rule: ClassVar[str] = "text-shape"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, str):
            yield Flaw(loc, f"expected text, got {type_name(value)}", "value-kind")
        elif (problem := self.problem(value)) is not None:
            yield loc, problem
        elif (danger := unsafe(value)) is not None:
            yield Flaw(loc, danger, "safe-markup")

    def problem(self, value: str) -> str | None:
        """The first rule of shape ``value`` breaks, or None."""
        if not value.strip():
            return "must not be empty"
        if len(value) > self.max_length:
            return f"is {len(value)} characters long; keep it under {self.max_length}"
        return self.shape(value)

    def shape(self, value: str) -> str | None:
        return "must be a single line" if "\n" in value.strip() else None

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": r"^[^\n]*\S[^\n]*\n?$"}

    def describe(self, ctx: Context) -> str:
        return f"one line of text, up to {self.max_length} characters"


@dataclass
class Markdown(Text):
    """Paragraphs and lists in Markdown (no headings, no raw HTML)."""

    max_length: int = 3000

    def shape(self, value: str) -> str | None:
        return "must not contain headings ('#'); the page adds them" if re.search(r"^\s*#", value, re.M) else None

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}

    def describe(self, ctx: Context) -> str:
        return "Markdown: short paragraphs or a '- ' list; no headings, no HTML"


@dataclass
class Choice(Kind):
    """One value from a fixed list or from a controlled list (``content/taxonomy.yaml`` by default)."""

    values: tuple[str, ...] = ()
    controlled: str = ""
    controlled_in: str = "content/taxonomy.yaml"
    shown: str | None = None  # the list's name in messages (default: ``controlled``; "" for none)

    rule: ClassVar[str] = "allowed-value"

    def allowed(self, ctx: Context) -> list[str]:
        return list(self.values) if self.values else list(ctx.lists.get(self.controlled, {}))

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        allowed = self.allowed(ctx)
        if not isinstance(value, str):
            yield Flaw(loc, f"expected one of: {', '.join(allowed)}; got {type_name(value)}", "value-kind")
        elif value not in allowed:
            # A short list is named in full: 'uncommon' is nearest to 'common', its opposite.
            listed = f" (allowed: {', '.join(allowed)})"
            hint = listed if len(allowed) <= SMALL_LIST else suggest(value, allowed) or listed
            name = self.controlled if self.shown is None else self.shown
            where = f" in {self.controlled_in}" + (f" '{name}'" if name else "") if self.controlled else ""
            yield loc, f"'{value}' is not an allowed value{where}{hint}"

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string", "enum": self.allowed(ctx)}

    def describe(self, ctx: Context) -> str:
        """The allowed values; for a controlled list that ``ctx`` does not hold, where to find them."""
        allowed = self.allowed(ctx)
        if allowed:
            return "one of: " + ", ".join(allowed)
        return f"one of the {self.shown or self.controlled} listed in {self.controlled_in}"


@dataclass
class Ref(Kind):
    """The id (file name without .yaml) of another entry.

    ``backlink`` names the list of links the target's page gets back: a cause's
    ``treatments`` give each treatment page its ``causes``. A backlink with the field's own name,
    on the field's own type, makes the link go both ways (``related``).
    """

    target: str = ""
    backlink: str = ""
    rule: ClassVar[str] = "ref-exists"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        known = ctx.ids.get(self.target, [])
        if not isinstance(value, str):
            yield Flaw(loc, f"expected the id of a {self.target}, got {type_name(value)}", "value-kind")
        elif not ctx.has_id(self.target, value):
            near = closest(value, known)
            hint = (f" (known: {', '.join(known)})" if 0 < len(known) <= SMALL_LIST
                    else f" (closest: {', '.join(near)})" if near else "")
            yield loc, (f"unknown {self.target} '{value}'{hint}; to add a new one, run "
                        f"make new TYPE={self.target} TITLE=\"Its name\"")

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        # No enum of today's ids: the committed schemas then stay the same when an entry is
        # added, so a contributor using only GitHub's web editor never has to regenerate them.
        return {"type": "string", "pattern": ID_PATTERN,
                "description": f"the id of a {self.target} (its file name without .yaml)"}

    def describe(self, ctx: Context) -> str:
        return f"the id of a {self.target} (its file name without .yaml)"


@dataclass
class Id(Kind):
    """A short kebab-case name: lower-case letters, digits and hyphens."""

    rule: ClassVar[str] = "id-format"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, str) or not re.fullmatch(ID_PATTERN, value):
            yield loc, f"{value!r} must be kebab-case: lower-case letters, digits and single hyphens"

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN}

    def describe(self, ctx: Context) -> str:
        return "kebab-case, like 'calf-and-foot'"


@dataclass
class Date(Kind):
    """A date written YYYY-MM-DD."""

    rule: ClassVar[str] = "date-format"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if isinstance(value, dt.date):
            return
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            yield loc, f"'{value}' is not a real date"
        else:
            yield loc, f"expected a date written YYYY-MM-DD, got {value!r}"

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

    def describe(self, ctx: Context) -> str:
        return "a date, YYYY-MM-DD"


@dataclass
class Url(Kind):
    """An https:// web address."""

    rule: ClassVar[str] = "url-format"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, str):
            yield Flaw(loc, f"expected a web address, got {type_name(value)}", "value-kind")
            return
        parts = urlsplit(value)
        if parts.scheme != "https":
            yield loc, f"'{value}' must start with https://"
        elif not parts.hostname or "." not in parts.hostname or re.search(r"\s", value):
            yield loc, f"'{value}' is not a valid web address"

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": r"^https://[^\s/]+\.[^\s/]+(/\S*)?$"}

    def describe(self, ctx: Context) -> str:
        return "a web address starting with https://"


@dataclass
class ListOf(Kind):
    """A list of values of one kind."""

    item: Kind = field(default_factory=Text)
    min_items: int = 0
    max_items: int = 50
    unique: bool = True
    rule: ClassVar[str] = "list-size"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, list):
            yield Flaw(loc, f"expected a list (lines starting with '- '), got {type_name(value)}", "value-kind")
            return
        if len(value) < self.min_items:
            yield loc, f"needs at least {self.min_items} item{'s' * (self.min_items != 1)}, has {len(value)}"
        if len(value) > self.max_items:
            yield loc, f"has {len(value)} items; the most allowed is {self.max_items}"
        seen: dict[str, int] = {}
        for index, item in enumerate(value):
            yield from check_value(self.item, item, loc + (index,), ctx)
            key = _identity(item)
            if self.unique and key is not None:
                if key in seen:
                    yield Flaw(loc + (index,), f"'{key}' is listed twice (also item {seen[key] + 1})", "no-duplicates")
                seen.setdefault(key, index)

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json_schema(ctx), "maxItems": self.max_items}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return out

    def describe(self, ctx: Context) -> str:
        size = f"{self.min_items} to {self.max_items}" if self.min_items else f"up to {self.max_items}"
        return f"a list of {size} items, each {self.item.describe(ctx)}"


def _identity(item: Any) -> str | None:
    if isinstance(item, str) and not is_placeholder(item):
        return item.strip().lower()
    if isinstance(item, dict):
        for key in ("id", "url", "term", "sign", "page"):
            if isinstance(item.get(key), str) and not is_placeholder(item[key]):
                return item[key].strip().lower()
    return None


@dataclass
class Flag(Kind):
    """true or false."""

    rule: ClassVar[str] = "value-kind"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, bool):
            yield Flaw(loc, f"expected true or false, got {type_name(value)}", "value-kind")

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "boolean"}

    def describe(self, ctx: Context) -> str:
        return "true or false"


@dataclass
class MapOf(Kind):
    """Named values of one kind: ``key: value`` lines, each key kebab-case (``nhs-tetanus: {...}``)."""

    item: Kind = field(default_factory=Text)
    min_items: int = 0
    rule: ClassVar[str] = "list-size"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, Mapping):
            yield Flaw(loc, f"expected a set of named values (lines like 'some-name: ...'), got {type_name(value)}",
                       "value-kind")
            return
        if len(value) < self.min_items:
            yield loc, f"needs at least {self.min_items} item{'s' * (self.min_items != 1)}, has {len(value)}"
        for key, item in value.items():
            if not isinstance(key, str) or not re.fullmatch(ID_PATTERN, key):
                yield Flaw(loc + (key,), f"{key!r} must be kebab-case: lower-case letters, digits and single hyphens",
                           "id-format")
            yield from check_value(self.item, item, loc + (key,), ctx)

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                               "additionalProperties": self.item.json_schema(ctx)}
        if self.min_items:
            out["minProperties"] = self.min_items
        return out

    def describe(self, ctx: Context) -> str:
        return f"named items (kebab-case names), each {self.item.describe(ctx)}"


SIGNS_FILE = "content/triage.yaml"


@dataclass
class SignRef(Kind):
    """A warning sign on an entry's care card: the id of a sign in content/triage.yaml, placed at
    that sign's own level, or ``{sign: id, says: ...}`` to word it for this entry."""

    level: str = ""
    says: Kind = field(default_factory=lambda: Text(200))
    rule: ClassVar[str] = "sign-ref"

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        sign = value
        if isinstance(value, Mapping):
            for key in value:
                if key not in ("sign", "says"):
                    yield Flaw(loc + (key,), f"unknown field; allowed: sign, says", "field-known")
            if "says" in value:
                yield from check_value(self.says, value["says"], loc + ("says",), ctx)
            if "sign" not in value:
                yield Flaw(loc + ("sign",), "missing required field", "field-required")
                return
            sign, loc = value["sign"], loc + ("sign",)
        levels = ctx.lists.get("signs", {})
        if not isinstance(sign, str):
            yield Flaw(loc, f"expected the id of a warning sign in {SIGNS_FILE}, got {type_name(sign)}", "value-kind")
        elif sign not in levels:
            hint = suggest(sign, list(levels))
            yield loc, (f"unknown sign '{sign}'{hint}: care cards name signs from {SIGNS_FILE}; "
                        "add a new sign there first, with the source that sets its level")
        elif levels[sign] and levels[sign] != self.level:
            yield loc, (f"'{sign}' has level '{levels[sign]}' in {SIGNS_FILE}: list it under care.{levels[sign]} "
                        f"(a sign's level is set once, by its sources)")

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        ref = {"type": "string", "pattern": ID_PATTERN}
        return {"oneOf": [ref, {"type": "object", "additionalProperties": False, "required": ["sign"],
                                "properties": {"sign": ref, "says": self.says.json_schema(ctx)}}],
                "description": f"the id of a sign at level '{self.level}' in {SIGNS_FILE}"}

    def describe(self, ctx: Context) -> str:
        levels = ctx.lists.get("signs", {})
        mine = [sign for sign, level in levels.items() if level == self.level]
        listed = f" ({', '.join(mine)})" if mine else ""
        article = "an" if self.level[:1] in "aeiou" else "a"
        return (f"the id of {article} {self.level} sign from {SIGNS_FILE}{listed}; or 'sign: id' with 'says: ...' "
                "to word it for this entry")


@dataclass
class Field:
    """A named field of an entry or of a nested object."""

    name: str
    kind: Kind
    required: bool = True
    help: str = ""
    example: Any = None
    section: bool = False  # a Markdown section of the page, under a heading from the locale
    why: str = ""  # why it is required, where that is not obvious: said when it is missing
    # Whether a translation gives this field's words (build_scripts/translation.py): "required"
    # (wherever the English has them), "optional" (search phrases, which a language finds its own
    # way; sources, cited in English when the publisher has no page in the language) or "no"
    # (words for reviewers, and names of people).
    translate: str = "required"


@dataclass
class Obj(Kind):
    """A set of named fields."""

    fields: Sequence[Field] = ()
    min_fields: int = 0
    open: bool = False  # other keys are allowed (and left alone)
    rule: ClassVar[str] = "value-kind"

    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def check(self, value: Any, loc: Loc, ctx: Context) -> Found:
        if not isinstance(value, Mapping):
            yield Flaw(loc, f"expected a set of fields ({', '.join(self.names())}), got {type_name(value)}", "value-kind")
            return
        known = {f.name: f for f in self.fields}
        for key in value if not self.open else ():
            if key not in known:
                hint = suggest(str(key), list(known)) or "; allowed: " + ", ".join(known)
                yield Flaw(loc + (key,), f"unknown field{hint}", "field-known")
        for f in self.fields:
            if f.name in value:
                yield from check_value(f.kind, value[f.name], loc + (f.name,), ctx)
            elif f.required:
                yield Flaw(loc + (f.name,), "missing required field" + (f": {f.why}" if f.why else ""), "field-required")
        present = [f for f in self.fields if f.name in value]
        if self.min_fields and len(present) < self.min_fields:
            yield Flaw(loc, f"needs at least one of: {', '.join(self.names())}", "field-required")

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "additionalProperties": self.open,
            "properties": {f.name: {"description": f.help, **f.kind.json_schema(ctx)} for f in self.fields},
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        if self.min_fields:
            out["minProperties"] = self.min_fields
        return out

    def describe(self, ctx: Context) -> str:
        return f"a set of fields ({', '.join(self.names())})"


def references(kind: Kind, value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str, str]]:
    """Every entry reference in ``value`` as ``(location, target type, id)``, found through its kind."""
    if isinstance(kind, Ref) and isinstance(value, str):
        yield loc, kind.target, value
    elif isinstance(kind, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from references(kind.item, item, loc + (index,))
    elif isinstance(kind, MapOf) and isinstance(value, Mapping):
        for key, item in value.items():
            yield from references(kind.item, item, loc + (key,))
    elif isinstance(kind, Obj) and isinstance(value, Mapping):
        for f in kind.fields:
            if f.name in value:
                yield from references(f.kind, value[f.name], loc + (f.name,))
