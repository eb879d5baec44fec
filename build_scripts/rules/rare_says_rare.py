"""A rare cause says in its summary that it is rare, so worried readers see it first."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule
from build_scripts.rules.wording import wording


@rule("rare-says-rare", "A rare cause says so in its summary.", ("cause",),
      bad=({"how_common": "rare", "summary": "Caffeine can make muscles twitch."},),
      good=({"how_common": "rare", "summary": "This is rare. Caffeine can make muscles twitch."},))
def check(subject: Subject) -> Iterator[Flaw]:
    summary = subject.data.get("summary")
    words = wording(subject.language)
    if subject.data.get("how_common") == "rare" and isinstance(summary, str) and not words.rare.search(summary):
        yield Flaw(("summary",), f"this cause is rare: say so in the summary (for example, '{words.rare_example}')")
