"""A page that talks about stopping or changing a medicine also says not to do it alone. A note
such as "your doctor may change your statin" could otherwise be read as leave to stop it."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.medicine_keep_taking import SENTENCE, says_keep_taking
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule
from build_scripts.rules.wording import wording



@rule("change-medicine-keep-taking", "Text about stopping or changing a medicine comes with 'Do not stop a "
      "prescribed medicine without advice'.", (ENTRIES, PAGES),
      bad=({"treatments": [{"id": "cutting-down-caffeine", "note": "A doctor may change your medicine."}]},
           "Your doctor may switch your tablets."),
      good=({"treatments": [{"id": "cutting-down-caffeine", "note": f"A doctor may change your medicine. {SENTENCE}"}]},
            f"Your doctor may switch your tablets. {SENTENCE}"))
def check(subject: Subject) -> Iterator[Flaw]:
    if subject.kind == "treatment" and subject.data.get("kind") == "medicine":
        return  # medicine-keep-taking asks for the sentence already
    words = wording(subject.language)
    for loc, text in subject.texts():
        match = words.change_medicine.search(text)
        if match and not says_keep_taking(subject):
            yield Flaw(loc, f"'{' '.join(match.group(0).split())}' talks about changing a medicine: add '{words.keep_taking}'",
                       at=match.group(0))
            return
