"""Editorial rules for health content, checked on every entry like any other field rule.

Each rule is a generator of ``(location, message)`` for one entry's data. The
messages say how to fix the text, because the person reading them is a writer.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from build_scripts.fields import Found, Loc
from build_scripts.schema import EMERGENCY_NUMBERS


# A number followed by a unit of dose: "200 mg", "2 tablets", "1,000 IU", "5ml".
DOSE = re.compile(
    r"\b\d[\d,.]*\s*(?:mg|mcg|µg|micrograms?|milligrams?|grams?|g|ml|IU|units?|tablets?|capsules?|pills?|drops?)\b"
    r"(?!\s+of\s+(?:water|fluid))",
    re.I,
)
EMERGENCY = re.compile(r"\b999\b(?! \(UK\), 911 \(US\), 112 \(EU\),? or your local emergency number)")
# Words that set a level of care ("get help today if ..."). Levels come from content/triage.yaml,
# through an entry's care cards, so prose that sets one can disagree with them.
LEVEL_PROSE = re.compile(r"\b(?:call|phone|dial)\s+(?:an\s+ambulance|999|911|112)\b|\bget\s+(?:medical\s+|urgent\s+)?help\s+"
                         r"(?:today|now|straight\s+away|the\s+same\s+day)\b|\bgo\s+to\s+(?:A&E|(?:the|an)\s+emergency\s+"
                         r"department)|\burgent\s+(?:GP\s+)?appointment|\bsee\s+(?:a|your)\s+(?:doctor|GP)\s+if\b|"
                         r"class=\"care\b", re.I)
KEEP_TAKING = re.compile(r"do not stop (?:taking )?a prescribed medicine", re.I)


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


def no_doses(entry_type: str, data: dict[str, Any]) -> Found:
    """The site never gives a dose: doses depend on the person and belong to a doctor or pharmacist."""
    for loc, text in strings(data):
        if loc[:1] == ("sources",):
            continue
        match = DOSE.search(text)
        if match:
            yield loc, (f"'{match.group(0)}' looks like a dose; this site never gives doses. "
                        "Write what the medicine does and who prescribes it instead")


def full_emergency_numbers(entry_type: str, data: dict[str, Any]) -> Found:
    """Readers are in many countries: an emergency number is always given with the others."""
    for loc, text in strings(data):
        if EMERGENCY.search(text):
            yield loc, f"write the emergency number as '{EMERGENCY_NUMBERS}' so it works for readers in any country"


def levels_come_from_signs(entry_type: str, data: dict[str, Any]) -> Found:
    """How fast to get help is said once, by the warning signs in content/triage.yaml: an entry's
    prose never sets a level of its own, so it cannot disagree with its care cards."""
    for loc, text in strings(data):
        if loc[:1] in (("care",), ("sources",)):
            continue
        match = LEVEL_PROSE.search(text)
        if match:
            yield loc, (f"'{' '.join(match.group(0).split())}' sets a level of care in prose; name the warning sign under 'care' "
                        "instead (signs are in content/triage.yaml; add a missing one there, with its source)")


# Medicines whose UK and US names differ: a page names both, so every reader knows the medicine.
BOTH_NAMES = {"paracetamol": "acetaminophen", "adrenaline": "epinephrine", "salbutamol": "albuterol"}
_NAMES = re.compile(r"\b(" + "|".join(BOTH_NAMES) + r")\b", re.I)


def uk_and_us_medicine_names(entry_type: str, data: dict[str, Any]) -> Found:
    """A medicine with different UK and US names is written with both: 'paracetamol (acetaminophen)'."""
    for loc, text in strings(data):
        for match in _NAMES.finditer(text):
            us = BOTH_NAMES[match.group(1).lower()]
            if us not in text.lower():
                yield loc, f"write '{match.group(1)} ({us})' so readers in the US know the medicine too"


def search_terms_stay_hidden(entry_type: str, data: dict[str, Any]) -> Found:
    """A search term is a misspelling or a phrase readers type; a real name goes in also_called,
    which the page shows. One word in both lists would show a misspelling, or hide a real name."""
    shown = {str(name).strip().casefold() for name in [data.get("title"), *(data.get("also_called") or [])]}
    terms = data.get("search_terms")
    for i, term in enumerate(terms if isinstance(terms, list) else []):
        if isinstance(term, str) and term.strip().casefold() in shown:
            yield ("search_terms", i), (f"'{term}' is also the title or in also_called; keep a real name in "
                                        "also_called only, and misspellings and phrases in search_terms only")


def medicines_say_keep_taking(entry_type: str, data: dict[str, Any]) -> Found:
    """A medicine entry tells readers not to stop a prescribed medicine on their own."""
    if entry_type != "treatment" or data.get("kind") != "medicine":
        return
    if not any(KEEP_TAKING.search(text) for _, text in strings(data)):
        yield ("how_to",), ("a medicine entry must say 'Do not stop a prescribed medicine without advice "
                            "from a doctor or pharmacist.'")


def rare_causes_say_so(entry_type: str, data: dict[str, Any]) -> Found:
    """A rare cause says in its summary that it is rare, so worried readers see it first."""
    summary = data.get("summary")
    if entry_type == "cause" and data.get("how_common") == "rare" and isinstance(summary, str) \
            and "rare" not in summary.lower():
        yield ("summary",), "this cause is rare: say so in the summary (for example, 'This is rare.')"


RULES: tuple[Callable[[str, dict[str, Any]], Found], ...] = (
    no_doses,
    full_emergency_numbers,
    levels_come_from_signs,
    uk_and_us_medicine_names,
    search_terms_stay_hidden,
    medicines_say_keep_taking,
    rare_causes_say_so,
)


def check(entry_type: str, data: dict[str, Any]) -> Found:
    """Run every editorial rule on one entry."""
    for rule in RULES:
        yield from rule(entry_type, data)
