"""Smoke test in real headless Chromium: the home page loads and search finds the caffeine page."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language, title", [("", "Muscle twitching"), ("es/", "Contracciones")])
def test_home_page_loads_with_no_third_party_request(browser: Browser, base_url: str, language: str, title: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(base_url + language)
    assert response is not None and response.ok
    assert page.locator("h1").first.inner_text().startswith(title)
    page.wait_for_load_state("networkidle")
    origin = urlsplit(base_url).netloc
    assert requested and all(urlsplit(url).netloc == origin for url in requested), requested
    assert errors == []
    page.close()


def test_search_for_caffeine_shows_the_caffeine_page(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("caffeine")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    hrefs = page.locator(".md-search-result__item > a:first-child").evaluate_all("links => links.map(a => a.href)")
    assert any(href.startswith(f"{base_url}causes/caffeine/") for href in hrefs[:3]), hrefs
    page.locator(f".md-search-result__item a[href^='{base_url}causes/caffeine/']").first.click()
    page.wait_for_url(f"{base_url}causes/caffeine/**")
    assert page.locator("h1").first.inner_text().startswith("Caffeine")
    page.close()


def test_no_page_sets_a_cookie_or_calls_another_host(browser: Browser, base_url: str, built_project) -> None:
    """Every page, loaded in one browser context: no request leaves the site and no cookie is set."""
    context = browser.new_context()
    page = context.new_page()
    origin = urlsplit(base_url).netloc
    elsewhere: list[str] = []
    page.on("request", lambda request: urlsplit(request.url).netloc != origin and elsewhere.append(request.url))
    site = built_project / "site"
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        page.goto(base_url + ("" if rel == "." else rel + "/"))
    page.wait_for_load_state("networkidle")
    assert elsewhere == []
    assert context.cookies() == []
    context.close()
