"""The triage model: one list of warning signs that every "when to get help" answer comes from.

``content/triage.yaml`` gives each sign its level, its words, the navigator answers that imply it
and the sources that set its level. Entries' care cards name signs by id (``fields.SignRef``
checks the id and the level); the hub pages' cards, the symptom navigator, the card above search
results and ``api/triage.json`` are all generated from the same signs, so no two can disagree.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from build_scripts.fields import Context, Loc
from build_scripts.schema import LEVEL_KEYS
from build_scripts.words import Level

FILE = "triage.yaml"
TAXONOMY_QUESTIONS = {"area": "body_areas", "symptom": "symptoms", "trigger": "triggers"}
RANK = {key: n for n, key in enumerate(LEVEL_KEYS)}  # emergency 0: lower is more urgent


@dataclass(frozen=True)
class Sign:
    id: str
    level: str
    group: str
    says: str
    ask: str
    key: bool
    lay_words: tuple[str, ...]
    implied_by: tuple[tuple[str, ...], ...]
    causes: tuple[str, ...]
    sources: tuple[dict[str, str], ...]
    last_reviewed: Any
    next_review_due: Any
    reviewed_by: str


@dataclass
class Triage:
    """The loaded model. Empty when the file is missing or broken (``check`` reports why)."""

    signs: dict[str, Sign] = field(default_factory=dict)
    groups: list[dict[str, str]] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # the file as loaded: the API publishes it

    def at(self, level: str) -> list[Sign]:
        """The signs of one level, in group order, then in the file's order."""
        order = {group["id"]: n for n, group in enumerate(self.groups)}
        return sorted((s for s in self.signs.values() if s.level == level), key=lambda s: order.get(s.group, 99))

    def grouped(self, signs: list[Sign]) -> list[tuple[str, list[Sign]]]:
        """``signs`` under their group labels, in group order."""
        return [(group["label"], members) for group in self.groups
                if (members := [s for s in signs if s.group == group["id"]])]


def answers(taxonomy_lists: Mapping[str, Mapping[str, str]], data: Any) -> dict[str, str]:
    """Every answer the navigator can give, as ``question:option`` -> its label."""
    out = {f"{q}:{item}": label for q, name in TAXONOMY_QUESTIONS.items()
           for item, label in taxonomy_lists.get(name, {}).items()}
    for question in _list(data, "questions"):
        for option in _list(question, "options"):
            if isinstance(question.get("id"), str) and isinstance(option.get("id"), str):
                out[f"{question['id']}:{option['id']}"] = str(option.get("label", option["id"]))
    return out


def prepare(ctx: Context, data: Any) -> None:
    """Put what other files may name into ``ctx``: sign ids and levels, groups, source keys, answers."""
    signs = [s for s in _list(data, "signs") if isinstance(s.get("id"), str)]
    # A sign with a level that is not one of LEVEL_KEYS maps to "": its own check reports it, and
    # the entries that name it are not told to move it to a level that does not exist.
    ctx.lists["signs"] = {s["id"]: s["level"] if s.get("level") in RANK else "" for s in signs}
    ctx.ids["sign"] = sorted(ctx.lists["signs"])
    ctx.lists["sign_groups"] = {g["id"]: str(g.get("label")) for g in _list(data, "groups")
                                if isinstance(g.get("id"), str)}
    sources = data.get("sources") if isinstance(data, dict) else None
    ctx.lists["triage_sources"] = {str(k): str(k) for k in sources} if isinstance(sources, dict) else {}
    ctx.lists["answers"] = answers(ctx.lists, data)


