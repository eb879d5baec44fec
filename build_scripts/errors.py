"""Problems found in content, and how they are printed."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

# Where a value is in a file: keys and list positions from the top, such as ("sources", 0, "url").
Loc = tuple[str | int, ...]

ERROR = "error"
WARNING = "warning"
OFF = "off"
LEVELS = (ERROR, WARNING, OFF)


class Flaw(NamedTuple):
    """What a check finds in one file, before it is given a line: where, what, and which rule.

    ``rule`` is empty when the rule that ran the check is meant. ``at`` is the offending text,
    when the value is a block of several lines: the problem is reported at the line holding it.
    """

    loc: Loc
    message: str
    rule: str = ""
    at: str = ""


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str
    severity: str = ERROR
    rule: str = ""  # the id of the rule that found it (see build_scripts/rules)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: "
        field = f"{self.field}: " if self.field else ""
        prefix = "warning: " if self.severity == WARNING else ""
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{where}{prefix}{field}{self.message}{rule}"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation, shown on the pull request's diff."""
        kind = "warning" if self.severity == WARNING else "error"
        field = f"{self.field}: " if self.field else ""
        rule = f" [{self.rule}]" if self.rule else ""
        text = (field + self.message + rule).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line}::{text}"


def loc_to_field(loc: tuple[str | int, ...]) -> str:
    """Turn a location such as ``("sources", 0, "url")`` into ``sources[1].url`` (items count from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


def summary(problems: Iterable[Problem]) -> str:
    """``2 errors, 1 warning`` style count."""
    problems = list(problems)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    return ", ".join(parts)


def report(problems: list[Problem], github: bool = False) -> int:
    """Print problems and a count; 1 if any is an error."""
    for problem in problems:
        print(problem, file=sys.stderr)
        if github:
            print(problem.github())
    errors = any(p.severity == ERROR for p in problems)
    if problems:
        print(f"{summary(problems)}." + (" Fix the errors above, then run the check again." if errors else ""),
              file=sys.stderr)
    else:
        print("content/ is valid: 0 errors, 0 warnings.", file=sys.stderr)
    return 1 if errors else 0
