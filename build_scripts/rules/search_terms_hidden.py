"""A search term is a misspelling or a phrase readers type, and is never shown; a real name goes
in also_called, which the page shows. One word in both would show a misspelling or hide a name."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule


@rule("search-terms-hidden", "A search term is not also the title or in also_called.", (ENTRIES, PAGES),
      bad=({"search_terms": ["Caffeine"]},), good=({"search_terms": ["caffiene"]},))
def check(subject: Subject) -> Iterator[Flaw]:
    data = subject.data
    names = data.get("also_called")
    shown = {str(name).strip().casefold() for name in [data.get("title"), *(names if isinstance(names, list) else [])]}
    terms = data.get("search_terms")
    for i, term in enumerate(terms if isinstance(terms, list) else []):
        if isinstance(term, str) and term.strip().casefold() in shown:
            yield Flaw(("search_terms", i), f"'{term}' is also the title or in also_called; keep a real name in "
                       "also_called only, and misspellings and phrases in search_terms only")
