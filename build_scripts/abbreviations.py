"""Glossary words get a tooltip where a page first uses them.

The generator writes the first use of each glossary word on a page as
``<abbr title="meaning">word</abbr>``, and ``glossary.js`` shows the meaning on hover, tap and
focus. Only the first use: a word underlined a dozen times is noise, and a reader who needs the
meaning needs it once. Never in the front matter, a heading (the page's title is its first one),
a link, an HTML tag or an attribute list, and never for an everyday word the glossary marks
``everyday`` (twitch, cramp, spasm): the pages explain those themselves.
"""
from __future__ import annotations

import html
import re
from typing import Any

WORD = re.compile(r"\w+")
# Every character below U+3000 that is not part of a word, mapped to a space: translating and
# splitting finds the same words as WORD.findall in half the time.
_NOT_WORD = {code: " " for code in range(0x3000) if not WORD.fullmatch(chr(code))}
_BEYOND = re.compile("[\u3000-\U0010ffff]")


def words_in(text: str) -> set[str]:
    """The distinct words (``\\w+``) in ``text``."""
    if not text.isascii() and _BEYOND.search(text):  # rare: a character the table does not cover
        return set(WORD.findall(text))
    return set(text.translate(_NOT_WORD).split())


class Abbreviations:
    """The glossary's words and forms, each with its one-line definition."""

    def __init__(self, glossary: list[dict[str, Any]]) -> None:
        self.definitions: dict[str, str] = {}
        self.term_of: dict[str, str] = {}  # form -> its term: a term is marked once, whatever its form
        for term in glossary:
            if term.get("everyday"):
                continue
            definition = " ".join(str(term["definition"]).split())
            for word in [term["term"], *term.get("also_called", [])]:
                # Matched as written, so a lower-case word is also listed with a capital first letter.
                for form in (str(word), str(word)[:1].upper() + str(word)[1:]):
                    self.definitions.setdefault(form, definition)
                    self.term_of.setdefault(form, str(term["term"]))
        self.words = {form: frozenset(WORD.findall(form)) for form in self.definitions}

    def mark(self, markdown: str) -> str:
        """``markdown`` with the first use of each glossary word it uses written as an ``<abbr>``."""
        present = words_in(markdown)
        forms = sorted((form for form in self.definitions if self.words[form] <= present), key=len, reverse=True)
        if not forms:
            return markdown
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
        done: set[str] = set()

        def first_use(found: re.Match[str]) -> str:
            term = self.term_of[found.group(1)]
            if term in done:
                return found.group(1)
            done.add(term)
            return f'<abbr title="{html.escape(self.definitions[found.group(1)])}">{found.group(1)}</abbr>'

        front = FRONT_MATTER.match(markdown)
        start = front.end() if front else 0
        out = [markdown[:start]]
        for line in markdown[start:].splitlines(keepends=True):
            if line.lstrip().startswith("#"):  # a heading: the title, or a section's
                out.append(line)
                continue
            pieces = PROTECTED.split(line)  # text, protected, text, ...
            out.append("".join(piece if k % 2 else pattern.sub(first_use, piece) for k, piece in enumerate(pieces)))
        return "".join(out)


FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.S)
# What a word in it is not: a Markdown link (its text and address), an HTML tag or comment, an
# attribute list, code, a web address, or bold text at the start of a fact line ("**How common:**").
PROTECTED = re.compile(r"(\[[^\]]*\]\([^)]*\)|<!--.*?-->|<[^>]*>|\{[^}]*\}|`[^`]*`|https?://\S+|\*\*[^*]+\*\*)")
