"""An overdue review is a warning (an error with --strict, as the scheduled check runs it)."""
import datetime as dt
from collections.abc import Iterator

from build_scripts.errors import WARNING, Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule


@rule("review-due", "next_review_due has not passed (a warning; an error with --strict).", (ENTRIES, PAGES, "triage"),
      severity=WARNING, bad=({"next_review_due": dt.date(2020, 1, 1)},),
      good=({"next_review_due": dt.date(2027, 1, 1)},))
def check(subject: Subject) -> Iterator[Flaw]:
    due = subject.data.get("next_review_due")
    if isinstance(due, dt.date) and due < subject.today:
        yield Flaw(("next_review_due",), f"review was due on {due}; check the entry against its sources, "
                   "then update last_reviewed and next_review_due")
