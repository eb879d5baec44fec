"""Reading level of every built page, scored on the text a reader sees.

As the NHS does before scoring, every heading, list item and table cell gets a
full stop, so that a list is not read as one endless sentence. Sources, the
"About this page" footer (``data-search-exclude``) and permalink symbols are
left out. Scores come from textstat, with the measure of the page's language (``MEASURES``,
chosen by the ``lang`` of the page's ``<html>``): Flesch-Kincaid grade (and SMOG in the report)
for English.
"""
from __future__ import annotations

import html
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import textstat

from build_scripts.workers import fork_map

MAX_GRADE = 8.0  # no English page may score above this Flesch-Kincaid grade
TARGET_MEDIAN = 6.5
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "summary", "label", "legend"}
BLOCK_STARTERS = BLOCKS | {"ul", "ol", "table", "div", "dl"}  # text before these ends a sentence
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "svg"}


@dataclass(frozen=True)
class Measure:
    """How the reading level of one language is scored, and the level every page must reach.

    A grade (Flesch-Kincaid) is lower for easier text; an ease score (Szigriszt-Pazos) is higher.
    ``higher_is_easier`` turns the comparisons round, so a page is held to its limit the right way.
    """

    name: str  # in messages: "Flesch-Kincaid grade"
    short: str  # the report's column heading, 8 characters at most
    formula: str  # the textstat function
    textstat_language: str  # for textstat.set_lang: the syllable dictionary
    limit: float  # what every page must reach
    target_median: float  # what the site's median must reach
    higher_is_easier: bool = False
    smog: bool = False  # SMOG (an English measure) in the report too

    def score(self, text: str) -> float:
        _use_language(self.textstat_language)
        return float(getattr(textstat, self.formula)(text))

    def too_hard(self, value: float) -> bool:
        return value < self.limit if self.higher_is_easier else value > self.limit

    def meets_median(self, median: float) -> bool:
        return median >= self.target_median if self.higher_is_easier else median <= self.target_median

    def hardness(self, value: float) -> float:
        """Larger for harder text, whichever way the measure runs."""
        return -value if self.higher_is_easier else value

    @property
    def past(self) -> str:
        """Which side of the limit a too-hard page is on: "over" a grade, "under" an ease score."""
        return "under" if self.higher_is_easier else "over"

    @property
    def bound(self) -> str:
        return "or higher" if self.higher_is_easier else "or lower"


# The measure of each language the site may be written in, by language code.
MEASURES = {
    # Flesch-Kincaid grade: a US school year; lower is easier.
    "en": Measure("Flesch-Kincaid grade", "FK grade", "flesch_kincaid_grade", "en_US", MAX_GRADE, TARGET_MEDIAN,
                  smog=True),
    # Szigriszt-Pazos perspicuity, read on the INFLESZ scale (Barrio-Cantalejo 2008): 55 to 65 is
    # "normal", above 65 "fairly easy"; health information for the public should score over 55.
    "es": Measure("Szigriszt-Pazos (INFLESZ)", "INFLESZ", "szigriszt_pazos", "es", 55.0, 65.0,
                  higher_is_easier=True),
}
REFERENCE_LANGUAGE = "en"
_textstat_language = "en_US"  # textstat's own default: English is scored as it always was


def measure(language: str) -> Measure:
    """The measure for a language code ("en", "en-GB" and "en_US" are all English)."""
    code = re.split(r"[-_]", language.strip().lower() or REFERENCE_LANGUAGE)[0]
    if code not in MEASURES:
        raise ValueError(f"no reading-level measure for language '{language}': add one to MEASURES in "
                         "build_scripts/readability.py")
    return MEASURES[code]


def _use_language(language: str) -> None:
    """Point textstat at a language's syllable dictionary; only when it changes (it is slow)."""
    global _textstat_language
    if language != _textstat_language:
        textstat.set_lang(language)
        _textstat_language = language


