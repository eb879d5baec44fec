"""A medicine with different UK and US names is written with both, so every reader knows it."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule
from build_scripts.rules.wording import wording



@rule("uk-and-us-names", "A medicine whose UK and US names differ is given both: 'paracetamol (acetaminophen)'.",
      (ENTRIES, PAGES), bad=({"things_you_can_do": "Paracetamol can ease the ache."}, "Take paracetamol for pain."),
      good=({"things_you_can_do": "Paracetamol (acetaminophen) can ease the ache."},
            "Paracetamol (acetaminophen) can ease pain."))
def check(subject: Subject) -> Iterator[Flaw]:
    both = wording(subject.language).both_names
    names = re.compile(r"\b(" + "|".join(both) + r")\b", re.I)
    for loc, text in subject.texts(skip=()):
        for match in names.finditer(text):
            us = both[match.group(1).lower()]
            if us not in text.lower():
                yield Flaw(loc, f"write '{match.group(1)} ({us})' so readers in the US know the medicine too",
                           at=match.group(0))
