"""Translations: another language's words laid over the English content's structure.

A translation holds only words. ``content/translations/<language>/causes/caffeine.yaml`` has the
entry's text fields (title, names, summary, sections, the notes beside its links, what its own
care cards say), keyed by the English entry's ids where the English is a list; ids, links, body
areas, levels and sources' addresses come from the English entry, so the structure cannot drift.
What a translation may hold is worked out from the entry type's fields (``words_kind``), so a new
field or type needs nothing here.

Each translation records ``translated_from``: the hash of the English it was made from (the same
hash a clinical sign-off records, ``review.content_hash``). When the English changes, the hash no
longer matches and the translation is stale: its page stays published with a notice that links
to the current English page, and ``report --translations`` lists it with what changed.
"""
from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from build_scripts.errors import Flaw, Loc
from build_scripts.fields import Field, Id, Kind, ListOf, Markdown, MapOf, Obj, Ref, SignRef, Text, Url

from build_scripts.model import TRANSLATIONS_DIR as DIR  # content/translations/<language>/ mirrors content/
FROM = "translated_from"
FROM_FIELD = Field(FROM, Text(80), help="The hash of the English this translation was made from. "
                   "`python -m build_scripts translate <language> <page> --done` writes it; do not edit it.",
                   example="sha256:0123456789abcdef")
# A translation's state, as the report and the page notice say it.
CURRENT, STALE, MISSING = "current", "stale", "missing"
# A text this long left as the English is untranslated; a shorter one may be a name ("EMG").
UNTRANSLATED_WORDS = 4
LANGUAGE_KEY = "language"  # set on an English source that a translated page still cites in English


@dataclass
class Keyed(Kind):
    """A list of objects in the English, translated as a map from each item's key to its words:
    ``treatments: {cutting-down-caffeine: {note: ...}}``. Sources (keyed by their address) may
    also give the address of the publisher's own page in this language."""

    words: Obj = field(default_factory=Obj)
    key: str = "id"
    by_address: bool = False  # keyed by a web address (sources): optional, cited in English if left out

    def check(self, value: Any, loc: Loc, ctx: Any) -> Any:
        # The keys are the English list's (ids, or addresses): gaps() checks them against it.
        if not isinstance(value, Mapping):
            yield Flaw(loc, f"expected a set of fields keyed by the English list's {self.key}s", "value-kind")
            return
        for key, item in value.items():
            yield from self.words.flaws(item, loc + (key,), ctx)

    def json_schema(self, ctx: Any) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.words.json_schema(ctx)}

    def describe(self, ctx: Any) -> str:
        return f"a set of fields keyed by the English list's {self.key}s"


@dataclass
class Says(Kind):
    """An entry's care cards: what each sign the entry words for itself says, keyed by sign id."""

    def check(self, value: Any, loc: Loc, ctx: Any) -> Any:
        return MapOf(Text(200)).check(value, loc, ctx)

    def json_schema(self, ctx: Any) -> dict[str, Any]:
        return MapOf(Text(200)).json_schema(ctx)

    def describe(self, ctx: Any) -> str:
        return "what each sign says, keyed by the sign's id"


def _key_of(obj: Obj) -> str | None:
    """The field that names an item of a list of ``obj``: its id or reference, else its address."""
    for f in obj.fields:
        if isinstance(f.kind, (Id, Ref)):
            return f.name
    for f in obj.fields:
        if isinstance(f.kind, Url):
            return f.name
    return None


