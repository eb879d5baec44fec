"""The triage model agrees with itself everywhere: every warning sign shows at its own level on
every page that shows it, in the navigator, in the search card's data and in the API; hand-written
pages state no level of their own; and every sign can be told to the navigator."""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import jsonschema

from build_scripts import triage
from build_scripts.rules.levels_from_signs import LEVEL_PROSE
from build_scripts.render import WARNING_SIGNS
from build_scripts.schema import CARE_LEVELS, ENTRY_TYPES
from build_scripts.model import Content, load_content, page_files
from tests.conftest import ROOT, TODAY

CARD = re.compile(r'<div class="care care--([a-z-]+)">(.*?)</div>', re.S)
ITEM = re.compile(r"<li>(.*?)</li>", re.S)
KEY = {level.key.replace("_", "-"): level.key for level in CARE_LEVELS}


def cards(html: str) -> dict[str, list[str]]:
    """The care cards of a built page: {level: [bullet text]} (the article's own, not the chrome's)."""
    out: dict[str, list[str]] = {}
    for level, body in CARD.findall(html):
        out.setdefault(KEY[level], []).extend(unescape(re.sub(r"<[^>]+>", "", item)).strip()
                                              for item in ITEM.findall(body))
    return out


def model() -> Content:
    content, problems = load_content(ROOT / "content")  # the real content, on the real date (entries reviewed today)
    assert not [p for p in problems if p.severity == "error"]
    return content


def test_entry_pages_show_each_sign_at_its_level(built_project: Path) -> None:
    content = model()
    site = built_project / "site"
    checked = 0
    for etype in ENTRY_TYPES:
        for entry in content.entries[etype.name].values():
            expected = {level.key: words for level, words in triage.card(content.triage, entry.data.get("care"), content.levels)}
            html = (site / etype.folder / entry.id / "index.html").read_text(encoding="utf-8")
            assert cards(html) == expected, entry.path
            for sign in triage.signs_of(entry.data.get("care")):
                assert content.triage.signs[sign].level in expected
            checked += bool(expected)
    assert checked >= 60  # causes and treatments


def test_serious_causes_lead_with_their_cards(built_project: Path) -> None:
    content = model()
    for entry in content.entries["cause"].values():
        html = (built_project / "site" / "causes" / entry.id / "index.html").read_text(encoding="utf-8")
        lead = triage.top_level(entry.data.get("care")) in ("emergency", "urgent")
        assert (html.index('class="care ') < html.index('id="what-it-is"')) is lead, entry.id


def test_when_to_get_help_lists_every_urgent_and_emergency_sign_at_its_level(built_project: Path) -> None:
    content = model()
    shown = cards((built_project / "site" / "when-to-get-help" / "index.html").read_text(encoding="utf-8"))
    named = {sign for etype in ENTRY_TYPES for entry in content.entries[etype.name].values()
             for sign in triage.signs_of(entry.data.get("care"))}
    for sign in content.triage.signs.values():
        where = [level for level, items in shown.items() if sign.says in items]
        if sign.level in ("emergency", "urgent") or sign.key:
            assert where == [sign.level], sign.id
        else:
            assert where == [], sign.id
    assert {s for s in named if content.triage.signs[s].level != "see_doctor"} <= \
        {s.id for s in content.triage.signs.values() if s.says in shown.get(s.level, [])}


def test_home_and_twitch_pages_show_the_key_signs(built_project: Path) -> None:
    content = model()
    key = {level.key: [s.says for s in content.triage.at(level.key) if s.key] for level in CARE_LEVELS}
    for page in ("index.html", "twitch-spasm-or-cramp/index.html"):
        assert cards((built_project / "site" / page).read_text(encoding="utf-8")) == key, page


def test_hand_written_pages_state_no_level_of_their_own() -> None:
    for path, rel in page_files(ROOT / "content"):
        text = path.read_text(encoding="utf-8")
        body = text[:text.find("## Sources")] if "## Sources" in text else text
        assert not LEVEL_PROSE.search(body), rel


