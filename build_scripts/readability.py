"""Reading level of every built page, scored on the text a reader sees.

As the NHS does before scoring, every heading, list item and table cell gets a
full stop, so that a list is not read as one endless sentence. Sources, the
"About this page" footer (``data-search-exclude``) and permalink symbols are
left out. Scores come from textstat (Flesch-Kincaid grade and SMOG).
"""
from __future__ import annotations

import html
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import textstat

from build_scripts.workers import fork_map

MAX_GRADE = 8.0  # no page may score above this Flesch-Kincaid grade
TARGET_MEDIAN = 6.5
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "summary", "label", "legend"}
BLOCK_STARTERS = BLOCKS | {"ul", "ol", "table", "div", "dl"}  # text before these ends a sentence
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "svg"}


@dataclass(frozen=True)
class Score:
    page: str  # site path, e.g. causes/caffeine/
    grade: float  # Flesch-Kincaid grade
    smog: float | None  # None when not asked for: the build needs only the grade
    words: int
    longest: int  # words in the longest sentence

    @property
    def too_hard(self) -> bool:
        return self.grade > MAX_GRADE


# The HTML is MkDocs' own output, so a regular expression can take it apart: a comment, a tag
# (group 1 is "/" for an end tag, group 2 the name, group 3 the attributes) or text. Four times
# quicker than html.parser, which was most of the check's time on a big site.
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = {"script", "style"}  # their content is not HTML: skip to the end tag


class _ArticleText:
    """Sentences of the page's main article, with full stops added to blocks."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._skipped = 0  # open tags in the stack that are skipped
        self._article = 0
        self._buffer: list[str] = []
        self._excluded_section = False  # inside an h2 section marked data-search-exclude

    def feed(self, html_text: str) -> None:
        position = 0
        while (token := _TOKEN.search(html_text, position)) is not None:
            position = token.end()
            closing, tag, attributes, text = token.groups()
            if text is not None or token.group(0) == "<":
                if self._article and not (self._excluded_section or self._skipped):
                    self._buffer.append(html.unescape(text or "<"))
            elif tag is None:
                continue  # a comment
            elif closing:
                self._end(tag.lower())
            else:
                tag = tag.lower()
                self._start(tag, attributes)
                if attributes.rstrip().endswith("/"):
                    self._end(tag)
                elif tag in _RAW_TEXT:
                    end = html_text.lower().find(f"</{tag}", position)
                    position = len(html_text) if end < 0 else end

    def close(self) -> None:
        """Text after the article's last block is not a sentence of its own: drop it."""
        self._buffer = []

    def _start(self, tag: str, attributes: str) -> None:
        if tag in VOID:
            return
        names: dict[str, str] = {}
        if "data-" in attributes or "headerlink" in attributes:
            for match in _ATTRIBUTE.finditer(attributes):
                names[match.group(1).lower()] = next((g for g in match.groups()[1:] if g is not None), "")
        # Out of search and not reader prose: sources, link lists, the review footer. Care cards and
        # facts are out of search too, but are prose (data-prose), so they are scored.
        excluded = "data-search-exclude" in names and "data-prose" not in names
        skip = tag in SKIPPED or excluded or "headerlink" in names.get("class", "")
        if tag == "article":
            self._article += 1
        if tag in ("h1", "h2"):  # a section marked data-search-exclude runs to the next h2
            self._excluded_section = excluded
        if tag in BLOCK_STARTERS:
            self._flush()
        self._stack.append((tag, skip))
        self._skipped += skip

    def _end(self, tag: str) -> None:
        if tag in VOID:
            return
        while self._stack:  # close everything opened since this tag's start
            open_tag, skipped = self._stack.pop()
            self._skipped -= skipped
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._flush()
        if tag == "article":
            self._article -= 1

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            self.sentences.append(text if text[-1] in ".?!:;" else text + ".")


def page_text(html_text: str) -> str:
    start, end = html_text.find("<article"), html_text.rfind("</article>")
    parser = _ArticleText()
    parser.feed(html_text[start:end + len("</article>")] if 0 <= start < end else html_text)  # skip the chrome
    parser.close()
    return " ".join(parser.sentences)


def score_text(page: str, text: str, smog: bool = True) -> Score:
    sentences = [s for s in re.split(r"(?<=[.?!:;])\s+", text) if s.strip()]
    return Score(
        page=page,
        grade=float(textstat.flesch_kincaid_grade(text)),
        smog=float(textstat.smog_index(text)) if smog else None,
        words=len(text.split()),
        longest=max((len(s.split()) for s in sentences), default=0),
    )


def score_site(site: Path, smog: bool = False) -> list[Score]:
    """Scores of every page of a built site (the 404 page and search are left out), sorted by page.

    SMOG only if asked for (``report`` prints it; the build checks only the grade): it took half
    the scoring time. A large site is scored on every core (``workers.fork_map``): at 5,000 pages
    this is seconds.
    """
    jobs = []
    for path in sorted(site.rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        page = "" if page == "." else page + "/"
        if not page.startswith("search/"):
            jobs.append((path, page or "(home)", smog))
    return [s for s in fork_map(_score_file, jobs) if s]


def _score_file(job: tuple[Path, str, bool]) -> Score | None:
    path, page, smog = job
    text = page_text(path.read_text(encoding="utf-8"))
    return score_text(page, text, smog) if text else None


def median_grade(scores: list[Score]) -> float:
    return statistics.median(s.grade for s in scores) if scores else 0.0


def table(scores: list[Score]) -> str:
    """A plain-text table of scores, hardest first, with the median."""
    rows = [f"{'page':<40} {'FK grade':>8} {'SMOG':>6} {'words':>6} {'longest':>8}"]
    for s in sorted(scores, key=lambda s: (-s.grade, s.page)):
        flag = "  over the limit" if s.too_hard else ""
        smog = "" if s.smog is None else f"{s.smog:.1f}"
        rows.append(f"{s.page:<40} {s.grade:>8.1f} {smog:>6} {s.words:>6} {s.longest:>8}{flag}")
    rows.append(f"median FK grade {median_grade(scores):.1f} (target {TARGET_MEDIAN}; "
                f"every page must be {MAX_GRADE:g} or lower)")
    return "\n".join(rows)


MAX_SENTENCE_WORDS = 20
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def sentences_of(markdown: str) -> list[str]:
    """The sentences a reader sees in a piece of Markdown: links by their words, each list item
    and line of a list its own sentence, as on the built page."""
    text = _MARKDOWN_LINK.sub(r"\1", markdown)
    text = re.sub(r"<!--.*?-->|[*_`]|^\s*(?:[-+*]|\d+\.)\s+|^#+\s*", "", text, flags=re.M | re.S)
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\S)|\|", text):  # a table cell is a block too
        for sentence in re.split(r"(?<=[.?!:;])\s+", " ".join(block.split())):
            if re.search(r"\w", sentence):
                out.append(sentence)
    return out


def grade_of(sentences: list[str]) -> float:
    """Flesch-Kincaid grade of these sentences, each ended with a full stop as on the page."""
    return float(textstat.flesch_kincaid_grade(" ".join(s.rstrip(":;,") + "." if s[-1] not in ".?!" else s
                                                        for s in sentences)))
