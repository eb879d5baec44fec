"""A treatment's evidence rating names its source, and that source is one of the entry's own, so
a reader can follow the rating to the review, trial or guideline that sets it."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule

CITED = {"title": "Twitching", "publisher": "NHS", "url": "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"}


@rule("evidence-source", "A treatment's evidence.source is the url of one of its own sources.", ("treatment",),
      bad=({"evidence": {"shows": "may help", "certainty": "low", "source": "https://www.nhs.uk/other/",
                         "reason": "Small trials."}},),
      good=({"evidence": {"shows": "may help", "certainty": "low", "source": CITED["url"], "reason": "Small trials."},
             "sources": [CITED, {"title": "Muscle twitching", "publisher": "MedlinePlus",
                                 "url": "https://medlineplus.gov/ency/article/003296.htm"}]},))
def check(subject: Subject) -> Iterator[Flaw]:
    evidence, sources = subject.data.get("evidence"), subject.data.get("sources")
    if not isinstance(evidence, dict) or not isinstance(evidence.get("source"), str):
        return
    urls = [s.get("url") for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []
    if evidence["source"] not in urls:
        yield Flaw(("evidence", "source"), "this is not one of the entry's sources: add it under 'sources' "
                   "(the review, trial or guideline that sets the rating), or use the url of one listed there")
