"""content/nav.yaml lists pages and entry types that exist, each once, each with a title."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.fields import closest
from build_scripts.rules.registry import Subject, rule
from build_scripts.schema import BY_NAME


@rule("nav-items", "content/nav.yaml lists pages ('about.md') and entry types ('type: cause'), each once, "
      "each with a title in the locale.", ("nav",))
def check(subject: Subject) -> Iterator[Flaw]:
    menu = subject.data.get("menu")
    if not isinstance(menu, list) or not menu:
        yield Flaw(("menu",), "write the menu as a list of pages ('- about.md') and types ('- type: cause')")
        return
    outside = subject.data.get("outside_menu", [])
    if not isinstance(outside, list) or not all(isinstance(p, str) and p.endswith(".md") for p in outside):
        yield Flaw(("outside_menu",), "list the pages left out of the menu on purpose, such as '- about.md'")
    titles = subject.ctx.lists.get("nav-titles", {})
    seen: set[str] = set()
    for i, item in enumerate(menu):
        if isinstance(item, dict) and set(item) == {"type"}:
            if item["type"] not in BY_NAME:
                near = closest(str(item["type"]), list(BY_NAME))
                yield Flaw(("menu", i, "type"), f"there is no entry type '{item['type']}' (types: {', '.join(BY_NAME)})"
                           + (f"; did you mean '{near[0]}'?" if near else ""))
                continue
            page = f"{BY_NAME[item['type']].folder}/index.md"
        elif isinstance(item, str) and item.endswith(".md"):
            page = item
        else:
            yield Flaw(("menu", i), "each item is a page such as 'about.md', or 'type: cause'")
            continue
        if page in seen:
            yield Flaw(("menu", i), f"'{page}' is in the menu twice")
        seen.add(page)
        if titles and page not in titles:
            yield Flaw(("menu", i), f"'{page}' has no title: add '{page}: ...' under 'nav' in the locale")
