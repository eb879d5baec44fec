"""Two builds of the same commit give byte-identical sites (dates come from the commit, not the clock)."""
from __future__ import annotations

import pytest

import os
import subprocess
import time
from pathlib import Path

from tests.conftest import ROOT, run_cli


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    sites = []
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    for name in ("first", "second"):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, env=env)
        result = run_cli("--root", clone, "build", env={"SOURCE_DATE_EPOCH": ""})
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(files(clone / "site"))
        time.sleep(1.1)  # a build that stamped the clock would now differ
    first, second = sites
    assert first.keys() == second.keys()
    different = [path for path in first if first[path] != second[path]]
    assert different == []
