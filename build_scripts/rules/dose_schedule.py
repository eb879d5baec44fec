"""How often to take a medicine is part of its dose, even written without a unit."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule
from build_scripts.rules.wording import wording

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@rule("dose-schedule", "No dose schedule either, such as 'take it four times a day' or 'every 6 hours'.",
      (ENTRIES, PAGES), bad=({"things_you_can_do": "Take one every 6 hours."}, "Take the tablets twice a day."),
      good=({"things_you_can_do": "Stretch your calves twice a day."}, "Follow the leaflet that comes with the medicine."))
def check(subject: Subject) -> Iterator[Flaw]:
    words = wording(subject.language)
    for loc, text in subject.texts():
        for sentence in SENTENCE.finditer(text):
            when = words.how_often.search(sentence.group(0))
            if when and words.taking.search(sentence.group(0)):
                yield Flaw(loc, f"'{when.group(0)}' with a medicine is a dose schedule; this site never gives one. "
                           "Say that the prescriber or the leaflet says how often", at=sentence.group(0).strip())
                break
