"""bench/README.md holds the benchmark's table: `make bench` writes it between the markers, and the
file explains every column the table has. The benchmark itself is a script, not a test (see
bench/run.py)."""
from __future__ import annotations

import re
from pathlib import Path

from bench import run
from tests.conftest import ROOT

RESULTS = ROOT / "bench" / "README.md"


def test_make_bench_writes_into_bench_readme() -> None:
    assert run.RESULTS == RESULTS
    target = re.search(r"^bench:.*\n\t(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert target and target.group(1).split() == ["$(PY)", "-m", "bench", "--write"]
    text = RESULTS.read_text(encoding="utf-8")
    assert text.count(run.START) == 1 and text.count(run.END) == 1
    assert text.index(run.START) < text.index(run.END)
    assert run.START not in (ROOT / "README.md").read_text(encoding="utf-8")


def test_write_results_replaces_only_the_marked_block(tmp_path: Path) -> None:
    copy = tmp_path / "README.md"
    copy.write_text(RESULTS.read_text(encoding="utf-8"), encoding="utf-8")
    run.write_results("| a new table |", copy)
    before, after = (RESULTS.read_text(encoding="utf-8").split(marker, 1) for marker in (run.START, run.END))
    written = copy.read_text(encoding="utf-8")
    assert written == f"{before[0]}{run.START}\n| a new table |\n{run.END}{after[1]}"


def test_every_column_is_explained() -> None:
    header = run.table([], None).splitlines()[0]
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    text = RESULTS.read_text(encoding="utf-8")
    explained = text[text.index("## What the columns mean"):text.index(run.START)]
    rows = [line.split("|")[1].strip() for line in explained.splitlines() if line.startswith("| ")][1:]
    assert rows == columns
