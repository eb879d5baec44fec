"""Accessibility in real Chromium: axe-core's WCAG 2.2 A and AA rules on every page of the built site,
in the light and the dark scheme, a keyboard check (skip link, visible focus), and the 404 page on a
phone (links big enough to tap, a search box with a name)."""
from __future__ import annotations

import re
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
MIN_TARGET = 24  # WCAG 2.2's 2.5.8 Target Size (Minimum), in CSS px
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# Another language's pages are the English pages' templates with other words: all of its hubs and
# hand-written pages are checked, and this many entry pages of each type.
OTHER_LANGUAGE_ENTRIES = 4


def pages(site: Path) -> list[str]:
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    kept, seen = [], Counter()
    for path in found:
        entry = re.fullmatch(r"[a-z]{2}/(causes|treatments|tests)/[^/]+", path)
        if entry:
            seen[entry.group(1)] += 1
            if seen[entry.group(1)] > OTHER_LANGUAGE_ENTRIES:
                continue
        kept.append(path)
    languages = sorted({p.split("/")[0] for p in found if re.fullmatch(r"[a-z]{2}/.*", p)
                        and (site / p.split("/")[0] / "404.html").is_file()})
    return (["" if p == "." else f"{p}/" for p in kept] + ["404.html"]  # what a missing address shows
            + [f"{code}/404.html" for code in languages])


def violations(page: Page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [f"{v['id']} ({len(v['nodes'])}x, e.g. {' '.join(v['nodes'][0]['target'])}): {v['help']}"
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(browser: Browser, base_url: str, built_project: Path, scheme: str) -> None:
    assert AXE.is_file(), "run `npm ci` (make test does) to install axe-core"
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in pages(built_project / "site"):
        page.goto(base_url + path)
        if problems := violations(page):
            found[path or "(home)"] = problems
    # the navigator's results are built in the page: check them too
    page.goto(base_url + "navigator/")
    page.check("#navigator input[name=area][value=leg-calf-and-foot]")
    page.check("#navigator input[name=symptom][value=weakness]")
    page.check("#navigator input[name=sign][value=wound-stiffness]")  # an emergency result, the red card
    page.click("#navigator button[type=submit]")
    page.wait_for_selector("#navigator-results[data-level]")
    if problems := violations(page):
        found["navigator/ (results)"] = problems
    # and the warning card the search box shows above its results
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("my face dropped on one side and my arm went weak")
    page.wait_for_selector(".md-search-result .search-care")
    page.wait_for_timeout(500)  # the theme fades its results in: measure them as the reader sees them
    if problems := violations(page):
        found["search (warning card)"] = problems
    context.close()
    assert found == {}


def test_keyboard_skip_link_and_visible_focus(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "causes/caffeine/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused[0] == "Skip to content" and focused[1].endswith("#caffeine"), focused
    for _ in range(60):  # Tab on to the first link in the article
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('article') && document.activeElement.tagName === 'A'"):
            break
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                          " return [s.outlineStyle, s.outlineWidth, document.activeElement.tagName]; }")
    assert style[2] == "A" and style[0] != "none" and style[1] != "0px", style
    page.close()


# Every link drawn on the page (the menu's too, off-screen in its drawer): its box, and the tallest
# and shortest of its line boxes (a link that wraps is two boxes, each as tall as one line).
LINK_BOXES = """links => links.filter(a => a.getClientRects().length).map(a => {
  const box = a.getBoundingClientRect(), heights = [...a.getClientRects()].map(r => r.height);
  return {link: a.textContent.trim() || a.getAttribute('href'), inArticle: !!a.closest('article'),
          width: box.width, height: box.height, lineHeight: Math.min(...heights)};
})"""


def test_404_links_are_big_enough_to_tap_and_its_search_box_has_a_name(browser: Browser, base_url: str) -> None:
    """axe counts a link inside a sentence as exempt from 2.5.8; on this page the links are the
    way on, so each must be at least 24 by 24 px on a 360 px phone (the page's own are 44 tall)."""
    words = yaml.safe_load((ROOT / "content" / "locales" / "en.yaml").read_text(encoding="utf-8"))
    label = words["theme"]["not_found"]["search_label"]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "404.html")
    links = page.locator("a").evaluate_all(LINK_BOXES)
    assert sum(link["inArticle"] for link in links) >= 4, links  # home, causes, browse, help
    small = [link for link in links if min(link["width"], link["height"], link["lineHeight"]) < MIN_TARGET]
    assert small == [], small
    short_rows = [link for link in links if link["inArticle"] and link["lineHeight"] < 43.5]
    assert short_rows == [], short_rows
    box = page.get_by_role("searchbox", name=label, exact=True)
    expect(box).to_have_count(1)
    assert box.evaluate("input => !!input.closest('article')")  # the page's own box, not the theme's
    for field in page.locator("input[type=search], input[type=text]").all():
        expect(field).to_have_accessible_name(re.compile(r"\S"))
    context.close()
