"""The command line as a contributor meets it: exit codes, located messages, a count, no traceback."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_CONTENT, ROOT, copy_project, run_cli

FIXED = {"BUILD_SCRIPTS_TODAY": "2026-11-21"}


def project_with(tmp_path: Path, edit: dict[str, tuple[str, str]] | None = None) -> Path:
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    for rel, (old, new) in (edit or {}).items():
        path = root / "content" / rel
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))
    return root


def test_check_passes_on_the_real_content() -> None:
    result = run_cli("--root", ROOT, "check")
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stderr


def test_check_reports_every_problem_with_its_location_then_a_count(tmp_path: Path) -> None:
    root = project_with(tmp_path, {
        "causes/caffeine.yaml": ("  - id: stretching", "  - id: stretchng"),
        "treatments/stretching.yaml": ("kind: self-care", "kind: selfcare"),
    })
    result = run_cli("--root", root, "check", env=FIXED)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/causes/caffeine.yaml:23: treatments[2].id: unknown treatment 'stretchng' (known: cutting-down-caffeine, "
        'stretching); to add a new one, run make new TYPE=treatment TITLE="Its name" [ref-exists]',
        "content/treatments/stretching.yaml:4: kind: 'selfcare' is not an allowed value "
        "(allowed: self-care, lifestyle, medicine, therapy, procedure, complementary) [allowed-value]",
        "2 errors, 0 warnings. Fix the errors above, then run the check again.",
    ]
    assert result.stdout == ""


def test_github_annotations_name_file_and_line(tmp_path: Path) -> None:
    root = project_with(tmp_path, {"causes/caffeine.yaml": ("how_common: common", "how_common: often")})
    result = run_cli("--root", root, "check", "--github", env=FIXED)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/causes/caffeine.yaml,line=4::how_common: 'often' is not an allowed value "
        "(allowed: common, less common, rare) [allowed-value]"
    ]


def test_overdue_review_warns_and_fails_only_with_strict(tmp_path: Path) -> None:
    root = project_with(tmp_path)
    late = {"BUILD_SCRIPTS_TODAY": "2029-06-01"}  # after the fixtures' next_review_due
    relaxed = run_cli("--root", root, "check", env=late)
    assert relaxed.returncode == 0
    assert "warning: next_review_due: review was due on 2029-01-15" in relaxed.stderr
    strict = run_cli("--root", root, "check", "--strict", env=late)
    assert strict.returncode == 1
    assert "content/causes/caffeine.yaml:34: next_review_due: review was due on 2029-01-15" in strict.stderr


def test_unreadable_content_never_shows_a_traceback(tmp_path: Path) -> None:
    root = project_with(tmp_path)
    (root / "content" / "causes" / "caffeine.yaml").write_bytes(b"title: [\xff\n")
    (root / "content" / "taxonomy.yaml").unlink()
    result = run_cli("--root", root, "check", env=FIXED)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/causes/caffeine.yaml:1: not valid UTF-8 (byte 0xff); save the file as UTF-8" in result.stderr
    assert "content/taxonomy.yaml:1: file is missing" in result.stderr
