"""Every invalid entry under tests/invalid/ gives exactly the messages, lines and fields it expects.

Each case file starts with comment lines:

    # Case: what is wrong
    # target: causes/caffeine.yaml        (where it goes in the fixture content tree)
    # expect: content/causes/caffeine.yaml:9: how_common: 'commn' is not an allowed value ...

The case file replaces (or is added beside) the fixture entry named by ``target``,
the whole tree is validated, and the full list of problems must equal the
``expect`` lines: nothing missing, nothing extra, in order. It must do so whether the
entries are loaded in one process or shared out over forked workers.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.model import load_content
from tests.conftest import TODAY

CASES = sorted((Path(__file__).parent / "invalid").glob("*.yaml"))


def header(raw: bytes) -> tuple[str, list[str]]:
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    target = re.search(r"^# target: (.+)$", text, re.M)
    assert target, "case file needs a '# target:' line"
    return target.group(1).strip(), re.findall(r"^# expect: (.+)$", text, re.M)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_case(case: Path, content_copy: Path) -> None:
    raw = case.read_bytes()
    target, expected = header(raw)
    assert expected, f"{case.name} has no '# expect:' lines"
    (content_copy / target).write_bytes(raw)
    for jobs in (1, 2):  # loaded here, and by two forked workers (as a big content tree is)
        _, problems = load_content(content_copy, today=TODAY, jobs=jobs)
        assert [str(p) for p in problems] == expected, f"with {jobs} process(es)"
