"""The words of one language: every word a reader sees that is not written in an entry or a
hand-written page lives in ``content/locales/<language>.yaml``.

Templates reach them as ``t`` (``{{ t.types.cause.heading }}``), Python as ``content.words``,
and the scripts in the browser through the JSON the generator writes for them. The English
file is the reference: another language must have every key it has, and no other (checked by
the ``locale-keys`` rule).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

LOCALES_DIR = "locales"
REFERENCE = "en"


def keys(value: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every key path in a locale, leaves only: ("care", "emergency", "label")."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from keys(item, prefix + (str(key),))
    else:
        yield prefix


@dataclass(frozen=True)
class Level:
    """A level of care with its words: the key from the triage model, the words from the locale."""

    key: str
    label: str  # the level, in words, at the start of a card's heading
    action: str  # what to do, ending with "if:"
    now: str  # what to do, as a sentence for a reader who has such a sign


def levels(words: Mapping[str, Any], order: tuple[str, ...]) -> tuple[Level, ...]:
    """The care levels in ``order`` (emergency first), worded in ``words``."""
    care = words.get("care") or {}
    numbers = str(words.get("emergency_numbers", ""))
    return tuple(Level(key, str(care[key]["label"]), str(care[key]["action"]).format(numbers=numbers),
                       str(care[key]["now"]).format(numbers=numbers)) for key in order if key in care)


def ignored_by_search(locale: Mapping[str, Any]) -> dict[str, str] | None:
    """The words a language's search box ignores (its stop and question words), or None if the
    locale does not say: a thesaurus term must be more than these."""
    search = locale.get("search")
    query = search.get("query") if isinstance(search, Mapping) else None
    if not isinstance(query, Mapping):
        return None
    return {str(w): str(w) for key in ("stop_words", "question_words") for w in query.get(key) or []}


def long_date(words: Mapping[str, Any], day: Any) -> str:
    """A date written out, as the language writes it: '21 November 2026'."""
    return str(words["date"]["long"]).format(day=day.day, month=words["date"]["months"][day.month - 1], year=day.year)
