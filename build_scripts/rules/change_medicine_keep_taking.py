"""A page that talks about stopping or changing a medicine also says not to do it alone. A note
such as "your doctor may change your statin" could otherwise be read as leave to stop it."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.medicine_keep_taking import SENTENCE, says_keep_taking
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule

MEDICINE = r"(?:medicines?|medications?|tablets?|pills?|prescriptions?|drugs?|statins?|dose)"
CHANGE = re.compile(rf"(?<![-\w])(?:stop(?:ping|s)?|chang(?:e|es|ing)|switch(?:es|ing)?|swap(?:s|ping)?|lower(?:s|ing)?|"
                    rf"reduc(?:e|es|ing)|cut(?:s|ting)?\s+down)(?![-\w])(?:\W+\w+){{0,4}}?\W+(?:the\s+|your\s+|a\s+)?"
                    rf"(?:\w+\s+)?{MEDICINE}\b", re.I)


@rule("change-medicine-keep-taking", "Text about stopping or changing a medicine comes with 'Do not stop a "
      "prescribed medicine without advice'.", (ENTRIES, PAGES),
      bad=({"treatments": [{"id": "cutting-down-caffeine", "note": "A doctor may change your medicine."}]},
           "Your doctor may switch your tablets."),
      good=({"treatments": [{"id": "cutting-down-caffeine", "note": f"A doctor may change your medicine. {SENTENCE}"}]},
            f"Your doctor may switch your tablets. {SENTENCE}"))
def check(subject: Subject) -> Iterator[Flaw]:
    if subject.kind == "treatment" and subject.data.get("kind") == "medicine":
        return  # medicine-keep-taking asks for the sentence already
    for loc, text in subject.texts():
        match = CHANGE.search(text)
        if match and not says_keep_taking(subject):
            yield Flaw(loc, f"'{' '.join(match.group(0).split())}' talks about changing a medicine: add '{SENTENCE}'",
                       at=match.group(0))
            return
