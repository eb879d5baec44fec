"""How fast to get help is said once, by the warning signs in content/triage.yaml: prose never
sets a level of its own, so it cannot disagree with the care cards."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule

# Words that set a level of care ("get help today if ...").
LEVEL_PROSE = re.compile(r"\b(?:call|phone|dial)\s+(?:an\s+ambulance|999|911|112)\b|\bget\s+(?:medical\s+|urgent\s+)?help\s+"
                         r"(?:today|now|straight\s+away|the\s+same\s+day)\b|\bgo\s+to\s+(?:A&E|(?:the|an)\s+emergency\s+"
                         r"department)|\burgent\s+(?:GP\s+)?appointment|\bsee\s+(?:a|your)\s+(?:doctor|GP)\s+if\b|"
                         r"class=\"care\b", re.I)


@rule("levels-from-signs", "No level of care in prose ('get help today', 'see a doctor if'): name a warning "
      "sign from content/triage.yaml instead.", (ENTRIES, PAGES),
      bad=({"things_you_can_do": "See a doctor if it lasts."}, "Get help today if your leg is hot and swollen."),
      good=({"things_you_can_do": "Most twitches stop on their own."}, "<!-- care-cards: key -->"))
def check(subject: Subject) -> Iterator[Flaw]:
    page = subject.body_start >= 0
    for loc, text in subject.texts(skip=("care", "sources")):
        for match in LEVEL_PROSE.finditer(text):
            words = " ".join(match.group(0).split())
            if page:
                yield Flaw(loc, f"'{words}' sets a level of care in the page's own words; levels come from "
                           "content/triage.yaml: put <!-- care-cards: key --> (or all) where the cards go, and add "
                           "a missing sign there", at=match.group(0))
            else:
                yield Flaw(loc, f"'{words}' sets a level of care in prose; name the warning sign under 'care' "
                           "instead (signs are in content/triage.yaml; add a missing one there, with its source)",
                           at=match.group(0))
                break
