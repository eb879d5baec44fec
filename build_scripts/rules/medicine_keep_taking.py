"""Stopping a prescribed medicine suddenly can do harm, so a page about medicines says not to."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule
from build_scripts.rules.wording import WORDING, wording

SENTENCE = WORDING["en"].keep_taking


@rule("medicine-keep-taking", "A medicine entry says 'Do not stop a prescribed medicine without advice'.",
      ("treatment",), bad=({"kind": "medicine", "how_to": "A doctor may prescribe it."},),
      good=({"kind": "medicine", "how_to": f"A doctor may prescribe it. {SENTENCE}"},))
def check(subject: Subject) -> Iterator[Flaw]:
    if subject.data.get("kind") == "medicine" and not says_keep_taking(subject):
        yield Flaw(("how_to",), f"a medicine entry must say '{wording(subject.language).keep_taking}'")


def says_keep_taking(subject: Subject) -> bool:
    says = wording(subject.language).says_keep_taking
    return any(says.search(text) for _, text in subject.texts(skip=()))
