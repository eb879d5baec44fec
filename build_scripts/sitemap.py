"""Each language's sitemap names the same page in every language (``hreflang`` alternates, as
search engines read them from a sitemap), and x-default is the English page.

MkDocs writes one sitemap per build, so one per language; this adds to each ``<url>`` a
``<xhtml:link rel="alternate">`` for every language. The theme's language switcher reads the same
alternates to stay on the same page. Pages are the same in every language (language.py publishes
a page not translated yet in English), so a page's alternates are its path under each language.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'
LOC = re.compile(r"(<loc>([^<]*)</loc>)")


def add_alternates(site: Path, site_url: str, codes: list[str]) -> None:
    """Add the alternates to ``site``'s sitemap and each other language's (``site/<code>/``);
    ``codes`` starts with the language at the site's root."""
    base = site_url.rstrip("/") + "/"
    roots = {code: base if n == 0 else f"{base}{code}/" for n, code in enumerate(codes)}
    for code, root in roots.items():
        path = (site if root == base else site / code) / "sitemap.xml"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")

        def links(match: re.Match[str], root: str = root) -> str:
            rel = match.group(2)[len(root):] if match.group(2).startswith(root) else None
            if rel is None:
                return match.group(1)
            alternates = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{other}" href="{url}{rel}"/>'
                                 for other, url in roots.items())
            return (match.group(1) + alternates +
                    f'\n         <xhtml:link rel="alternate" hreflang="x-default" href="{base}{rel}"/>')

        text = LOC.sub(links, text.replace('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                                           f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {XHTML}', 1))
        path.write_text(text, encoding="utf-8")
        # The compressed copy, made the same on every build (no time or name in its header).
        (path.parent / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
