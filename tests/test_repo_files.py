"""The files around the code that contributors meet: .github templates, CODEOWNERS, pre-commit, editor settings."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from build_scripts.schema import ENTRY_TYPES
from tests.conftest import FIXTURE_CONTENT, ROOT, copy_project, run_cli

GITHUB = ROOT / ".github"
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


# --- issue forms and pull-request templates ---

def test_both_issue_forms_exist() -> None:
    assert [p.name for p in ISSUE_FORMS] == ["report-a-content-mistake.yml", "suggest-a-topic.yml"]


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.stem)
def test_issue_form_is_valid(path: Path) -> None:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("name", "description"):
        assert isinstance(form.get(key), str) and form[key].strip(), f"{path.name}: '{key}' is required"
    body = form.get("body")
    assert isinstance(body, list) and body, f"{path.name}: 'body' must be a list of elements"
    ids = []
    for number, element in enumerate(body, 1):
        where = f"{path.name}: body item {number}"
        assert element.get("type") in ELEMENT_TYPES, where
        attributes = element.get("attributes") or {}
        if element["type"] == "markdown":
            assert "id" not in element and attributes.get("value"), where
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", str(element.get("id", ""))), f"{where} needs an id"
        ids.append(element["id"])
        assert attributes.get("label"), f"{where} needs a label"
        if element["type"] in ("dropdown", "checkboxes"):
            assert attributes.get("options"), f"{where} needs options"
    assert len(ids) == len(set(ids)), f"{path.name}: ids must be unique"
    assert "health details" in yaml.safe_dump(form), f"{path.name} must warn readers not to share health details"


def test_blank_issues_stay_allowed_for_code() -> None:
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text())
    assert config["blank_issues_enabled"] is True


def test_default_pull_request_template_links_to_each_checklist() -> None:
    default = (GITHUB / "pull_request_template.md").read_text()
    names = sorted(p.name for p in (GITHUB / "PULL_REQUEST_TEMPLATE").glob("*.md"))
    assert names == ["change-to-entry.md", "code.md", "new-entry.md"]
    assert sorted(re.findall(r"\(\?expand=1&template=([\w-]+\.md)\)", default)) == names


@pytest.mark.parametrize("name, musts", [
    ("new-entry.md", ["make check", "content/publishers.yaml", "Plain language", "Care levels", "No doses",
                      "python -m build_scripts new", "TODO"]),
    ("change-to-entry.md", ["make check", "content/publishers.yaml", "Plain language", "Care levels", "No doses",
                            "last_reviewed"]),
    ("code.md", ["make test", "make schema", "UPDATE_GOLDEN=1", "make lock"]),
])
def test_pull_request_checklists(name: str, musts: list[str]) -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE" / name).read_text()
    assert re.search(r"^- \[ \] ", text, re.M), f"{name} has no checklist"
    assert [must for must in musts if must not in text] == []


# --- CODEOWNERS ---

def owners(path: str) -> list[str]:
    """The owners of ``path``: the last matching rule wins. Only the two pattern forms we use are understood."""
    found: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        assert pattern == "*" or re.fullmatch(r"/[\w.-]+/", pattern), f"teach this test the pattern {pattern!r}"
        if pattern == "*" or path.startswith(pattern[1:]):
            found = names
    return found


@pytest.mark.parametrize("path, team", [
    ("content/causes/caffeine.yaml", "@muscle-twitch-guide/content-reviewers"),
    ("content/pages/index.md", "@muscle-twitch-guide/content-reviewers"),
    ("content/publishers.yaml", "@muscle-twitch-guide/content-reviewers"),
    ("build_scripts/cli.py", "@muscle-twitch-guide/maintainers"),
    (".github/workflows/pr.yml", "@muscle-twitch-guide/maintainers"),
    ("CONTRIBUTING.md", "@muscle-twitch-guide/maintainers"),
    ("schemas/cause.schema.json", "@muscle-twitch-guide/maintainers"),
])
def test_codeowners(path: str, team: str) -> None:
    assert owners(path) == [team]


# --- pre-commit ---

def hooks() -> list[dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]


def run_hook(hook: dict, root: Path) -> int:
    """Run a hook's entry as pre-commit would, but on the project at ``root``."""
    command = shlex.split(hook["entry"])
    assert command[:3] == ["python", "-m", "build_scripts"], hook["entry"]
    return run_cli("--root", root, *command[3:]).returncode  # the real content, on the real date


def test_pre_commit_hooks_run_the_cli_on_the_right_files() -> None:
    by_id = {hook["id"]: hook for hook in hooks()}
    assert sorted(by_id) == ["check-content", "schemas-up-to-date"]
    for hook in by_id.values():
        assert hook["language"] in ("system", "python") and hook["pass_filenames"] is False
    check, schema = (re.compile(by_id[name]["files"]) for name in ("check-content", "schemas-up-to-date"))
    assert check.search("content/causes/caffeine.yaml") and not check.search("build_scripts/cli.py")
    assert schema.search("build_scripts/schema.py") and schema.search("content/taxonomy.yaml")
    assert not schema.search("content/pages/index.md")


def test_pre_commit_hooks_pass_on_valid_content_and_fail_on_problems(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", content=FIXTURE_CONTENT)
    assert run_cli("--root", root, "schema").returncode == 0  # the fixture project starts without schemas/
    by_id = {hook["id"]: hook for hook in hooks()}
    assert run_hook(by_id["check-content"], root) == 0
    assert run_hook(by_id["schemas-up-to-date"], root) == 0
    taxonomy = root / "content" / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text().replace("  - id: cramps\n", "  - id: aches\n    label: Aches\n"
                                                                         "  - id: cramps\n"))
    assert run_hook(by_id["schemas-up-to-date"], root) == 1  # a new symptom id: the schemas must list it
    caffeine = root / "content" / "causes" / "caffeine.yaml"
    caffeine.write_text(caffeine.read_text().replace("how_common: common", "how_common: often"))
    assert run_hook(by_id["check-content"], root) == 1


# --- editor settings ---

def test_vscode_maps_each_content_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert len(mapping) == len(ENTRY_TYPES) + 1  # and the triage model
    assert mapping["./schemas/triage.schema.json"] == "content/triage.yaml"
    assert (ROOT / "content" / "triage.yaml").read_text().splitlines()[0] == \
        "# yaml-language-server: $schema=../schemas/triage.schema.json"
    for etype in ENTRY_TYPES:
        schema = f"./schemas/{etype.name}.schema.json"
        assert (ROOT / schema).is_file()
        glob = mapping[schema]
        matched = sorted(ROOT.glob(glob))
        assert matched and matched == sorted((ROOT / "content" / etype.folder).glob("*.yaml")), glob
        first_lines = {p.read_text().splitlines()[0] for p in matched}
        assert first_lines == {f"# yaml-language-server: $schema=../../schemas/{etype.name}.schema.json"}


def test_vscode_recommends_the_yaml_extension() -> None:
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text())
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_editorconfig_indents_yaml_with_spaces() -> None:
    text = (ROOT / ".editorconfig").read_text()
    assert text.splitlines()[1] == "root = true"
    sections = dict(re.findall(r"^\[(.+)\]\n((?:[^\[\n][^\n]*\n)*)", text, re.M))
    assert "indent_style = space" in sections["*"] and "charset = utf-8" in sections["*"]
    yaml_section = next(body for glob, body in sections.items() if "yaml" in glob)
    assert "indent_size = 2" in yaml_section