@dataclass(frozen=True)
class Score:
    page: str  # site path, e.g. causes/caffeine/
    grade: float  # the page language's measure (``MEASURES``): for English, the Flesch-Kincaid grade
    smog: float | None  # None when not asked for (the build needs only the grade) or not English
    words: int
    longest: int  # words in the longest sentence
    language: str = REFERENCE_LANGUAGE

    @property
    def measure(self) -> Measure:
        return measure(self.language)

    @property
    def too_hard(self) -> bool:
        return self.measure.too_hard(self.grade)


# The HTML is MkDocs' own output, so a regular expression can take it apart: a comment, a tag
# (group 1 is "/" for an end tag, group 2 the name, group 3 the attributes) or text. Four times
# quicker than html.parser, which would be most of the check's time on a big site.
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


_HTML_LANG = re.compile(r"""<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z][\w-]*)""", re.I)


_UNTRANSLATED = '<meta name="translation" content="missing">'
# A generated page that is a list of names and links (the A to Z), not prose: a reading formula
# would score the names' length, not how easy the page is to read.
NOT_PROSE = '<meta name="reading" content="names">'


def page_language(html_text: str) -> str:
    """The language a page says it is in (``<html lang="en">``); English if it does not say."""
    found = _HTML_LANG.search(html_text, 0, 4000)
    return found.group(1) if found else REFERENCE_LANGUAGE


def page_text(html_text: str) -> str:
    start, end = html_text.find("<article"), html_text.rfind("</article>")
    parser = _ArticleText()
    parser.feed(html_text[start:end + len("</article>")] if 0 <= start < end else html_text)  # skip the chrome
    parser.close()
    return " ".join(parser.sentences)


def score_text(page: str, text: str, smog: bool = True, language: str = REFERENCE_LANGUAGE) -> Score:
    sentences = [s for s in re.split(r"(?<=[.?!:;])\s+", text) if s.strip()]
    scorer = measure(language)
    return Score(
        page=page,
        grade=scorer.score(text),
        smog=float(textstat.smog_index(text)) if smog and scorer.smog else None,
        words=len(text.split()),
        longest=max((len(s.split()) for s in sentences), default=0),
        language=language,
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
    html_text = path.read_text(encoding="utf-8")
    text = page_text(html_text)
    if NOT_PROSE in html_text:
        return None
    # A page not translated yet is in English, whatever its site's language (language.py).
    language = REFERENCE_LANGUAGE if _UNTRANSLATED in html_text else page_language(html_text)
    return score_text(page, text, smog, language) if text else None


def median_grade(scores: list[Score]) -> float:
    return statistics.median(s.grade for s in scores) if scores else 0.0


def table(scores: list[Score]) -> str:
    """A plain-text table of scores, hardest first, with the median (in the measure of the first
    page's language: a site is in one language)."""
    scorer = scores[0].measure if scores else measure(REFERENCE_LANGUAGE)
    rows = [f"{'page':<40} {scorer.short:>8} {'SMOG':>6} {'words':>6} {'longest':>8}"]
    for s in sorted(scores, key=lambda s: (-scorer.hardness(s.grade), s.page)):
        flag = f"  {scorer.past} the limit" if s.too_hard else ""
        smog = "" if s.smog is None else f"{s.smog:.1f}"
        rows.append(f"{s.page:<40} {s.grade:>8.1f} {smog:>6} {s.words:>6} {s.longest:>8}{flag}")
    rows.append(f"median {scorer.short} {median_grade(scores):.1f} (target {scorer.target_median}; "
                f"every page must be {scorer.limit:g} {scorer.bound})")
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


def grade_of(sentences: list[str], language: str = REFERENCE_LANGUAGE) -> float:
    """The language's score (English: Flesch-Kincaid grade) of these sentences, each ended with a
    full stop as on the page."""
    return measure(language).score(" ".join(s.rstrip(":;,") + "." if s[-1] not in ".?!" else s for s in sentences))
