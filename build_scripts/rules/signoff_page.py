"""A sign-off names an entry or page that exists, so a sign-off cannot sit on a page by mistake."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.fields import closest
from build_scripts.rules.registry import Subject, rule


@rule("signoff-page", "A sign-off in content/reviews.yaml names an entry (causes/caffeine) or a page "
      "(pages/about) that exists.", ("reviews",))
def check(subject: Subject) -> Iterator[Flaw]:
    known = subject.ctx.lists.get("reviewable", {})
    signoffs = subject.data.get("signoffs")
    for i, signoff in enumerate(signoffs if isinstance(signoffs, list) else []):
        page = signoff.get("page") if isinstance(signoff, dict) else None
        if isinstance(page, str) and page not in known:
            near = closest(page, list(known))
            yield Flaw(("signoffs", i, "page"), f"there is no entry or page '{page}'"
                       + (f" (did you mean '{near[0]}'?)" if near else ""))
