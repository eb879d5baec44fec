"""Glossary words as Markdown abbreviations, so each one a page uses gets a tooltip.

Each generated page ends with definitions (``*[word]: meaning``) for the glossary words that
page uses, and no others: Python-Markdown's ``abbr`` extension then writes every use as
``<abbr title="meaning">``, and ``glossary.js`` shows the meaning on hover, tap and focus.
Only the words a page uses, because every definition costs Markdown time on every page:
appending the whole glossary to each page made MkDocs 1.7 times slower.
"""
from __future__ import annotations

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
        for term in glossary:
            definition = " ".join(str(term["definition"]).split()).replace("]", ")")
            for word in [term["term"], *term.get("also_called", [])]:
                # Matched as written, so a lower-case word is also listed with a capital first letter.
                for form in (str(word), str(word)[:1].upper() + str(word)[1:]):
                    self.definitions.setdefault(form, definition)
        self.words = {form: frozenset(WORD.findall(form)) for form in self.definitions}

    def for_page(self, markdown: str) -> str:
        """Definitions for the words ``markdown`` uses, in glossary order, one per block
        (Markdown parses one long block of them slowly); empty if it uses none."""
        # A form is kept if every word of it is on the page: a set test, much faster than one big
        # regular expression of every form. A form whose words are on the page but not together
        # gets a definition that is never used, which costs nothing.
        present = words_in(markdown)
        lines = [f"*[{form}]: {meaning}" for form, meaning in self.definitions.items()
                 if self.words[form] <= present]
        return "\n\n".join(lines)

    def append_to(self, markdown: str) -> str:
        """``markdown`` with the definitions it needs at its end."""
        definitions = self.for_page(markdown)
        return f"{markdown.rstrip()}\n\n{definitions}\n" if definitions else markdown