def words_kind(kind: Kind) -> Kind | None:
    """What a translation of a value of ``kind`` holds, or None if it holds no words."""
    if isinstance(kind, Text):  # Markdown too
        return kind
    if isinstance(kind, ListOf) and (isinstance(kind.item, Text) or (isinstance(kind.item, ListOf)
                                                                     and isinstance(kind.item.item, Text))):
        return kind  # names, or groups of words: the language's own list
    if isinstance(kind, ListOf) and isinstance(kind.item, SignRef):
        return Says()
    if isinstance(kind, Obj):
        fields = [replace(f, kind=k, required=False) for f in kind.fields
                  if f.translate != "no" and (k := words_kind(f.kind)) is not None]
        return Obj(tuple(fields)) if fields else None
    if isinstance(kind, ListOf) and isinstance(kind.item, Obj):
        key = _key_of(kind.item)
        if key is None:  # a list nothing names (the glossary's terms): the language writes its own
            return kind
        inner = words_kind(kind.item)
        fields = [f for f in inner.fields if f.name != key] if isinstance(inner, Obj) else []
        by_address = _by_address(kind.item, key)
        if fields and by_address:
            fields.append(Field(key, Url(), required=False, help="The same page in this language, if the publisher has one."))
        return Keyed(Obj(tuple(fields)), key, by_address) if fields else None
    if isinstance(kind, MapOf):
        inner = words_kind(kind.item)
        return MapOf(inner) if inner is not None else None
    return None


def _by_address(item: Obj, key: str) -> bool:
    """Whether a list of ``item`` is keyed by a web address (sources) rather than an id."""
    return any(f.name == key and isinstance(f.kind, Url) for f in item.fields)


def translation_obj(obj: Obj) -> Obj:
    """The fields a translation of a file of ``obj`` holds: its words, and the hash it was made from."""
    words = words_kind(obj)
    return Obj((FROM_FIELD, *(words.fields if isinstance(words, Obj) else ())))


def merge(kind: Kind, english: Any, words: Any) -> Any:
    """The English value with the translation's words put in: the structure stays the English's.
    A source the translation does not give in its language stays the English one, marked so."""
    if isinstance(kind, ListOf) and isinstance(kind.item, Obj) and isinstance(english, list):
        key = _key_of(kind.item)
        if key is None:
            return copy.deepcopy(words if words is not None else english)
        by_address = _by_address(kind.item, key)
        words = words if isinstance(words, dict) else {}
        out = []
        for item in english:
            mine = words.get(item.get(key)) if isinstance(item, dict) else None
            merged = merge(kind.item, item, mine)
            if by_address and isinstance(merged, dict):
                if isinstance(mine, dict) and mine.get(key):
                    merged[key] = mine[key]
                else:
                    merged[LANGUAGE_KEY] = "en"
            out.append(merged)
        return out
    if words is None:
        return copy.deepcopy(english)
    if isinstance(kind, ListOf) and isinstance(kind.item, SignRef) and isinstance(english, list):
        return [{"sign": item["sign"], "says": words[item["sign"]]}
                if isinstance(item, dict) and item.get("sign") in words else item for item in english]
    if isinstance(kind, (Text, ListOf)):
        return words
    if isinstance(kind, Obj) and isinstance(english, dict) and isinstance(words, dict):
        out = dict(english)
        for f in kind.fields:
            if f.name in english and f.translate != "no" and words_kind(f.kind) is not None:
                out[f.name] = merge(f.kind, english[f.name], words.get(f.name))
        return out
    if isinstance(kind, MapOf) and isinstance(english, dict) and isinstance(words, dict):
        return {k: merge(kind.item, v, words.get(k)) for k, v in english.items()}
    return copy.deepcopy(english)


def moved_addresses(obj: Obj, words: Any) -> dict[str, str]:
    """The English addresses a translation replaces with the publisher's page in its language
    (a source given in Spanish): other fields that name the English address (a rating's source)
    are pointed at the new one, so they still name one of the entry's sources."""
    out: dict[str, str] = {}
    if not isinstance(words, Mapping):
        return out
    for f in obj.fields:
        wk = words_kind(f.kind)
        if isinstance(wk, Keyed) and wk.by_address and isinstance(words.get(f.name), Mapping):
            out.update({old: mine[wk.key] for old, mine in words[f.name].items()
                        if isinstance(mine, Mapping) and isinstance(mine.get(wk.key), str)})
    return out


def relink(value: Any, moved: Mapping[str, str]) -> Any:
    """``value`` with every text that is exactly a moved address replaced by its new address."""
    if isinstance(value, str):
        return moved.get(value, value)
    if isinstance(value, dict):
        return {k: relink(v, moved) for k, v in value.items()}
    if isinstance(value, list):
        return [relink(v, moved) for v in value]
    return value


