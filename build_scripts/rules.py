"""Editorial rules for health content, checked on every entry like any other field rule.

Each rule is a generator of ``(location, message)`` for one entry's data. The
messages say how to fix the text, because the person reading them is a writer.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from build_scripts.fields import Loc

Found = Iterator[tuple[Loc, str]]

# A number followed by a unit of dose: "200 mg", "2 tablets", "1,000 IU", "5ml".
DOSE = re.compile(
    r"\b\d[\d,.]*\s*(?:mg|mcg|µg|micrograms?|milligrams?|grams?|g|ml|IU|units?|tablets?|capsules?|pills?|drops?)\b"
    r"(?!\s+of\s+(?:water|fluid))",
    re.I,
)
EMERGENCY = re.compile(r"\b999\b(?!, 911 or 112)")
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
    """Readers are in many countries: an emergency number is always '999, 911 or 112'."""
    for loc, text in strings(data):
        if EMERGENCY.search(text):
            yield loc, "write the emergency number as '999, 911 or 112' so it works for readers in any country"


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
    medicines_say_keep_taking,
    rare_causes_say_so,
)


def check(entry_type: str, data: dict[str, Any]) -> Found:
    """Run every editorial rule on one entry."""
    for rule in RULES:
        yield from rule(entry_type, data)
