"""The Spanish edition of the built site (the real content/ and content/translations/es/): every
English page has its Spanish page, each says its language and points at the other, and each
language has its own sitemap and API. The switcher is driven in Chromium."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from build_scripts.config import read_config
from build_scripts.language import languages
from tests.conftest import ROOT

OTHER = "es"


def pages(site: Path) -> set[str]:
    """The site's pages, as paths under its root; another language's folder left out."""
    found = set()
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else f"{rel}/"
        if not rel.startswith((f"{OTHER}/", "search/", "assets/")):
            found.add(rel)
    return found


def test_spanish_is_a_language_of_the_content() -> None:
    assert OTHER in languages(ROOT / "content")


def test_every_english_page_has_a_spanish_page(built_project: Path) -> None:
    site = built_project / "site"
    english = pages(site)
    assert len(english) > 100
    assert english == pages(site / OTHER)
    assert (site / OTHER / "404.html").is_file()


def test_each_page_says_its_language_and_links_the_same_page_in_the_other(built_project: Path) -> None:
    site = built_project / "site"
    base = read_config(built_project).site_url
    for rel in ("", "causes/caffeine/", "treatments/quinine/", "when-to-get-help/", "navigator/", "glossary/"):
        english = (site / rel / "index.html").read_text(encoding="utf-8")
        spanish = (site / OTHER / rel / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<html lang="en"', english) and re.search(r'<html lang="es"', spanish), rel
        assert f'<link rel="canonical" href="{base}{rel}">' in english
        assert f'<link rel="canonical" href="{base}{OTHER}/{rel}">' in spanish
        path = urlsplit(base).path  # the switcher: each language's same page, on this host
        for html in (english, spanish):
            assert f'href="{path}{rel}" hreflang="en"' in html, rel
            assert f'href="{path}{OTHER}/{rel}" hreflang="es"' in html, rel


def test_each_language_has_its_sitemap_with_alternates_and_its_api(built_project: Path) -> None:
    site = built_project / "site"
    base = read_config(built_project).site_url
    english = (site / "sitemap.xml").read_text(encoding="utf-8")
    spanish = (site / OTHER / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}causes/caffeine/</loc>" in english
    assert f"<loc>{base}{OTHER}/causes/caffeine/</loc>" in spanish
    for sitemap in (english, spanish):
        assert f'hreflang="es" href="{base}{OTHER}/causes/caffeine/"' in sitemap
        assert f'hreflang="en" href="{base}causes/caffeine/"' in sitemap
    causes = json.loads((site / OTHER / "api" / "causes.json").read_text(encoding="utf-8"))
    english_causes = json.loads((site / "api" / "causes.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in causes["causes"]] == [c["id"] for c in english_causes["causes"]]
    caffeine = next(c for c in causes["causes"] if c["id"] == "caffeine")
    english_caffeine = next(c for c in english_causes["causes"] if c["id"] == "caffeine")
    assert caffeine["title"] == "Cafeína" and english_caffeine["title"] == "Caffeine"

    def signs(care: dict) -> dict:
        return {level: [s if isinstance(s, str) else s["sign"] for s in items] for level, items in care.items()}
    assert signs(caffeine["care"]) == signs(english_caffeine["care"])  # the same model, in other words

def test_the_spanish_pages_are_in_spanish(built_project: Path) -> None:
    spanish = (built_project / "site" / OTHER / "causes" / "caffeine" / "index.html").read_text(encoding="utf-8")
    assert "Cafeína" in spanish and "Cuándo" in spanish
    assert 'title="Enlace a esta sección"' in spanish and "Link to this section" not in spanish  # the theme's words too
    assert "112 (Europa), 911" in (built_project / "site" / OTHER / "when-to-get-help" / "index.html").read_text(
        encoding="utf-8")


@pytest.mark.browser
def test_the_switcher_moves_between_the_same_page(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    for rel in ("causes/caffeine/", "treatments/stretching/", ""):
        page.goto(f"{base_url}{rel}")
        page.wait_for_load_state("networkidle")  # the theme's script has fetched each language's sitemap
        page.locator(".md-select__link[hreflang=es]").first.evaluate("a => a.click()")
        page.wait_for_url(f"{base_url}{OTHER}/{rel}")
        assert page.locator("html").get_attribute("lang") == "es"
        page.wait_for_load_state("networkidle")
        page.locator(".md-select__link[hreflang=en]").first.evaluate("a => a.click()")
        page.wait_for_url(f"{base_url}{rel}")
        assert page.locator("html").get_attribute("lang") == "en"
    page.close()
