"""Page-weight budget: the HTML, CSS and JavaScript each page loads, gzip-compressed as GitHub Pages
sends them (the search index, fetched only when a reader searches, is left out)."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

BUDGET_KB = 100  # per page; measured in bench/README.md


def transferred(page: Path) -> int:
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(page.read_bytes(), mtime=0))
    for asset in set(re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)):
        path = (page.parent / asset).resolve()
        assert path.is_file(), f"{page}: {asset} is missing"
        total += len(gzip.compress(path.read_bytes(), mtime=0))
    return total


def test_every_page_is_within_the_weight_budget(built_project: Path) -> None:
    site = built_project / "site"
    weights = {p.parent.relative_to(site).as_posix(): transferred(p) for p in site.rglob("index.html")}
    over = {page: f"{size / 1024:.0f} KB" for page, size in weights.items() if size > BUDGET_KB * 1024}
    assert over == {}


def test_no_script_blocks_the_first_paint(built_project: Path) -> None:
    """Every external script is deferred, so the page paints before any script runs."""
    site = built_project / "site"
    blocking = {
        page.parent.relative_to(site).as_posix(): tag
        for page in site.rglob("*.html")
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        if " defer" not in tag
    }
    assert blocking == {}
