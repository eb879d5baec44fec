"""content/rules.yaml sets rule severities: each key is a rule that exists."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.fields import closest
from build_scripts.rules.registry import RULES, Subject, rule


@rule("rule-levels", "content/rules.yaml names only rules that exist.", ("rules",))
def check(subject: Subject) -> Iterator[Flaw]:
    for key in subject.data:
        if isinstance(key, str) and key not in RULES:
            near = closest(key, list(RULES))
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            yield Flaw((key,), f"there is no rule '{key}'{hint}; the rules are listed in CONTRIBUTING.md")
