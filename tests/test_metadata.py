"""Page metadata: JSON-LD on entry pages, description, canonical URL and Open Graph on every page,
a sitemap listing every page, and a helpful 404 page."""
from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from build_scripts.config import read_config
from build_scripts.schema import ENTRY_TYPES
from tests.conftest import ROOT

ABOUT = {"cause": "MedicalCondition", "treatment": "MedicalTherapy", "test": "MedicalTest"}


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.ld: list[dict] = []
        self._ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("name") or a["property"]] = a.get("content", "")
        elif tag == "link" and "rel" in a:
            self.links[a["rel"]] = a.get("href", "")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._ld = True

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.ld.append(json.loads(data))
            self._ld = False


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("etype", ENTRY_TYPES, ids=lambda t: t.name)
def test_entry_pages_carry_medical_web_page_json_ld(built_project: Path, etype) -> None:
    for path in sorted((ROOT / "content" / etype.folder).glob("*.yaml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = head(built_project / "site" / etype.folder / path.stem / "index.html")
        assert len(page.ld) == 1, path.stem
        ld = page.ld[0]
        assert ld["@context"] == "https://schema.org" and ld["@type"] == "MedicalWebPage"
        # No clinician has signed off the real content yet, so no page may claim a reviewer
        # (tests/test_review.py shows a signed-off page carrying one).
        assert "reviewedBy" not in ld and "lastReviewed" not in ld
        assert ld["about"] == {"@type": ABOUT[etype.name], "name": entry["title"],
                               "alternateName": entry["also_called"]}
        assert ld["description"] == " ".join(entry["summary"].split())
        assert ld["url"] == page.links["canonical"]


def test_every_page_has_description_canonical_and_open_graph(built_project: Path) -> None:
    site = built_project / "site"
    pages = [p for p in sorted(site.rglob("index.html"))]
    assert len(pages) > 90
    for path in pages:
        page = head(path)
        where = path.relative_to(site).as_posix()
        assert page.meta.get("description"), where
        assert page.links.get("canonical", "").startswith("https://"), where
        assert page.meta.get("og:title") and page.meta.get("og:description") == page.meta["description"], where
    non_entries = [p for p in pages if not re.match(r"([a-z]{2}/)?(causes|treatments|tests)/[^/]+/index.html",
                                                    p.relative_to(site).as_posix())]
    assert all(head(p).ld == [] for p in non_entries)


def test_sitemap_lists_every_page(built_project: Path) -> None:
    site = built_project / "site"
    listed = set()  # each language's sitemap lists its own pages (es/sitemap.xml)
    for sitemap in site.rglob("sitemap.xml"):
        listed |= set(re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")))
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        url = read_config(built_project).site_url + ("" if rel == "." else rel + "/")
        assert url in listed, rel


def test_404_page_helps_the_reader_on_to_a_real_page(built_project: Path) -> None:
    html = (built_project / "site" / "404.html").read_text(encoding="utf-8")
    base = urlsplit(read_config(built_project).site_url).path
    assert "<h1>Page not found</h1>" in html
    for target in ("", "causes/", "browse/", "when-to-get-help/"):
        assert f'href="{base}{target}"' in html
        assert (built_project / "site" / target / "index.html").is_file()


def test_every_page_links_to_a_prefilled_problem_report(built_project: Path) -> None:
    """A plain link to GitHub's issue form, with the page's address (and the file it is built from)
    filled in: nothing is sent until the reader opens it."""
    config = read_config(built_project)
    site = built_project / "site"
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 90
    for path in pages:
        html = path.read_text(encoding="utf-8")
        href = re.search(r'<p class="report-problem"><a href="([^"]+)">[^<]+</a>', html)  # in the page's language
        assert href, path
        url = urlsplit(href.group(1).replace("&amp;", "&"))
        assert f"{url.scheme}://{url.netloc}{url.path}" == config.repo_url.rstrip("/") + "/issues/new"
        query = parse_qs(url.query)
        assert query["template"] == ["report-a-content-mistake.yml"]
        page = path.parent.relative_to(site).as_posix()
        assert query["page"][0].startswith(config.site_url + ("" if page == "." else page + "/")), path
    caffeine = (site / "causes" / "caffeine" / "index.html").read_text(encoding="utf-8")
    assert "%28content/causes/caffeine.yaml%29" in caffeine  # the entry's file, so its id
