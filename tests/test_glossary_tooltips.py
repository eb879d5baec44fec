"""Glossary tooltips: the first use of each glossary word on a page has its meaning on hover, on
tap and on keyboard focus; never in a heading, a link or the title, and never on an everyday word."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from build_scripts.abbreviations import Abbreviations
from tests.conftest import ROOT

GLOSSARY = yaml.safe_load((ROOT / "content" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]


def test_every_glossary_word_and_form_has_its_meaning_but_everyday_words() -> None:
    defined = Abbreviations(GLOSSARY).definitions
    for term in GLOSSARY:
        for word in [term["term"], *term.get("also_called", [])]:
            if term.get("everyday"):
                assert word not in defined
            else:
                assert defined[word] == " ".join(term["definition"].split())
                assert word[:1].upper() + word[1:] in defined
    assert {t["term"] for t in GLOSSARY if t.get("everyday")} >= {"twitch", "cramp", "spasm"}


def test_only_the_first_use_outside_headings_and_links_is_marked() -> None:
    glossary = Abbreviations(GLOSSARY)
    page = ("---\ntitle: EMG and myokymia\n---\n\n# Myokymia\n\n## About an EMG\n\n"
            "See [myokymia](x.md). Myokymia is common. An EMG is a test; electromyography is the EMG.\n\n"
            "A twitch is not a word we mark. <a href=\"x\" title=\"myokymia\">x</a> myokymia again.\n")
    marked = glossary.mark(page)
    words = re.findall(r'<abbr title="[^"]+">([^<]+)</abbr>', marked)
    assert words == ["Myokymia", "EMG"]  # each term once, at its first use in the text
    assert marked.startswith("---\ntitle: EMG and myokymia\n---\n\n# Myokymia\n\n## About an EMG\n\n")
    assert "[myokymia](x.md)" in marked and 'title="myokymia"' in marked  # links and tags untouched
    assert "electromyography is the EMG." in marked and "A twitch is not a word we mark." in marked
    assert glossary.mark("Nothing from the glossary here.") == "Nothing from the glossary here."


def test_generated_pages_mark_their_own_words(built_project: Path) -> None:
    docs = built_project / "docs"
    caffeine = (docs / "causes" / "caffeine.md").read_text(encoding="utf-8")
    eyelid = (docs / "causes" / "eyelid-twitching.md").read_text(encoding="utf-8")
    assert '">myokymia</abbr>' in eyelid and "myokymia</abbr>" not in caffeine
    home = (built_project / "site" / "index.html").read_text(encoding="utf-8")
    marked = re.findall(r"<abbr[^>]*>([^<]+)</abbr>", home)
    assert len(marked) == len({w.lower() for w in marked})  # a word once per page
    assert not {w.lower() for w in marked} & {"twitch", "twitches", "twitching", "cramp", "cramps", "spasm"}


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

    # No glossary word is marked inside a link or a heading: a tooltip there would compete with it.
    assert page.locator("article a abbr, article h1 abbr, article h2 abbr, article h3 abbr").count() == 0
    context.close()


def test_the_a_to_z_has_no_tooltips_inside_its_links(built_project: Path) -> None:
    # Every name on the A to Z is a link: a tooltip inside it would compete with the link.
    html = (built_project / "site" / "a-z" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in html
    assert "*[" not in (built_project / "docs" / "a-z.md").read_text(encoding="utf-8")
    assert "<abbr" in (built_project / "site" / "causes" / "index.html").read_text(encoding="utf-8")
