"""The search thesaurus (content/thesaurus.yaml): each term is in one group only, and is more than
words the search box ignores, so a reader's word never means two different things."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import Subject, rule


@rule("thesaurus-terms", "In content/thesaurus.yaml, a term is in one group only and is more than words "
      "the search box ignores.", ("thesaurus",))
def check(subject: Subject) -> Iterator[Flaw]:
    from build_scripts.search_index import words  # the words the search box sees

    stop = frozenset(subject.ctx.lists.get("search-stop-words", {}))
    groups = subject.data.get("groups")
    seen: dict[str, int] = {}
    for i, group in enumerate(groups if isinstance(groups, list) else []):
        terms = group.get("terms") if isinstance(group, dict) else None
        for j, term in enumerate(terms if isinstance(terms, list) else []):
            if not isinstance(term, str):
                continue
            key = " ".join(words(term, stop))
            if not key:
                yield Flaw(("groups", i, "terms", j), f"'{term}' is only words the search box ignores "
                           "(content/locales/en.yaml, search.query); write the word readers look for")
            elif key in seen and seen[key] != i:
                yield Flaw(("groups", i, "terms", j), f"'{term}' is also in group {seen[key] + 1}: a term is in one "
                           "group only (join the groups if they mean the same)")
            elif key in seen:
                yield Flaw(("groups", i, "terms", j), f"'{term}' is in this group twice")
            else:
                seen[key] = i
