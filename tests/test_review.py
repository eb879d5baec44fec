"""Clinical review: a page says who reviewed it only while it is what they read.

The reviewer here ("t-reviewer") exists only in this test's copy of the project: the real
content ships with no reviewer, and no sign-off can name one that is not in content/reviewers.yaml.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

from build_scripts.model import load_content
from build_scripts.review import content_hash
from tests.conftest import FIXTURE_CONTENT, TODAY, copy_project, run_cli

REVIEWER = """reviewers:
  - id: t-reviewer
    name: Dr Test Reviewer
    role: GP
    registration: {body: GMC, number: "0000000"}
    interests: None
"""


def test_the_hash_ignores_review_dates_but_not_a_word() -> None:
    entry = {"title": "Caffeine", "summary": "Coffee.", "last_reviewed": "2026-01-01", "reviewed_by": "A"}
    same = dict(entry, last_reviewed="2027-01-01", reviewed_by="B")
    assert content_hash(entry) == content_hash(same)
    assert content_hash(entry) != content_hash(dict(entry, summary="Coffee!"))
    assert content_hash({"title": "A"}, "Body.") != content_hash({"title": "A"}, "Body!")


def test_a_signoff_names_a_reviewer_and_a_page_that_exist(content_copy: Path) -> None:
    (content_copy / "reviewers.yaml").write_text(REVIEWER, encoding="utf-8")
    (content_copy / "reviews.yaml").write_text(
        "signoffs:\n"
        "  - {page: causes/caffeine, reviewer: someone-else, date: 2026-11-20, hash: 'sha256:0'}\n"
        "  - {page: causes/cafeine, reviewer: t-reviewer, date: 2026-11-20, hash: 'sha256:0'}\n", encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    assert [(p.line, p.rule) for p in problems if p.path == "content/reviews.yaml"] == \
        [(2, "allowed-value"), (3, "signoff-page")]
    assert "did you mean 'causes/caffeine'?" in str(problems[-1])


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"})


def _footer(root: Path) -> tuple[str, dict]:
    html = (root / "site" / "causes" / "caffeine" / "index.html").read_text(encoding="utf-8")
    about = re.search(r'id="about-this-page".*?</ul>', html, re.S)
    assert about, "the page has its footer"
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    return re.sub(r"<[^>]+>", "", about.group(0)), ld


@pytest.mark.slow
def test_sign_edit_sign_again(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")  # the real content, built for real, on the real date
    (root / "content" / "reviewers.yaml").write_text(REVIEWER, encoding="utf-8")
    today = dt.date.today()
    day = f"{today.day} {today:%B %Y}"
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start")

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        result = run_cli("--root", root, *args)
        assert result.returncode == 0, result.stderr
        return result

    # Never reviewed: the page says so, and the JSON-LD names no reviewer.
    cli("build")
    text, ld = _footer(root)
    assert "No clinician has reviewed this page yet." in text and "reviewedBy" not in ld

    # Signed off: the reviewer, their role and the date, on the page and in the JSON-LD.
    cli("review", "sign", "causes/caffeine", "--reviewer", "t-reviewer")
    _git(root, "commit", "-qam", "sign off caffeine")
    cli("build")
    text, ld = _footer(root)
    assert f"Reviewed by Dr Test Reviewer, GP, on {day}." in text
    assert ld["reviewedBy"] == {"@type": "Person", "name": "Dr Test Reviewer, GP"} and ld["lastReviewed"] == str(today)

    # Edited: the page says it changed since, the JSON-LD drops the reviewer, the reports list it.
    entry = root / "content" / "causes" / "caffeine.yaml"
    before = entry.read_text(encoding="utf-8")
    entry.write_text(before.replace("\nsummary: ", "\nsummary: Often harmless. ", 1), encoding="utf-8")
    cli("build")
    text, ld = _footer(root)
    assert f"Changed on {day}, after Dr Test Reviewer, GP, reviewed it on {day}. The changes have not been " \
        "reviewed yet." in text
    assert "reviewedBy" not in ld
    assert f"- causes/caffeine (Dr Test Reviewer, {today})" in cli("review", "status", "--changed").stdout
    assert "content/causes/caffeine.yaml: changed since Dr Test Reviewer signed it off" in cli("report", "--due").stdout
    assert "+summary: Often harmless." in cli("review", "diff", "causes/caffeine").stdout

    # Signed again: cleared.
    cli("review", "sign", "causes/caffeine", "--reviewer", "t-reviewer")
    cli("build")
    text, ld = _footer(root)
    assert "Reviewed by Dr Test Reviewer, GP" in text and "reviewedBy" in ld
    assert "Changed since clinical sign-off: 0" in cli("review", "status").stdout


def test_signing_needs_a_real_reviewer_and_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    result = run_cli("--root", root, "review", "sign", "causes/caffeine", "--reviewer", "t-reviewer")
    assert result.returncode == 1 and "no reviewer 't-reviewer'" in result.stderr
    (root / "content" / "reviewers.yaml").write_text(REVIEWER, encoding="utf-8")
    result = run_cli("--root", root, "review", "sign", "causes/nothing", "--reviewer", "t-reviewer")
    assert result.returncode == 1 and "nothing to sign at 'causes/nothing'" in result.stderr
    assert "signoffs: []" in (root / "content" / "reviews.yaml").read_text(encoding="utf-8")
