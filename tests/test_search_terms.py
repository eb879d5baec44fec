"""Readers see real names only: an entry's other names are shown as "Also called", its search
terms (misspellings and phrases readers type) are indexed for search and shown nowhere."""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from build_scripts.schema import ENTRY_TYPES
from build_scripts.search_index import FIELDS, FOLDER, HEAD, shard_key, words
from build_scripts.model import load_content
from tests.conftest import ROOT

ALSO = re.compile(r"<strong>Also called:</strong>(.*?)</p>", re.S)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_no_page_shows_a_search_term_and_search_finds_them(built_project: Path) -> None:
    content, _ = load_content(ROOT / "content")  # the real content, on the real date
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    number = {row[0]: n for n, row in enumerate(head["pages"])}
    stop_words = frozenset(content.words["search"]["query"]["stop_words"])
    terms_bit = FIELDS["terms"][0]

    def indexed(word: str) -> set[int]:
        """The pages that have ``word`` among their search terms, in our search index."""
        shard = json.loads((site / FOLDER / "t" / f"{shard_key(word, set(head['shards']))}.json").read_text(encoding="utf-8"))
        flat, pages, page = shard.get(word, []), set(), 0
        for gap, code in zip(flat[::2], flat[1::2]):
            page += gap
            if code % 256 & terms_bit:
                pages.add(page)
        return pages

    checked = 0
    for etype in ENTRY_TYPES:
        for entry in content.entries[etype.name].values():
            terms = entry.data.get("search_terms") or []
            html = (site / etype.folder / entry.id / "index.html").read_text(encoding="utf-8")
            shown = [name.strip().casefold() for name in text(ALSO.search(html).group(1)).rstrip(".").split(",")]
            assert shown == [str(n).casefold() for n in entry.data["also_called"]], entry.path
            ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
            for term in terms:
                assert term.casefold() not in shown and term not in ld["about"]["alternateName"], (entry.path, term)
                for word in words(term, stop_words):
                    assert number[f"{etype.folder}/{entry.id}/"] in indexed(word), (entry.path, term, word)
            checked += bool(terms)
    assert checked >= 40  # most entries have search terms
