"""The built site served under /muscle-twitch-guide/, as GitHub Pages serves it, crawled from the home page:
every link and asset answers, and every page is reachable."""
from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("href", "src") or (tag == "link" and name == "href")):
                self.found.append(value)


def test_crawl_from_home_finds_every_page_and_no_broken_link(built_project: Path, base_url: str) -> None:
    origin = urlsplit(base_url).netloc
    queue, seen, broken, pages = [base_url], {base_url}, [], set()
    while queue:
        url = queue.pop()
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind != "text/html":
            continue
        pages.add(urlsplit(url).path)
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            target = urldefrag(urljoin(url, link)).url
            if urlsplit(target).scheme in ("http", "https") and urlsplit(target).netloc == origin \
                    and target not in seen:
                seen.add(target)
                queue.append(target)
    assert broken == []
    site = built_project / "site"
    prefix = urlsplit(base_url).path
    expected = {prefix + ("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
                for p in site.rglob("index.html")}
    assert expected - pages == set(), "pages no link leads to"
