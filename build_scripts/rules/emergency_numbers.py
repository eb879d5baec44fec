"""Readers are in many countries: an emergency number is always given with the others."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule
from build_scripts.rules.wording import wording
from build_scripts.schema import EMERGENCY_NUMBERS



@rule("emergency-numbers", f"An emergency number is written in full: '{EMERGENCY_NUMBERS}'.", (ENTRIES, PAGES),
      bad=({"what_it_is": "If you cannot breathe, phone 999 straight away."}, "In the UK, call 999 (UK)."),
      good=({"what_it_is": f"Phone {EMERGENCY_NUMBERS}."}, f"In an emergency, phone {EMERGENCY_NUMBERS}."))
def check(subject: Subject) -> Iterator[Flaw]:
    words = wording(subject.language)
    for loc, text in subject.texts():
        match = words.bare_number.search(text.replace(words.emergency_numbers, ""))
        if match:
            yield Flaw(loc, f"write the emergency number as '{words.emergency_numbers}' so it works for readers "
                       "in any country", at=match.group(0))
