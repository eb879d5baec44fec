"""A page asks the generator for generated parts (care cards, the list of triage sources) with
markers; an unknown one would be left out silently."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import PAGES, Subject, rule

# What a hand-written page may ask the generator to fill in (render.MARKER writes them).
MARKERS = {"care-cards": ("all", "key"), "triage-sources": ("",)}
MARKER_LINE = re.compile(r"<!--\s*([a-z-]+)(?::\s*([a-z0-9-]*))?\s*-->")


@rule("page-markers", "A page's `<!-- ... -->` markers are ones the generator knows: care-cards (all, key, or "
      "a cause's id for that cause's cards) and triage-sources.", (PAGES,),
      bad=("<!-- care-cards: some -->", "<!-- cards -->"),
      good=("<!-- care-cards: key -->", "<!-- triage-sources -->", "<!-- care-cards: caffeine -->"))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, text in subject.texts():
        for marker in MARKER_LINE.finditer(text):
            name, arg = marker.group(1), marker.group(2) or ""
            if name not in MARKERS:
                yield Flaw(loc, f"unknown marker '{name}' (known: {', '.join(MARKERS)})", at=marker.group(0))
            elif arg not in MARKERS[name] and not (name == "care-cards" and arg in subject.ctx.ids.get("cause", [])):
                allowed = ", ".join(f"<!-- {name}: {a} -->" if a else f"<!-- {name} -->" for a in MARKERS[name])
                allowed += ", or <!-- care-cards: <a cause's id> -->" if name == "care-cards" else ""
                yield Flaw(loc, f"'{marker.group(0)}' is not a marker this page can use: write {allowed}",
                           at=marker.group(0))
