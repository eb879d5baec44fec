"""Each source is on a listed publisher's own site, and names that publisher: never a copy, a blog
or a shop. A new publisher is added to content/publishers.yaml in its own pull request."""
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, SOURCES_HEADING, Subject, rule

PUBLISHERS = "content/publishers.yaml"


@rule("source-host", f"A source is on the site of a publisher listed in {PUBLISHERS}, and names it.",
      (ENTRIES, PAGES, "thesaurus"),
      bad=({"sources": [{"title": "Twitching", "publisher": "NHS", "url": "https://example-health-blog.com/twitch"}]},),
      good=({"sources": [{"title": "Twitching", "publisher": "NHS", "url": "https://www.nhs.uk/conditions/x/"}]},))
def check(subject: Subject) -> Iterator[Flaw]:
    if not subject.hosts:
        return  # publishers.yaml did not load; its own problem is reported
    if subject.body_start >= 0:
        yield from _page_sources(subject)
        return
    if subject.kind == "thesaurus":  # each group's one source
        groups = subject.data.get("groups")
        located = [(("groups", i, "source"), g.get("source")) for i, g in enumerate(groups if isinstance(groups, list) else [])
                   if isinstance(g, dict)]
    else:
        sources = subject.data.get("sources")
        located = [(("sources", i), s) for i, s in enumerate(sources if isinstance(sources, list) else [])]
    for at, source in located:
        if not isinstance(source, dict) or not isinstance(source.get("url"), str):
            continue
        parts = urlsplit(source["url"])
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or "." not in host:
            continue  # url-format reports it
        owner = subject.hosts.get(host)
        if owner is None:
            yield Flaw((*at, "url"), f"'{host}' is not the site of a publisher listed in {PUBLISHERS}; cite "
                       "the publisher's own page, never a copy, blog or shop (a new publisher is added to that file "
                       "in its own pull request)")
        elif isinstance(source.get("publisher"), str) and source["publisher"] != owner \
                and source["publisher"] in subject.hosts.values():
            yield Flaw((*at, "publisher"), f"'{host}' belongs to '{owner}'; write publisher: {owner}")


def _page_sources(subject: Subject) -> Iterator[Flaw]:
    text = subject.doc.text
    sources = SOURCES_HEADING.search(text, subject.body_start)
    if not sources:
        return
    section_end = re.compile(r"^## ", re.M).search(text, sources.end())
    for link in re.finditer(r"\]\((https?://[^)\s]+)\)", text[sources.end():section_end.start() if section_end else None]):
        line = text.count("\n", 0, sources.end() + link.start()) + 1
        host = (urlsplit(link.group(1)).hostname or "").lower()
        if host not in subject.hosts:
            yield Flaw(("body", line), f"sources: '{host}' is not the site of a publisher listed in {PUBLISHERS}; "
                       "cite the publisher's own page, never a copy")
