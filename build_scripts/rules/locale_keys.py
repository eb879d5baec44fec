"""Another language's locale has every key the English one has, no other, and the same
placeholders in each text: a missing word would stop the build, and a lost ``{numbers}`` would
drop the emergency numbers from a care card."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule
from build_scripts.words import keys

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
REFERENCE_KEYS = "locale-keys"  # ctx.lists: the English locale's key paths ("a.b.c") -> its text


def _value(data: object, path: tuple[str, ...]) -> object:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


@rule("locale-keys", "Another language's locale has exactly the English locale's keys, with the same {placeholders}.",
      ("locale",))
def check(subject: Subject) -> Iterator[Flaw]:
    reference = subject.ctx.lists.get(REFERENCE_KEYS)
    if reference is None or subject.data.get("language") in (None, "en"):
        return
    mine = {".".join(path): path for path in keys(subject.data)}
    for name, english in reference.items():
        if name not in mine:
            yield Flaw((), f"missing '{name}': the English locale has it ('{english[:60]}'); translate it here")
        else:
            value = _value(subject.data, mine[name])
            wanted = sorted(PLACEHOLDER.findall(english))
            if isinstance(value, str) and sorted(PLACEHOLDER.findall(value)) != wanted:
                yield Flaw(mine[name], f"keep the placeholders {', '.join(wanted) or '(none)'} of the English text, "
                           "as they are")
    for name, path in mine.items():
        if name not in reference:
            yield Flaw(path, f"the English locale has no '{name}': remove it")
