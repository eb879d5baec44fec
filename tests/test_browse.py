"""Browsing: a page per body area (common causes first), causes by urgency, and the A-Z with synonyms."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from build_scripts.model import load_content
from build_scripts.schema import HOW_COMMON
from tests.conftest import ROOT

CAUSES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "content" / "causes").glob("*.yaml")}
AREAS = yaml.safe_load((ROOT / "content" / "taxonomy.yaml").read_text(encoding="utf-8"))["body_areas"]


def linked_causes(html: str) -> list[str]:
    return re.findall(r'href="\.\./\.\./causes/([a-z0-9-]+)/"', html)


def test_each_body_area_lists_its_causes_common_first(built_project: Path) -> None:
    hub = (built_project / "site" / "browse" / "index.html").read_text(encoding="utf-8")
    for area in AREAS:
        assert f'href="{area["id"]}/"' in hub
        html = (built_project / "site" / "browse" / area["id"] / "index.html").read_text(encoding="utf-8")
        listed = linked_causes(html)
        expected = {cid for cid, c in CAUSES.items() if area["id"] in c["body_areas"]}
        assert set(listed) == expected, area["id"]
        ranks = [HOW_COMMON.index(CAUSES[cid]["how_common"]) for cid in listed]
        assert ranks == sorted(ranks), f"{area['id']}: common causes must come first"


def test_urgency_page_lists_each_level_emergency_first(built_project: Path) -> None:
    html = (built_project / "site" / "browse" / "urgency" / "index.html").read_text(encoding="utf-8")
    cards = re.split(r'<div class="care care--', html)[1:]
    levels = load_content(ROOT / "content")[0].levels
    assert [card.split('"')[0] for card in cards] == [level.key.replace("_", "-") for level in levels]
    for level, card in zip(levels, cards):
        expected = {cid for cid, c in CAUSES.items() if c["care"].get(level.key)}
        assert set(linked_causes(card)) == expected, level.key
        assert f"{level.label}: {level.action}" in card


def test_a_to_z_lists_every_synonym_pointing_to_its_page(built_project: Path) -> None:
    markdown = (built_project / "docs" / "a-z.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^- (.+?): see \[.+?\]\(causes/([a-z0-9-]+)\.md\)$", markdown, re.M))
    for cid, cause in CAUSES.items():
        for name in cause["also_called"]:
            if name.casefold() != cause["title"].casefold():
                assert (name, cid) in rows, name