def check(data: Any, hosts: Mapping[str, str]) -> Iterator[tuple[Loc, str]]:
    """What the field kinds cannot see: every sign can be reached in the navigator, no question
    takes a taxonomy list's name, and each source is on its publisher's own site."""
    if not isinstance(data, dict):
        return
    for i, sign in enumerate(_list(data, "signs")):
        if not sign.get("ask") and not sign.get("implied_by"):
            yield ("signs", i), (f"give '{sign.get('id')}' an 'ask' (a tick box in the navigator) or an 'implied_by' "
                                 "(answers that mean it), so a reader can tell the navigator about it")
        if sign.get("level") == "emergency" and not sign.get("ask"):
            yield ("signs", i, "level"), ("an emergency sign needs an 'ask': the navigator lists every emergency "
                                          "sign as a tick box, before any other question")
    for i, question in enumerate(_list(data, "questions")):
        if question.get("id") in TAXONOMY_QUESTIONS:
            yield ("questions", i, "id"), (f"'{question['id']}' is taken: its answers come from "
                                           f"taxonomy.yaml '{TAXONOMY_QUESTIONS[question['id']]}'")
    sources = data.get("sources")
    for key, source in (sources.items() if isinstance(sources, dict) else ()):
        if not isinstance(source, dict) or not isinstance(source.get("url"), str) or not hosts:
            continue
        host = (urlsplit(source["url"]).hostname or "").lower()
        owner = hosts.get(host)
        if owner is None and "." in host:
            yield ("sources", key, "url"), (f"'{host}' is not the site of a publisher listed in "
                                            "content/publishers.yaml; cite the publisher's own page, never a copy")
        elif owner is not None and source.get("publisher") != owner and source.get("publisher") in hosts.values():
            yield ("sources", key, "publisher"), f"'{host}' belongs to '{owner}'; write publisher: {owner}"


def build(data: Any) -> Triage:
    """The model from the file's data (after ``check``: shapes are trusted, unknown keys skipped)."""
    if not isinstance(data, dict):
        return Triage()
    sources = data.get("sources") if isinstance(data.get("sources"), dict) else {}
    signs = {}
    for s in _list(data, "signs"):
        if not isinstance(s.get("id"), str) or s.get("level") not in RANK:
            continue
        signs[s["id"]] = Sign(
            id=s["id"], level=s["level"], group=str(s.get("group", "")), says=str(s.get("says", "")),
            ask=str(s.get("ask") or ""), key=s.get("key") is True,
            lay_words=tuple(str(w) for w in s.get("lay_words") or ()),
            implied_by=tuple(tuple(str(a) for a in combo) for combo in s.get("implied_by") or ()
                             if isinstance(combo, list)),
            causes=tuple(str(c) for c in s.get("causes") or ()),
            sources=tuple(sources[k] for k in s.get("sources") or () if isinstance(sources.get(k), dict)),
            last_reviewed=s.get("last_reviewed"), next_review_due=s.get("next_review_due"),
            reviewed_by=str(s.get("reviewed_by", "")),
        )
    return Triage(signs, _list(data, "groups"), _list(data, "questions"), data)


def levels(worded: Sequence[Level]) -> list[dict[str, str]]:
    """The care levels in words, emergency first, as the navigator and the API publish them."""
    return [{"key": level.key, "label": level.label, "action": level.action, "now": level.now} for level in worded]


def card(triage: Triage, care: Mapping[str, Any] | None, worded: Sequence[Level]) -> list[tuple[Level, list[str]]]:
    """An entry's care cards: [(level, [what each sign says])], emergency first, with the levels
    ``worded`` in the site's language. An item is a sign id, or ``{sign, says}`` with the entry's
    own words for it."""
    out = []
    for level in worded:
        items = (care or {}).get(level.key) or []
        words = [item["says"] if isinstance(item, dict) and item.get("says") else triage.signs[_id(item)].says
                 for item in items if _id(item) in triage.signs]
        if words:
            out.append((level, words))
    return out


def signs_of(care: Mapping[str, Any] | None) -> list[str]:
    """The ids of the signs an entry's care cards name, emergency first."""
    return [_id(item) for level in LEVEL_KEYS for item in (care or {}).get(level) or []]


def top_level(care: Mapping[str, Any] | None) -> str | None:
    """The most urgent level an entry's care cards use."""
    return next((level for level in LEVEL_KEYS if (care or {}).get(level)), None)


def _id(item: Any) -> str:
    return str(item.get("sign")) if isinstance(item, dict) else str(item)


def _list(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
