"""A rare cause says in its summary that it is rare, so worried readers see it first."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule


@rule("rare-says-rare", "A rare cause says so in its summary.", ("cause",),
      bad=({"how_common": "rare", "summary": "Caffeine can make muscles twitch."},),
      good=({"how_common": "rare", "summary": "This is rare. Caffeine can make muscles twitch."},))
def check(subject: Subject) -> Iterator[Flaw]:
    summary = subject.data.get("summary")
    if subject.data.get("how_common") == "rare" and isinstance(summary, str) and "rare" not in summary.lower():
        yield Flaw(("summary",), "this cause is rare: say so in the summary (for example, 'This is rare.')")
