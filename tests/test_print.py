"""Printing a cause page with Chromium's print-to-PDF gives a clean handout."""
from __future__ import annotations

import io
import re

import pytest
import yaml
from playwright.sync_api import Browser
from pypdf import PdfReader

from build_scripts import words
from build_scripts.model import load_content
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_cause_page_prints_as_a_clean_handout(browser: Browser, base_url: str) -> None:
    entry = yaml.safe_load((ROOT / "content" / "causes" / "caffeine.yaml").read_text(encoding="utf-8"))
    page = browser.new_page()
    page.goto(f"{base_url}causes/caffeine/")
    pdf = page.pdf(format="A4")
    page.close()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    joined = re.sub(r"\s+", "", text)  # long addresses wrap across lines

    # kept: title, summary, care cards, sources with their addresses, review date, where it came from
    assert flat.startswith(entry["title"])
    assert " ".join(entry["summary"].split()) in flat
    content, _ = load_content(ROOT / "content")
    for level in content.levels:
        if entry["care"].get(level.key):
            assert f"{level.label}: {level.action}" in flat
    for source in entry["sources"]:
        assert source["url"] in joined
    assert f"on {words.long_date(content.words, entry['last_reviewed'])}." in flat  # "Checked against its sources by ... on ..."
    assert "No clinician has reviewed this page yet." in flat
    assert re.search(r"Printed from Muscle Twitch Guide: https://\S+/causes/caffeine/", flat)

    # left out: the site's header, navigation, search and footer
    for chrome in ("Skip to content", "Browse causes", "Symptom navigator", "Type to start searching",
                   "Made with", "No ads, no tracking"):
        assert chrome not in flat, chrome
