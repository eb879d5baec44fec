"""Clinical review: who checked what, and whether it is still what they checked.

A sign-off (content/reviews.yaml) records a reviewer from content/reviewers.yaml, a date and a
hash of what a reader reads on that entry or page: its fields, apart from the review dates, and
a page's text. While the hash matches, the page says who reviewed it and when. After any edit it
says plainly that it has changed since, and with no sign-off that no clinician has reviewed it.

``python -m build_scripts review sign causes/caffeine --reviewer <id>`` writes a sign-off;
``review diff causes/caffeine`` shows what changed since (from git); ``review status`` lists
what is signed off, changed since, or never reviewed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# Fields that record a review rather than say anything to readers: editing them keeps a sign-off.
REVIEW_FIELDS = frozenset({"last_reviewed", "next_review_due", "reviewed_by"})
REVIEWERS_FILE = "reviewers.yaml"
SIGNOFFS_FILE = "reviews.yaml"

CURRENT, CHANGED, NONE = "current", "changed", "none"


def content_hash(data: dict[str, Any], body: str = "") -> str:
    """The hash of what a reader reads: the fields but the review fields, and a page's body."""
    fields = {key: value for key, value in data.items() if key not in REVIEW_FIELDS}
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str) + "\n" + body
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Status:
    """The clinical review of one entry or page, as its footer states it."""

    state: str  # CURRENT, CHANGED or NONE
    reviewer: dict[str, Any] | None = None
    date: dt.date | None = None

    @property
    def current(self) -> bool:
        return self.state == CURRENT


def status(key: str, current_hash: str, signoffs: dict[str, dict[str, Any]],
           reviewers: dict[str, dict[str, Any]]) -> Status:
    signed = signoffs.get(key)
    if not signed or signed.get("reviewer") not in reviewers:
        return Status(NONE)
    state = CURRENT if signed.get("hash") == current_hash else CHANGED
    return Status(state, reviewers[signed["reviewer"]], signed.get("date"))


def reviewable(root: Path, today: dt.date | None = None) -> tuple[Any, dict[str, str], dict[str, str], list[Any]]:
    """The English content, and what a reviewer can sign off: each entry and page as it reads now
    (hashed as a sign-off records it), in English and in each translation (``es/causes/caffeine``),
    with the file each is written in; and every problem found loading them."""
    from build_scripts.language import load_all

    content, others, problems = load_all(root / "content", today=today)
    hashes = content.hashes()
    sources = {key: content.source_of(key) or "" for key in hashes}
    for language in others:
        for key, value in language.content.hashes().items():
            hashes[f"{language.code}/{key}"] = value
            sources[f"{language.code}/{key}"] = language.content.source_of(key) or ""
    return content, hashes, sources, problems


def sign(root: Path, key: str, reviewer: str, today: dt.date) -> int:
    """Add or replace ``key``'s sign-off in content/reviews.yaml, with the hash of it as it is now.
    A translation is signed off as its language and page: ``es/causes/caffeine``."""
    from build_scripts.errors import report

    content, hashes, _, problems = reviewable(root, today)
    if report(problems):
        print("Fix the problems above before signing off.", file=sys.stderr)
        return 1
    if reviewer not in content.reviewers:
        known = ", ".join(content.reviewers) or "none yet"
        print(f"error: no reviewer '{reviewer}' in content/{REVIEWERS_FILE} (reviewers: {known}); "
              "a reviewer adds themselves there first", file=sys.stderr)
        return 1
    if key not in hashes:
        print(f"error: nothing to sign at '{key}': give an entry as causes/caffeine, a page as pages/about, "
              "or a translation as es/causes/caffeine",
              file=sys.stderr)
        return 1
    path = root / "content" / SIGNOFFS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    signoffs = [s for s in ((data or {}).get("signoffs") or []) if s.get("page") != key]
    signoffs.append({"page": key, "reviewer": reviewer, "date": today, "hash": hashes[key]})
    signoffs.sort(key=lambda s: s["page"])
    header = ("# Clinical sign-offs, written by `python -m build_scripts review sign`. Each records who\n"
              "# reviewed an entry or page, when, and a hash of what they read. Do not edit by hand.\n")
    body = yaml.safe_dump({"signoffs": signoffs}, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + body, encoding="utf-8")
    print(f"Signed off {key} for {content.reviewers[reviewer]['name']} on {today}.", file=sys.stderr)
    return 0


def diff(root: Path, key: str) -> int:
    """What changed in ``key``'s file since its sign-off was written (git)."""
    content, hashes, sources, _ = reviewable(root)
    signed = content.signoffs.get(key)
    source = sources.get(key)
    if signed is None or source is None:
        print(f"{key} has no sign-off to compare with.", file=sys.stderr)
        return 1
    found = subprocess.run(["git", "log", "-1", "--format=%H", "-S", str(signed["hash"]), "--",
                            f"content/{SIGNOFFS_FILE}"], cwd=root, capture_output=True, text=True)
    commit = found.stdout.strip()
    if found.returncode or not commit:
        print(f"The sign-off of {key} is not committed yet: nothing to compare with.", file=sys.stderr)
        return 1
    shown = subprocess.run(["git", "diff", "--stat", "-p", commit, "--", source], cwd=root, text=True)
    if shown.returncode == 0:
        state = status(key, hashes[key], content.signoffs, content.reviewers).state
        print(f"({key} is {'unchanged since' if state == CURRENT else 'changed since'} its sign-off, "
              f"commit {commit[:10]}.)", file=sys.stderr)
    return shown.returncode


def report_status(root: Path, changed_only: bool = False) -> int:
    """Each entry and page: signed off and unchanged, changed since sign-off, or never reviewed."""
    content, hashes, _, _ = reviewable(root)
    rows = {CURRENT: [], CHANGED: [], NONE: []}  # type: dict[str, list[str]]
    for key, current_hash in sorted(hashes.items()):
        found = status(key, current_hash, content.signoffs, content.reviewers)
        rows[found.state].append(f"{key} ({found.reviewer['name']}, {found.date})" if found.reviewer else key)
    print(f"Changed since clinical sign-off: {len(rows[CHANGED])}")
    for line in rows[CHANGED]:
        print(f"- {line}")
    if not changed_only:
        print(f"Signed off and unchanged: {len(rows[CURRENT])}")
        for line in rows[CURRENT]:
            print(f"- {line}")
        print(f"Never reviewed by a clinician: {len(rows[NONE])}")
    return 0


def changed_dates(root: Path) -> dict[str, dt.date]:
    """The date each file under content/ last changed: its last commit, or today if it has
    uncommitted changes. Empty outside a git checkout. One git call for the whole tree."""
    log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "content"],
                         cwd=root, capture_output=True, text=True)
    if log.returncode:
        return {}
    dates: dict[str, dt.date] = {}
    for block in log.stdout.split("\0")[1:]:
        day, *files = block.strip().splitlines()
        for name in files:
            dates.setdefault(name, dt.date.fromisoformat(day))
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "content"], cwd=root, capture_output=True, text=True)
    for line in dirty.stdout.splitlines():
        dates[line[3:].strip()] = dt.date.today()
    return dates
