"""Property-based: whatever a file holds, the validator answers with located problems, never a traceback or a hang.

Random text, YAML-looking fragments, random bytes, random data dumped to YAML,
deep nesting, huge values and alias bombs are written as a cause entry (and as
a page's front matter) in a copy of the fixture content. ``derandomize`` keeps
the examples the same on every run, so CI is stable.
"""
from __future__ import annotations

import os

import datetime as dt
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.abbreviations import WORD, words_in
from build_scripts.model import load_content
from tests.conftest import FIXTURE_CONTENT, TODAY

LOCATED = re.compile(r"^content/.+:\d+: ")
PER_EXAMPLE_SECONDS = 10

# `make test-fast` sets FUZZ_SHARE=0.25: a quarter of the examples, for a quick look while working;
# `make test` (and CI) runs them all.
SHARE = float(os.environ.get("FUZZ_SHARE", "1"))


def examples(count: int) -> int:
    return max(5, int(count * SHARE))


FUZZ = settings(
    max_examples=examples(200),
    derandomize=True,
    database=None,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YAML_PIECES = [
    "title", "summary", "sources", "care", "emergency", "- ", ": ", ":", "? ", ",", "[", "]", "{", "}", "\n",
    "  ", "    ", "\t", "#", "'", '"', "|", "|-", ">", "---", "...", "&a ", "*a", "&b ", "*b", "<<: *a", "!!str ",
    "!!binary ", "!!python/object:os.system ", "!!timestamp ", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "~", "null",
    "2026-02-30", "2026-11-21", "yes", "1e999", "0x1F", ".nan", "\\", "\x00", "\ufeff", "\u2028", "\r", "é", "😀",
    "<script>", "javascript:", "https://www.nhs.uk/", "[a](b)",
]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.dates(), st.sampled_from(["TODO", "common", "caffeine", "NHS", "https://www.nhs.uk/x", "<b>", "2026-13-01"]),
)
keys = st.one_of(st.sampled_from(["title", "summary", "care", "sources", "url", "emergency", "id"]), st.text(max_size=12))
nested = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=5)),
    max_leaves=30,
)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail an example that runs too long, rather than hang the test run."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the validator took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def validate(tree: Path, rel: str, raw: bytes) -> list[str]:
    """Write ``raw`` into the tree at ``rel``, validate the whole tree, and return the problems as printed."""
    path = tree / rel
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(raw)
    try:
        with time_limit(PER_EXAMPLE_SECONDS):
            _, problems = load_content(tree, today=TODAY)
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)
    lines = [str(problem) for problem in problems]
    assert [line for line in lines if not LOCATED.match(line)] == []
    return lines


def assert_rejected(tree: Path, raw: bytes) -> None:
    assert validate(tree, "causes/fuzz.yaml", raw), "a random file was accepted as a cause"


def dump(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@FUZZ
@given(st.text(max_size=400))
def test_random_text(tree: Path, text: str) -> None:
    assert_rejected(tree, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=60).map("".join))
def test_yaml_looking_fragments(tree: Path, text: str) -> None:
    assert_rejected(tree, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(tree: Path, raw: bytes) -> None:
    assert_rejected(tree, raw)


@FUZZ
@given(nested)
def test_random_data_dumped_to_yaml(tree: Path, data: object) -> None:
    assert_rejected(tree, dump(data))


@settings(FUZZ, max_examples=examples(100))  # the slowest to generate
@given(st.dictionaries(keys, nested, min_size=1, max_size=8), st.sampled_from(["title", "sources", "care"]), nested)
def test_random_fields_in_an_otherwise_valid_cause(tree: Path, extra: dict, name: str, value: object) -> None:
    cause = yaml.safe_load((FIXTURE_CONTENT / "causes" / "caffeine.yaml").read_text())
    cause.update(extra)
    cause[name] = value
    validate(tree, "causes/caffeine.yaml", dump(cause))  # may be valid by chance; must never crash


@settings(FUZZ, max_examples=examples(20))
@given(st.integers(1, 400), st.sampled_from(["[", "{a: ", "- ", "a:\n "]))
def test_deep_nesting(tree: Path, depth: int, opener: str) -> None:
    if opener == "a:\n ":
        text = "".join(f"{' ' * i}a:\n" for i in range(depth)) + " " * depth + "x\n"
    elif opener == "- ":
        text = "".join(f"{'  ' * i}-\n" for i in range(depth)) + "  " * depth + "x\n"
    else:
        text = opener * depth + "x" + ("]" if opener == "[" else "}") * depth
    assert_rejected(tree, text.encode())


@settings(FUZZ, max_examples=examples(10))
@given(st.integers(100_000, 3_000_000), st.sampled_from(["title: ", "summary: |\n  ", "also_called:\n  - "]))
def test_huge_values(tree: Path, size: int, prefix: str) -> None:
    assert_rejected(tree, (prefix + "a" * size + "\n").encode())


@settings(FUZZ, max_examples=examples(10))
@given(st.integers(1, 30), st.integers(2, 10))
def test_alias_bombs(tree: Path, levels: int, width: int) -> None:
    lines = ["a0: &a0 [lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    assert_rejected(tree, ("\n".join(lines) + f"\ntitle: *a{levels - 1}\n").encode())


@FUZZ
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join),
                 nested.map(lambda data: yaml.safe_dump(data, allow_unicode=True))))
def test_random_page_front_matter(tree: Path, front: str) -> None:
    page = f"---\n{front}\n---\n\n# Advice\n\n## Sources\n\n1. [x](https://www.nhs.uk/)\n"
    assert validate(tree, "pages/advice.md", page.encode("utf-8", "surrogatepass"))


@settings(FUZZ, max_examples=examples(20))
@given(st.binary(max_size=300))
def test_random_page_bytes(tree: Path, raw: bytes) -> None:
    validate(tree, "pages/advice.md", raw)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.text(max_size=40))
def test_the_glossary_word_scan_finds_the_words_a_regex_finds(text: str) -> None:
    # abbreviations.words_in translates and splits instead of running \w+ (twice as fast).
    assert words_in(text) == set(WORD.findall(text))
