"""No two ids of one type look alike (UTS #39 skeletons, for the letters ids may use): 'cramp-1eg'
and 'cramp-leg' would be two pages a reviewer reads as one."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, Subject, rule

LOOK_ALIKE = (("0", "o"), ("1", "l"), ("rn", "m"), ("vv", "w"), ("cl", "d"))  # single characters first
_skeletons: dict[int, tuple[list[str], dict[str, list[str]]]] = {}


def skeleton(name: str) -> str:
    for pair, alike in LOOK_ALIKE:
        name = name.replace(pair, alike)
    return name


def _by_skeleton(ids: list[str]) -> dict[str, list[str]]:
    cached = _skeletons.get(id(ids))
    if cached is None or cached[0] is not ids:  # made once per list of ids, not once per entry
        table: dict[str, list[str]] = {}
        for name in ids:
            table.setdefault(skeleton(name), []).append(name)
        cached = _skeletons[id(ids)] = (ids, table)
    return cached[1]


@rule("id-confusable", "No two ids of one type look alike, such as 'cramp-1eg' and 'cramp-leg' (UTS #39).",
      (ENTRIES,))
def check(subject: Subject) -> Iterator[Flaw]:
    others = [name for name in _by_skeleton(subject.ctx.ids.get(subject.kind, [])).get(skeleton(subject.name), [])
              if name != subject.name]
    if others:
        yield Flaw((), f"the file name '{subject.name}' looks like '{others[0]}' (same letters but for "
                   "look-alikes such as 1 and l, 0 and o, rn and m); choose a name that reads differently")
