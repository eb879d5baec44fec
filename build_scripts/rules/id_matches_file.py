"""An entry's id is its file name, so links and the file a contributor edits agree."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, Subject, rule


@rule("id-matches-file", "An entry's 'id', if given, is its file name without .yaml.", (ENTRIES,),
      bad=({"id": "coffee"},), good=({"id": "caffeine"},))
def check(subject: Subject) -> Iterator[Flaw]:
    given = subject.data.get("id")
    if isinstance(given, str) and given != subject.name:
        yield Flaw(("id",), f"'{given}' does not match the file name '{subject.name}.yaml'; rename the file or fix the id")
