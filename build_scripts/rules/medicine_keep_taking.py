"""Stopping a prescribed medicine suddenly can do harm, so a page about medicines says not to."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule

KEEP_TAKING = re.compile(r"(?:do\s+not|don't|don’t|never)\s+(?:tell\s+you\s+to\s+)?stop\s+(?:or\s+change\s+)?"
                         r"(?:taking\s+)?(?:a|any|your)\s+prescribed\s+medicines?", re.I)
SENTENCE = "Do not stop a prescribed medicine without advice from a doctor or pharmacist."


@rule("medicine-keep-taking", "A medicine entry says 'Do not stop a prescribed medicine without advice'.",
      ("treatment",), bad=({"kind": "medicine", "how_to": "A doctor may prescribe it."},),
      good=({"kind": "medicine", "how_to": f"A doctor may prescribe it. {SENTENCE}"},))
def check(subject: Subject) -> Iterator[Flaw]:
    if subject.data.get("kind") == "medicine" and not says_keep_taking(subject):
        yield Flaw(("how_to",), f"a medicine entry must say '{SENTENCE}'")


def says_keep_taking(subject: Subject) -> bool:
    return any(KEEP_TAKING.search(text) for _, text in subject.texts(skip=()))
