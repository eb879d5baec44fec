"""The MkDocs config the generator writes: the menu from content/nav.yaml and the entry types,
titles and theme words from the locale, over mkdocs.yml's settings."""
from __future__ import annotations

from pathlib import Path

import yaml

from build_scripts.build import MKDOCS_CONFIG
from build_scripts.config import SiteConfig
from build_scripts.model import load_content
from build_scripts.site_config import menu, site_config
from tests.conftest import ROOT, TODAY

CONFIG = SiteConfig("https://example.org/", "https://github.com/example/twitch", "edit/trunk/", "docs", "site")


def test_the_menu_follows_nav_yaml_and_adds_a_type_it_leaves_out(content_copy: Path) -> None:
    (content_copy / "nav.yaml").write_text("menu:\n  - index.md\n  - type: cause\n  - a-z.md\n", encoding="utf-8")
    content, problems = load_content(content_copy, today=TODAY)
    assert problems == []
    assert menu(content) == ["index.md", "causes/index.md", "treatments/index.md", "tests/index.md", "a-z.md"]


def test_the_config_inherits_mkdocs_yml_and_carries_the_locale(content_copy: Path) -> None:
    content, _ = load_content(content_copy, today=TODAY)
    config = yaml.safe_load(site_config(content, CONFIG))
    assert config["INHERIT"] == "mkdocs.yml"
    assert config["nav"][0] == {"Home": "index.md"}
    assert {"Causes": "causes/index.md"} in config["nav"]
    assert config["extra"]["edit_base"] == "https://github.com/example/twitch/edit/trunk/"
    assert config["extra"]["words"]["report_problem"] == content.words["theme"]["report_problem"]
    assert "{numbers}" not in config["extra"]["words"]["not_found"]["emergency"]
    assert set(config["not_in_nav"].split()) == {"/browse/*.md", "/causes/*.md", "/treatments/*.md", "/tests/*.md"}


def test_mkdocs_yml_leaves_the_menu_to_the_generator() -> None:
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nnav:" not in settings and "\nnot_in_nav:" not in settings
    assert MKDOCS_CONFIG in (ROOT / ".gitignore").read_text(encoding="utf-8") or \
        ".mkdocs-*.yml" in (ROOT / ".gitignore").read_text(encoding="utf-8")
