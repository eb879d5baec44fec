"""`report --due`: the entries and pages whose review falls due, soonest first, with a count."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_CONTENT, copy_project, run_cli


def project(tmp_path: Path, dates: dict[str, str]) -> Path:
    """The fixture project with some review dates moved (every fixture file is due on 2029-01-15)."""
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    for rel, date in dates.items():
        path = root / "content" / rel
        path.write_text(path.read_text().replace("next_review_due: 2029-01-15", f"next_review_due: {date}"))
    return root


def due(root: Path, today: str, *args: str) -> list[str]:
    result = run_cli("--root", root, "report", "--due", *args, env={"BUILD_SCRIPTS_TODAY": today})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_lists_overdue_and_coming_reviews_soonest_first(tmp_path: Path) -> None:
    root = project(tmp_path, {"pages/advice.md": "2028-11-01", "causes/stress.yaml": "2028-12-20",
                              "tests/emg.yaml": "2029-06-01", "treatments/stretching.yaml": "2028-12-02"})
    assert due(root, "2028-12-02", "--within", "30") == [
        "content/pages/advice.md:5: next_review_due: 2028-11-01 (overdue by 31 days)",
        "content/treatments/stretching.yaml:24: next_review_due: 2028-12-02 (due today)",
        "content/causes/stress.yaml:23: next_review_due: 2028-12-20 (due in 18 days)",
        "3 reviews due within 30 days (by 2029-01-01), 1 of them overdue.",
    ]


def test_the_window_is_60_days_unless_set(tmp_path: Path) -> None:
    root = project(tmp_path, {"causes/stress.yaml": "2029-01-14"})
    assert due(root, "2028-11-15")[-1] == "1 review due within 60 days (by 2029-01-14), 0 of them overdue."
    assert due(root, "2029-01-13", "--within", "1") == [
        "content/causes/stress.yaml:23: next_review_due: 2029-01-14 (due in 1 day)",
        "1 review due within 1 days (by 2029-01-14), 0 of them overdue.",
    ]
    assert due(root, "2029-01-16", "--within", "0")[-1] == "6 reviews due within 0 days (by 2029-01-16), " \
                                                           "6 of them overdue."


def test_nothing_due(tmp_path: Path) -> None:
    assert due(project(tmp_path, {}), "2026-11-21") == ["No reviews due within 60 days (by 2027-01-20)."]


def test_a_broken_file_does_not_stop_the_report(tmp_path: Path) -> None:
    root = project(tmp_path, {})
    (root / "content" / "causes" / "caffeine.yaml").write_bytes(b"title: [\xff\n")
    (root / "content" / "pages" / "advice.md").write_text("---\ntitle: [\n---\n")
    lines = due(root, "2029-01-10")
    assert lines[-1] == "4 reviews due within 60 days (by 2029-03-11), 0 of them overdue."
    assert not any("causes/caffeine" in line or "advice" in line for line in lines)


def test_within_needs_due() -> None:
    result = run_cli("report", "--within", "5")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "python -m build_scripts: error: --within only works with --due"