def gaps(kind: Kind, english: Any, words: Any, loc: Loc = ()) -> Iterator[Flaw]:
    """What a translation leaves out that the English has ('translation-complete'), and what it
    has that the English has not, left from an older version of it ('translation-shape'), each at
    its place in the translation."""
    wk = words_kind(kind)
    if wk is None or english in (None, "", [], {}):
        return
    if isinstance(kind, Text) and words == english and len(str(english).split()) >= UNTRANSLATED_WORDS:
        yield Flaw(loc, "still the English text: translate it", "translation-complete", at=str(english)[:60])
    elif isinstance(kind, Obj) and isinstance(english, dict):
        words = words if isinstance(words, dict) else {}
        for f in kind.fields:
            if f.translate == "no" or words_of(f.kind, english.get(f.name), optional=False) is None:
                continue  # nothing here for a reader to read (a care card of sign ids only)
            if f.name in words:
                yield from gaps(f.kind, english[f.name], words[f.name], loc + (f.name,))
            elif f.translate == "required":
                yield Flaw(loc + (f.name,), "missing: the English has this text; translate it", "translation-complete")
    elif isinstance(wk, (Keyed, Says)) and isinstance(english, list) and isinstance(words, dict):
        items = [item for item in english if isinstance(item, dict)]
        if isinstance(wk, Says):
            known = wanted = {item.get("sign") for item in items if "says" in item}
        else:
            known = {item.get(wk.key) for item in items}
            wanted = {item.get(wk.key) for item in items
                      if any(isinstance(item.get(f.name), str) for f in wk.words.fields if f.name != wk.key)}
        optional = isinstance(wk, Keyed) and wk.by_address
        for k in sorted(wanted - set(words), key=str) if not optional else ():
            yield Flaw(loc, f"missing '{k}': the English has text for it; translate it", "translation-complete")
        for k in words:
            if k not in known:
                yield Flaw(loc + (k,), f"the English has no '{k}' here (left from an older version?): remove it",
                           "translation-shape")
        if isinstance(wk, Keyed) and isinstance(kind, ListOf):
            for item in items:
                if item.get(wk.key) in words:
                    yield from gaps(kind.item, item, words[item[wk.key]], loc + (item[wk.key],))
    elif isinstance(kind, MapOf) and isinstance(english, dict) and isinstance(words, dict):
        for k, v in english.items():
            if k in words:
                yield from gaps(kind.item, v, words[k], loc + (k,))
        for k in words:
            if k not in english:
                yield Flaw(loc + (k,), f"the English has no '{k}' here (left from an older version?): remove it",
                           "translation-shape")


def words_of(kind: Kind, value: Any, optional: bool = True) -> Any:
    """The words of an English ``value`` as a translation holds them (the inverse of ``merge``):
    what the scaffold writes for a translator to replace. ``optional``: with the words a
    translation may leave out (search phrases, sources)."""
    wk = words_kind(kind)
    if wk is None or value in (None, "", [], {}):
        return None
    if isinstance(kind, ListOf) and isinstance(kind.item, Obj) and isinstance(value, list):
        key = _key_of(kind.item)
        if key is None:
            return copy.deepcopy(value)
        out = {}
        for item in value:
            if isinstance(item, dict) and item.get(key) is not None:
                mine = words_of(kind.item, item, optional)
                mine = {k: v for k, v in (mine or {}).items() if k != key}
                if mine:
                    out[item[key]] = mine
        return out or None
    if isinstance(kind, ListOf) and isinstance(kind.item, SignRef) and isinstance(value, list):
        return {item["sign"]: item["says"] for item in value if isinstance(item, dict) and "says" in item} or None
    if isinstance(kind, Obj) and isinstance(value, dict):
        out = {}
        for f in kind.fields:
            if f.translate == "no" or (f.translate == "optional" and not optional) or f.name not in value:
                continue
            mine = words_of(f.kind, value[f.name], optional)
            if mine is not None:
                out[f.name] = mine
        return out or None
    if isinstance(kind, MapOf) and isinstance(value, dict):
        out = {k: w for k, v in value.items() if (w := words_of(kind.item, v, optional)) is not None}
        return out or None
    return copy.deepcopy(value)
