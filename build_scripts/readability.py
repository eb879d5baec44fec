"""Reading level of every built page, scored on the text a reader sees.

As the NHS does before scoring, every heading, list item and table cell gets a
full stop, so that a list is not read as one endless sentence. Sources, the
"About this page" footer (``data-search-exclude``) and permalink symbols are
left out. Scores come from textstat (Flesch-Kincaid grade and SMOG).
"""
from __future__ import annotations

import os
import re
import statistics
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import textstat

MAX_GRADE = 8.0  # no page may score above this Flesch-Kincaid grade
TARGET_MEDIAN = 6.5
PARALLEL_FROM = 300  # pages; below this, starting worker processes costs more than it saves
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "summary"}
BLOCK_STARTERS = BLOCKS | {"ul", "ol", "table", "div", "dl"}  # text before these ends a sentence
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "svg"}


@dataclass(frozen=True)
class Score:
    page: str  # site path, e.g. causes/caffeine/
    grade: float  # Flesch-Kincaid grade
    smog: float
    words: int
    longest: int  # words in the longest sentence

    @property
    def too_hard(self) -> bool:
        return self.grade > MAX_GRADE


class _ArticleText(HTMLParser):
    """Sentences of the page's main article, with full stops added to blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sentences: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._article = 0
        self._buffer = ""
        self._excluded_section = False  # inside an h2 section marked data-search-exclude

    @property
    def _skipping(self) -> bool:
        return self._excluded_section or any(skipped for _, skipped in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        attributes = dict(attrs)
        # Out of search and not reader prose: sources, link lists, the review footer. Care cards and
        # facts are out of search too, but are prose (data-prose), so they are scored.
        excluded = "data-search-exclude" in attributes and "data-prose" not in attributes
        skip = tag in SKIPPED or excluded or "headerlink" in (attributes.get("class") or "")
        if tag == "article":
            self._article += 1
        if tag in ("h1", "h2"):  # a section marked data-search-exclude runs to the next h2
            self._excluded_section = excluded
        if tag in BLOCK_STARTERS:
            self._flush()
        self._stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._flush()
        if tag == "article":
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._article and not self._skipping:
            self._buffer += data

    def _flush(self) -> None:
        text = " ".join(self._buffer.split())
        self._buffer = ""
        if text:
            self.sentences.append(text if text[-1] in ".?!:;" else text + ".")



def page_text(html: str) -> str:
    start, end = html.find("<article"), html.rfind("</article>")
    parser = _ArticleText()
    parser.feed(html[start:end + len("</article>")] if 0 <= start < end else html)  # skip the chrome
    parser.close()
    return " ".join(parser.sentences)


def score_text(page: str, text: str) -> Score:
    sentences = [s for s in re.split(r"(?<=[.?!:;])\s+", text) if s.strip()]
    return Score(
        page=page,
        grade=float(textstat.flesch_kincaid_grade(text)),
        smog=float(textstat.smog_index(text)),
        words=len(text.split()),
        longest=max((len(s.split()) for s in sentences), default=0),
    )


def score_site(site: Path) -> list[Score]:
    """Scores of every page of a built site (the 404 page and search are left out), sorted by page.

    A large site is scored on every core: at 5,000 pages this is seconds, not a minute.
    """
    jobs = []
    for path in sorted(site.rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        page = "" if page == "." else page + "/"
        if not page.startswith("search/"):
            jobs.append((path, page or "(home)"))
    if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        scores = map(_score_file, jobs)
        return [s for s in scores if s]
    with ProcessPoolExecutor() as pool:
        return [s for s in pool.map(_score_file, jobs, chunksize=32) if s]


def _score_file(job: tuple[Path, str]) -> Score | None:
    path, page = job
    text = page_text(path.read_text(encoding="utf-8"))
    return score_text(page, text) if text else None


def median_grade(scores: list[Score]) -> float:
    return statistics.median(s.grade for s in scores) if scores else 0.0


def table(scores: list[Score]) -> str:
    """A plain-text table of scores, hardest first, with the median."""
    rows = [f"{'page':<40} {'FK grade':>8} {'SMOG':>6} {'words':>6} {'longest':>8}"]
    for s in sorted(scores, key=lambda s: (-s.grade, s.page)):
        flag = "  over the limit" if s.too_hard else ""
        rows.append(f"{s.page:<40} {s.grade:>8.1f} {s.smog:>6.1f} {s.words:>6} {s.longest:>8}{flag}")
    rows.append(f"median FK grade {median_grade(scores):.1f} (target {TARGET_MEDIAN}; "
                f"every page must be {MAX_GRADE:g} or lower)")
    return "\n".join(rows)
