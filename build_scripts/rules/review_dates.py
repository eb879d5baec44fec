"""Review dates make sense: none in the future, the next one after the last and within the cycle."""
import datetime as dt
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule
from build_scripts.schema import REVIEW_CYCLE_YEARS


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@rule("review-dates", f"last_reviewed is not in the future; next_review_due comes after it, within "
      f"{REVIEW_CYCLE_YEARS} years.", (ENTRIES, PAGES, "triage"),
      bad=({"next_review_due": dt.date(2020, 1, 1)},), good=({"next_review_due": dt.date(2027, 1, 1)},))
def check(subject: Subject) -> Iterator[Flaw]:
    last, due = subject.data.get("last_reviewed"), subject.data.get("next_review_due")
    if isinstance(last, dt.date) and last > subject.today:
        yield Flaw(("last_reviewed",), f"{last} is in the future (today is {subject.today})")
    if isinstance(last, dt.date) and isinstance(due, dt.date):
        latest = add_years(last, REVIEW_CYCLE_YEARS)
        if due <= last:
            yield Flaw(("next_review_due",), f"{due} must be after last_reviewed ({last})")
        elif due > latest:
            yield Flaw(("next_review_due",), f"{due} is more than {REVIEW_CYCLE_YEARS} years after last_reviewed; "
                       f"use {latest} or sooner")
