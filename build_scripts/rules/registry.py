"""The rule protocol: every check the validator runs is a registered ``Rule``.

A rule has an id (printed with each problem, ``[no-doses]``), a default severity, the kinds of
file it applies to, a one-line summary (the table in CONTRIBUTING.md is made from these) and
examples of text it refuses and accepts (``tests/test_rules.py`` runs them). Its check is a
generator of ``Flaw``s for one file, the way python/peps writes its validators; the runner turns
them into located ``Problem``s. Rules with no check are carried out by the field kinds
(``fields.py``) or by the loader (``yaml_file.py``, ``model.py``), and are listed so that they
have an id, a severity and a line in the table like any other.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from build_scripts.errors import ERROR, OFF, WARNING, Flaw, Loc, Problem, loc_to_field
from build_scripts.fields import Context
from build_scripts.rules.wording import WORDING
from build_scripts.yaml_file import Document

# What a rule can apply to: every entry type ("entries") or one by name ("cause"), the
# hand-written pages, and the shared files.
ENTRIES = "entries"
PAGES = "pages"
SHARED = ("triage", "glossary", "taxonomy", "publishers", "rules", "locale", "nav", "thesaurus", "reviewers",
          "reviews")
EVERY_FILE = (ENTRIES, PAGES, *SHARED)

Check = Callable[["Subject"], Iterator[Flaw]]


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str  # one line, for the rules table
    applies: tuple[str, ...]
    check: Check | None = None  # None: carried out by the field kinds or the loader
    severity: str = ERROR
    bad: tuple[Any, ...] = ()  # examples it refuses: fields merged into an entry, or a page's body text
    good: tuple[Any, ...] = ()  # and examples it accepts

    def applies_to(self, kind: str, is_entry: bool) -> bool:
        return kind in self.applies or (is_entry and ENTRIES in self.applies)


RULES: dict[str, Rule] = {}


def rule(id: str, summary: str, applies: tuple[str, ...] = (ENTRIES,), severity: str = ERROR,
         bad: tuple[Any, ...] = (), good: tuple[Any, ...] = ()) -> Callable[[Check], Check]:
    """Register the decorated check as a rule."""
    def register(check: Check) -> Check:
        add(Rule(id, summary, applies, check, severity, bad, good))
        return check
    return register


def add(new: Rule) -> Rule:
    if not re.fullmatch(r"[a-z]+(-[a-z]+)*", new.id):
        raise ValueError(f"rule id {new.id!r} must be lower-case words joined by hyphens")
    if new.id in RULES:
        raise ValueError(f"rule id {new.id!r} is registered twice")
    RULES[new.id] = new
    return new


@dataclass
class Subject:
    """One file as a rule sees it."""

    kind: str  # an entry type's name ("cause"), "pages", or a shared file's name ("triage")
    doc: Document  # its fields (for a page, its front matter), the line of each, and its text
    ctx: Context = field(default_factory=Context)
    is_entry: bool = False
    hosts: Mapping[str, str] = field(default_factory=dict)  # web host -> publisher name
    today: dt.date = field(default_factory=dt.date.today)
    body_start: int = -1  # a page's body: where it starts in doc.text
    language: str = "en"  # the language its words are in: rules look for their words in it (wording.py)

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    @property
    def name(self) -> str:
        """The entry's id: its file name without .yaml."""
        return self.doc.path.rsplit("/", 1)[-1].removesuffix(".yaml")

    def texts(self, skip: tuple[str, ...] = ("sources",), raw: bool = False) -> Iterator[tuple[Loc, str]]:
        """Every piece of text a reader sees, with where it is: each string value outside
        ``skip``, and a page's body paragraph by paragraph, up to its list of sources.

        Characters that show nothing (Unicode's format characters, such as a zero-width space)
        are taken out unless ``raw``: a rule sees the words as a reader does, so '200<ZWSP> mg'
        is still a dose. The invisible-characters rule asks for them raw.
        """
        for loc, text, clean in self._texts:
            if loc and loc[0] in skip:
                continue
            yield loc, text if raw else clean

    @cached_property
    def _texts(self) -> list[tuple[Loc, str, str]]:
        """Every text once, raw and without invisible characters: a dozen rules read them."""
        found = list(strings(self.data))
        if self.body_start >= 0:
            found += paragraphs(self.doc.text, self.body_start)
        return [(loc, text, text if text.isascii() else _INVISIBLE.sub("", text)) for loc, text in found]


def strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text value in ``value`` with its location."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, loc + (i,))


# In any language the content is written in (rules/wording.py).
SOURCES_HEADING = re.compile(r"^## (?:" + "|".join(re.escape(w.sources_heading) for w in WORDING.values()) + r")\b.*$",
                             re.M)
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def paragraphs(text: str, start: int) -> Iterator[tuple[Loc, str]]:
    """A page's body up to '## Sources', as ``(("body", line), paragraph)`` pieces."""
    end = SOURCES_HEADING.search(text, start)
    line = text.count("\n", 0, start) + 1
    for block in re.split(r"(\n\s*\n)", text[start:end.start() if end else None]):
        if block.strip() and not block.isspace():
            lead = len(block) - len(block.lstrip("\n"))
            yield ("body", line + lead), block.strip()
        line += block.count("\n")


def run(subject: Subject, levels: Mapping[str, str] | None = None, strict: bool = False) -> list[Problem]:
    """Every registered rule that applies to ``subject``, as located problems."""
    found: list[Problem] = []
    for each in RULES.values():
        if each.check is not None and each.applies_to(subject.kind, subject.is_entry):
            found += locate(subject.doc, each.check(subject), each.id, levels, strict)
    return found


def locate(doc: Document, flaws: Iterator[Flaw] | list[Flaw], default_rule: str,
           levels: Mapping[str, str] | None = None, strict: bool = False) -> list[Problem]:
    """Give each flaw its line, field and severity; drop those whose rule is off."""
    out = []
    for flaw in flaws:
        rid = flaw.rule or default_rule
        level = severity(rid, levels, strict)
        if level == OFF:
            continue
        if flaw.loc[:1] == ("body",) and len(flaw.loc) == 2 and isinstance(flaw.loc[1], int):
            line, name = flaw.loc[1], ""
        else:
            line, name = doc.line(flaw.loc), loc_to_field(flaw.loc)
        if flaw.at:
            line = doc.line_of(line, flaw.at)
        out.append(Problem(doc.path, line, name, flaw.message, level, rid))
    return out


def severity(rule_id: str, levels: Mapping[str, str] | None = None, strict: bool = False) -> str:
    """A rule's level: as set in content/rules.yaml, else its own default; --strict makes warnings errors."""
    known = RULES.get(rule_id)
    level = (levels or {}).get(rule_id) or (known.severity if known else ERROR)
    return ERROR if strict and level == WARNING else level


def table() -> str:
    """The rules as a Markdown table, for CONTRIBUTING.md."""
    names = {ENTRIES: "entries", PAGES: "pages"}
    rows = ["| Rule | Applies to | Default | What it checks |", "|---|---|---|---|"]
    for each in sorted(RULES.values(), key=lambda r: r.id):
        applies = "every file" if set(each.applies) >= set(EVERY_FILE) else \
            ", ".join(names.get(a, f"{a}.yaml" if a in SHARED else f"{a} entries") for a in each.applies)
        rows.append(f"| `{each.id}` | {applies} | {each.severity} | {each.summary.replace('|', '&#124;')} |")
    return "\n".join(rows) + "\n"
