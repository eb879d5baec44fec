"""The theme copies a page's description into its HTML head as it is, so it may not hold the
characters that would end the attribute there."""
import re
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import PAGES, Subject, rule


@rule("description-in-head", "A hand-written page's description has no \" < or >.", (PAGES,),
      bad=({"description": 'About "twitches"'},), good=({"description": "About twitches"},))
def check(subject: Subject) -> Iterator[Flaw]:
    description = subject.data.get("description")
    if isinstance(description, str) and re.search(r'["<>]', description):
        yield Flaw(("description",), "write it without \" < or >: the theme copies the description into the page's "
                   "head as it is")
