"""What the field kinds cannot see in content/triage.yaml (see ``build_scripts.triage.check``)."""
from collections.abc import Iterator

from build_scripts import triage
from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule


@rule("triage-model", "In content/triage.yaml: every sign can be reached in the navigator, every emergency sign "
      "has a tick box, answers and sources are known, and each source is on its publisher's own site.", ("triage",))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, message in triage.check(subject.data, subject.hosts):
        yield Flaw(loc, message)
