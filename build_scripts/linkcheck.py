"""Every link between the pages of a built site leads somewhere: to a page that was built and,
if the link has a ``#fragment``, to an element on it with that id.

``mkdocs build --strict`` checks the links in the Markdown it renders, anchors included. But a
share of a parallel build (shards.py) does not render the other shares' pages, so it cannot
check a link to an anchor on one of them. This checks the joined site, every page against every
other. Links to other hosts, ``mailto:`` and the like are left alone, and so are the theme's
files (``assets/``) and the search index (``search/``), which MkDocs writes itself.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from build_scripts.workers import fork_map

NOT_CHECKED = ("assets/", "search/")  # written by MkDocs and the theme, not by us


@dataclass(frozen=True)
class Broken:
    page: str  # site path of the page with the link, e.g. causes/caffeine/ ("(home)" for the home page)
    href: str  # the link as the page has it
    problem: str


@dataclass(frozen=True)
class _Page:
    ids: frozenset[str]
    links: tuple[tuple[str, str, str], ...]  # (href, target file or "" if it leaves the site, fragment)


# MkDocs' output is taken apart with regular expressions, as readability.py does: a comment or
# a start tag (group 1 its name, group 2 its attributes); text and end tags are skipped. Three
# times quicker than html.parser, and the same ids and links on every page of the site
# (tests/test_shards.py checks this).
_TAG = re.compile(r"<!--.*?-->|<([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = {name: re.compile(f"</{name}", re.I) for name in ("script", "style")}  # not HTML: skip to the end tag


def anchors_and_links(text: str) -> tuple[set[str], list[str]]:
    """The ids (and ``<a name>``) of a page, as MkDocs finds anchors, and its ``href`` and
    ``src`` values, each once, in order."""
    ids: set[str] = set()
    urls: dict[str, None] = {}
    position = 0
    while (tag := _TAG.search(text, position)) is not None:
        position = tag.end()
        name, attributes = tag.groups()
        if name is None:
            continue  # a comment
        name = name.lower()
        if "=" in attributes:
            for attribute in _ATTRIBUTE.finditer(attributes):
                key = attribute.group(1).lower()
                if key in ("id", "href", "src") or (key == "name" and name == "a"):
                    value = next((v for v in attribute.groups()[1:] if v is not None), None)
                    if value is None:
                        continue
                    value = html.unescape(value) if "&" in value else value
                    if key in ("href", "src"):
                        urls[value] = None
                    else:
                        ids.add(value)
        if name in _RAW_TEXT:
            end = _RAW_TEXT[name].search(text, position)
            position = len(text) if end is None else end.start()
    return ids, list(urls)


def check_site(site: Path, site_url: str = "", jobs: int | None = None) -> list[Broken]:
    """Every broken link between the pages of the site built into ``site``, by page.

    ``site_url`` (mkdocs.yml's) says which absolute URLs, and which paths starting with ``/``,
    are the site's own. A big site is read on every core (``workers.fork_map``).
    """
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    prefix = urlsplit(site_url)
    root = prefix.path if prefix.path.endswith("/") else prefix.path + "/"
    pages = sorted(name for name in files if name.endswith(".html"))

    def read(name: str) -> _Page:
        ids, urls = anchors_and_links((site / name).read_text(encoding="utf-8"))
        links = []
        for href in urls:
            target = _resolve(href, name, files, prefix.netloc, root)
            if target is not None:
                links.append((href, *target))
        return _Page(frozenset(ids), tuple(links))

    read_pages = dict(zip(pages, fork_map(read, pages, jobs)))
    broken = []
    for name, page in read_pages.items():
        for href, target, fragment in page.links:
            problem = _problem(target, fragment, files, read_pages)
            if problem:
                broken.append(Broken(_site_path(name), href, problem))
    return broken


def _resolve(href: str, page: str, files: set[str], host: str, root: str) -> tuple[str, str] | None:
    """The file ``href`` (on the built file ``page``) leads to and its fragment, or None for a
    link this does not check. The file is "" for a path that is not inside the site."""
    try:
        scheme, netloc, path, _, fragment = urlsplit(href)
    except ValueError:  # such as an unclosed IPv6 bracket: not a link to one of our pages
        return None
    if scheme or netloc:
        if scheme not in ("http", "https", "") or netloc != host or not host:
            return None  # another host, mailto:, tel: ...
        path = path or "/"
    path = unquote(path)
    if scheme or netloc or path.startswith("/"):
        if not path.startswith(root) and path + "/" != root:
            return "", fragment
        path = path[len(root):]
    elif path:
        path = posixpath.join(posixpath.dirname(page), path)
    else:
        return page, fragment  # "#fragment" or "?query": this page
    folder = path.endswith("/")
    path = posixpath.normpath(path)
    if path == ".":
        path, folder = "", True
    elif path.startswith("../") or path == "..":
        return "", fragment
    if path.startswith(NOT_CHECKED) or path + "/" in NOT_CHECKED:
        return None
    if folder or (path not in files and f"{path}/index.html" in files):
        path = f"{path}/index.html" if path else "index.html"
    return path, fragment


def _problem(target: str, fragment: str, files: set[str], pages: dict[str, _Page]) -> str:
    """What is wrong with a link to ``target`` (a file of the site) and ``fragment``; "" if nothing."""
    if target not in files:
        return f"the built site has no {_site_path(target)}" if target else "it leads out of the site"
    if not fragment or fragment == "top" or target not in pages:
        return ""  # "#top" and "#" are the top of any page
    ids = pages[target].ids
    if fragment in ids or unquote(fragment) in ids:
        return ""
    return f"{_site_path(target)} has no element with id '{unquote(fragment)}'"


def _site_path(name: str) -> str:
    """``causes/caffeine/index.html`` as the reading check names it: ``causes/caffeine/``."""
    if name == "index.html":
        return "(home)"
    return name[:-len("index.html")] if name.endswith("/index.html") else name
