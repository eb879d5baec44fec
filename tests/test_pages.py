"""Hand-written pages under content/pages/: the checks on their front matter and sources.

Each case writes one page into a copy of the fixture tree and compares the
complete list of problems, with file, line and field.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.model import load_content
from tests.conftest import TODAY

REVIEWED = "last_reviewed: 2026-01-15\nnext_review_due: 2029-01-15\nreviewed_by: Test reviewer\n"
SOURCES = "\n# Advice\n\nRest.\n\n## Sources { data-search-exclude }\n\n1. NHS: [Twitching](https://www.nhs.uk/x/)\n"

CASES = {
    "no-front-matter": (
        "# Advice\n\nRest.\n",
        ["content/pages/advice.md:1: start the page with front matter: '---', 'title: ...', "
         "'description: ...', '---' [page-front-matter]"],
    ),
    "missing-description": (
        "---\ntitle: Advice\n---\n\n# Advice\n",
        ["content/pages/advice.md:2: description: missing required field [field-required]"],
    ),
    "sources-without-review-dates": (
        "---\ntitle: Advice\ndescription: Rest.\n---\n" + SOURCES,
        [f"content/pages/advice.md:2: {name}: missing required field: a page with sources shows when it was reviewed [field-required]"
         for name in ("last_reviewed", "next_review_due", "reviewed_by")],
    ),
    "source-on-a-copy": (
        "---\ntitle: Advice\ndescription: Rest.\n" + REVIEWED + "---\n"
        + SOURCES + "1. NHS: [Copy](https://notinline.org/health-conditions/twitching)\n",
        ["content/pages/advice.md:16: sources: 'notinline.org' is not the site of a publisher listed in "
         "content/publishers.yaml; cite the publisher's own page, never a copy [source-host]"],
    ),
    "review-too-far": (
        "---\ntitle: Advice\ndescription: Rest.\n" + REVIEWED.replace("2029-01-15", "2030-01-15") + "---\n" + SOURCES,
        ["content/pages/advice.md:5: next_review_due: 2030-01-15 is more than 3 years after last_reviewed; "
         "use 2029-01-15 or sooner [review-dates]"],
    ),
    "broken-front-matter": (
        "---\ntitle: Advice\ndescription: [Rest\n---\n\n# Advice\n",
        ["content/pages/advice.md:4: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 3) [yaml-file]"],
    ),
    "valid-with-sources": ("---\ntitle: Advice\ndescription: Rest.\n" + REVIEWED + "---\n" + SOURCES, []),
    "valid-without-sources": ("---\ntitle: Advice\ndescription: Rest.\n---\n\n# Advice\n", []),
}


@pytest.mark.parametrize("name", CASES)
def test_page_checks(name: str, content_copy: Path) -> None:
    text, expected = CASES[name]
    (content_copy / "pages" / "advice.md").write_text(text, encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    assert [str(p) for p in problems if "advice.md" in p.path] == expected


def test_intro_files_are_not_pages(content_copy: Path) -> None:
    """Files under pages/_intro/ are pieces of generated pages: no front matter needed."""
    (content_copy / "pages" / "_intro" / "causes.md").write_text("Some intro.\n", encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    assert problems == []


def test_a_page_that_is_not_utf8_gets_a_located_message(content_copy: Path) -> None:
    (content_copy / "pages" / "advice.md").write_bytes(b"---\ntitle: Advice\ndescription: Caf\xe9\n---\n")
    _, problems = load_content(content_copy, today=TODAY)
    assert [str(p) for p in problems] == [
        "content/pages/advice.md:3: not valid UTF-8 (byte 0xe9); save the file as UTF-8 [yaml-file]"
    ]
