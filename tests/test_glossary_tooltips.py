"""Glossary tooltips: every glossary word a page uses has its meaning on hover, on tap and on keyboard focus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from build_scripts.abbreviations import Abbreviations
from tests.conftest import ROOT

GLOSSARY = yaml.safe_load((ROOT / "content" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]


def test_every_glossary_word_and_form_is_an_abbreviation() -> None:
    defined = Abbreviations(GLOSSARY).definitions
    for term in GLOSSARY:
        for word in [term["term"], *term.get("also_called", [])]:
            assert defined[word] == " ".join(term["definition"].split())
            assert word[:1].upper() + word[1:] in defined


def test_a_page_gets_the_definitions_of_the_words_it_uses_and_no_others() -> None:
    glossary = Abbreviations(GLOSSARY)
    page = "Tests may include an EMG. Myokymia is common; electromyography is not one of the EMGs."
    used = dict(re.findall(r"^\*\[(.+?)\]: (.+)$", glossary.for_page(page), re.M))
    assert set(used) == {"EMG", "Myokymia", "electromyography"}  # "EMGs" is not the word "EMG"
    assert glossary.for_page("Nothing from the glossary here.") == ""
    assert glossary.append_to("# Title\n") == "# Title\n"


def test_generated_pages_carry_only_their_own_definitions(built_project: Path) -> None:
    docs = built_project / "docs"
    caffeine = (docs / "causes" / "caffeine.md").read_text(encoding="utf-8")
    eyelid = (docs / "causes" / "eyelid-twitching.md").read_text(encoding="utf-8")
    assert "*[myokymia]:" in eyelid and "*[myokymia]:" not in caffeine
    assert not (docs / "includes").exists()


def test_built_pages_mark_glossary_words(built_project: Path) -> None:
    html = (built_project / "site" / "causes" / "eyelid-twitching" / "index.html").read_text(encoding="utf-8")
    myokymia = next(t for t in GLOSSARY if t["term"] == "myokymia")
    assert f'<abbr title="{myokymia["definition"]}">myokymia</abbr>' in html
    assert "*[" not in html  # the definitions themselves never show


@pytest.mark.browser
def test_tooltip_on_hover_tap_and_focus(browser: Browser, base_url: str) -> None:
    definition = next(t for t in GLOSSARY if t["term"] == "myokymia")["definition"]
    context = browser.new_context(has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}causes/eyelid-twitching/")
    word = page.locator("article abbr", has_text=re.compile(r"^myokymia$")).first
    tooltip = page.locator("#glossary-tooltip")

    word.hover()
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == definition
    assert word.get_attribute("title") is None  # no second, native tooltip on top
    tooltip.hover()  # WCAG 1.4.13: the pointer can move onto the tooltip and it stays
    page.wait_for_timeout(500)
    assert tooltip.is_visible()
    page.keyboard.press("Escape")  # ... and it can be dismissed
    tooltip.wait_for(state="hidden")

    word.hover()
    tooltip.wait_for()
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")

    word.tap()
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == definition
    page.locator("h1").tap()  # tapping elsewhere closes it
    tooltip.wait_for(state="hidden")

    assert word.get_attribute("tabindex") == "0"  # reachable with the Tab key
    word.focus()
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == definition
    assert word.get_attribute("aria-describedby") == "glossary-tooltip"  # screen readers announce it
    word.evaluate("word => word.blur()")  # focus moves away: the tooltip goes
    tooltip.wait_for(state="hidden")
    assert word.get_attribute("aria-describedby") is None

    # A glossary word inside a link (a related cause's title) is not a second Tab stop.
    in_links = page.locator("article a abbr")
    assert in_links.count() > 0, "the test needs a page with a glossary word in a link"
    assert all(tabindex is None for tabindex in in_links.evaluate_all("els => els.map(e => e.getAttribute('tabindex'))"))
    context.close()


def test_the_a_to_z_has_no_tooltips_inside_its_links(built_project: Path) -> None:
    # Every name on the A to Z is a link: a tooltip inside it would compete with the link.
    html = (built_project / "site" / "a-z" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in html
    assert "*[" not in (built_project / "docs" / "a-z.md").read_text(encoding="utf-8")
    assert "<abbr" in (built_project / "site" / "causes" / "index.html").read_text(encoding="utf-8")