def test_a_hand_written_card_or_level_is_refused(content_copy: Path) -> None:
    page = content_copy / "pages" / "advice.md"
    text = page.read_text(encoding="utf-8")
    title = text.index("\n# ")
    page.write_text(text[:title] + "\nGet help today if your calf is swollen.\n\n"
                    '<div class="care care--urgent" markdown>\n\n- a sign\n\n</div>\n<!-- care-cards: some -->\n'
                    + text[title:], encoding="utf-8")
    _, problems = load_content(content_copy, today=TODAY)
    mine = [str(p) for p in problems if p.path.endswith("advice.md")]
    assert len(mine) == 3 and all("content/triage.yaml" in m or "marker" in m for m in mine), mine


def test_navigator_knows_every_sign_at_its_level(built_project: Path) -> None:
    content = model()
    html = (built_project / "site" / "navigator" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="navigator-data">(.*?)</script>', html,
                                re.S).group(1))
    assert {s["id"]: s["level"] for s in data["signs"]} == {s.id: s.level for s in content.triage.signs.values()}
    inputs = set(re.findall(r'<input type="(?:checkbox|radio)" name="([a-z-]+)" value="([a-z0-9-]+)"', html))
    derived = {q["id"] for q in content.triage.questions if q.get("from_areas")}
    for sign in content.triage.signs.values():
        if sign.ask:
            assert ("sign", sign.id) in inputs, sign.id  # a tick box of its own
        for combo in sign.implied_by:  # or answers the reader can give
            for answer in combo:
                question, _, option = answer.partition(":")
                assert question in derived or (question, option) in inputs, (sign.id, answer)
    emergency = html.index('class="navigator-emergency"')
    assert all(html.index(f'value="{s.id}"') > emergency for s in content.triage.at("emergency"))


def test_search_card_and_api_use_the_models_levels(built_project: Path) -> None:
    content = model()
    site = built_project / "site"
    levels = {s.id: s.level for s in content.triage.signs.values()}
    card = json.loads((site / WARNING_SIGNS).read_text(encoding="utf-8"))
    assert {s["id"]: s["level"] for s in card["signs"]} == levels
    api = json.loads((site / "api" / "triage.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api" / "schema" / "triage.api.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(api, schema)
    assert {s["id"]: s["level"] for s in api["signs"]} == levels
    named = {s["id"]: s["named_by"] for s in api["signs"]}
    assert "cause/tetanus" in named["wound-stiffness"] and named["wound-stiffness"] == sorted(named["wound-stiffness"])


def test_the_signs_the_issue_names_are_at_the_nhs_levels() -> None:
    levels = {s.id: s.level for s in model().triage.signs.values()}
    assert levels["wound-stiffness"] == "emergency"  # NHS tetanus: 999 or A&E for stiffness after a wound
    assert levels["clot-signs"] == "urgent" and levels["clot-with-breathlessness"] == "emergency"  # NHS DVT
    assert levels["back-pain-numb-bottom"] == "emergency"  # NHS back pain, cauda equina
    assert levels["spreading-weakness"] == "urgent"  # NHS Guillain-Barré: urgent GP or 111
    assert levels["locked-hands-feet"] == "emergency"
    assert levels["dark-urine-weak-muscles"] == "urgent"  # NHS statins: 111 or a doctor straight away
    assert levels["serotonin-signs"] == "urgent" and levels["serotonin-severe"] == "emergency"
    assert levels["long-cramp-not-easing"] == "urgent" and levels["long-cramp"] == "see_doctor"  # NHS inform, NHS


def test_a_page_can_show_one_causes_cards(built_project: Path) -> None:
    # "Worried it's ALS?" shows the ALS entry's own cards (<!-- care-cards: als-mnd -->), not the key list.
    site = built_project / "site"
    page = cards((site / "worried-about-als" / "index.html").read_text(encoding="utf-8"))
    entry = cards((site / "causes" / "als-mnd" / "index.html").read_text(encoding="utf-8"))
    assert page and page == entry
