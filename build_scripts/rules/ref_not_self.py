"""An entry never links to itself: the link would lead the reader back to the page they are on."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.fields import references
from build_scripts.rules.registry import ENTRIES, Subject, rule
from build_scripts.schema import BY_NAME


@rule("ref-not-self", "An entry does not name itself as related, or as one of its own links.", (ENTRIES,),
      bad=({"related": ["caffeine"]},), good=({"related": ["stress"]},))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, target, value in references(BY_NAME[subject.kind].obj, subject.data):
        if target == subject.kind and value == subject.name:
            yield Flaw(loc, f"'{value}' is this entry itself; link to another {target}, or remove it")
