"""The site never gives a dose: a dose depends on the person and belongs to a doctor or pharmacist."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule
from build_scripts.rules.wording import wording

# A number, in digits or words, followed by a unit of dose: "200 mg", "2 tablets", "1,000 IU",
# "two capsules". "2 glasses of water" is not a dose.


@rule("no-doses", "No dose of anything: a number with a unit of dose, such as '200 mg' or 'two tablets'.",
      (ENTRIES, PAGES), bad=({"things_you_can_do": "Take 200 mg of magnesium."}, "Take two tablets at night."),
      good=({"things_you_can_do": "Drink 2 glasses of water with meals."}, "A pharmacist can tell you how much to take."))
def check(subject: Subject) -> Iterator[Flaw]:
    dose = wording(subject.language).dose
    for loc, text in subject.texts():
        match = dose.search(text)
        if match:
            yield Flaw(loc, f"'{match.group(0)}' looks like a dose; this site never gives doses. "
                       "Write what the medicine does and who prescribes it instead", at=match.group(0))
