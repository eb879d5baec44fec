"""Review upkeep: ``python -m build_scripts report --due`` lists what must be reviewed soon.

An entry or a hand-written page is listed when its ``next_review_due`` has
passed or falls within the window (60 days by default), soonest first, each as
``path:line: next_review_due: DATE (overdue by N days | due in N days)``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from build_scripts.yaml_file import Document, LoadError, utf8
from build_scripts.model import current_date, front_matter, load_content, page_files
from build_scripts.review import CHANGED

FIELD = "next_review_due"
DEFAULT_WINDOW_DAYS = 60


@dataclass(frozen=True, order=True)
class Due:
    """One file whose review falls due by the end of the window."""

    date: dt.date
    path: str
    line: int

    def describe(self, today: dt.date) -> str:
        days = (self.date - today).days
        when = "due today" if days == 0 else f"overdue by {_days(-days)}" if days < 0 else f"due in {_days(days)}"
        return f"{self.path}:{self.line}: {FIELD}: {self.date} ({when})"


def _days(count: int) -> str:
    return f"{count} day{'s' * (count != 1)}"


def due_reviews(content_dir: Path, today: dt.date, within_days: int) -> list[Due]:
    """Entries and pages under ``content_dir`` due for review by ``today + within_days``, soonest first."""
    until = today + dt.timedelta(days=within_days)
    content, _ = load_content(content_dir, today=today)  # problems are `check`'s business; list what loads
    docs = [entry.doc for entries in content.entries.values() for entry in entries.values()]
    return sorted(Due(date, doc.path, doc.line((FIELD,)))
                  for doc in [*docs, *_page_front_matter(content_dir)]
                  if isinstance(doc.data, dict) and isinstance(date := doc.data.get(FIELD), dt.date) and date <= until)


def _page_front_matter(content_dir: Path) -> Iterator[Document]:
    for path, rel in page_files(content_dir):
        try:
            found = front_matter(utf8(path.read_bytes()), rel)
        except LoadError:
            continue  # `check` reports it
        if found is not None:
            yield found[0]


def report_due(root: Path, within_days: int = DEFAULT_WINDOW_DAYS) -> int:
    """Print the reviews due within ``within_days`` days and a count; always 0 (it is a report, not a check)."""
    today = current_date()
    due = due_reviews(root / "content", today, within_days)
    for item in due:
        print(item.describe(today))
    until = today + dt.timedelta(days=within_days)
    overdue = sum(item.date < today for item in due)
    if due:
        print(f"{len(due)} review{'s' * (len(due) != 1)} due within {within_days} days (by {until}), "
              f"{overdue} of them overdue.")
    else:
        print(f"No reviews due within {within_days} days (by {until}).")
    content, _ = load_content(root / "content", today=today)
    changed = [key for key, now in sorted(content.hashes().items()) if content.review(key, now).state == CHANGED]
    for key in changed:
        signed = content.signoffs[key]
        print(f"{content.source_of(key)}: changed since {content.reviewers[signed['reviewer']]['name']} signed it off "
              f"on {signed['date']} (python -m build_scripts review diff {key})")
    if changed:
        print(f"{len(changed)} signed-off entr{'ies' if len(changed) != 1 else 'y'} or page(s) changed since review.")
    return 0
