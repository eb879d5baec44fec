"""Sentences stay short enough for a reading age of 9 to 11: at most 20 words each."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.readability import MAX_SENTENCE_WORDS, sentences_of
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule

LONG = " ".join(["word"] * (MAX_SENTENCE_WORDS + 1)) + "."


@rule("sentence-length", f"No sentence a reader sees is over {MAX_SENTENCE_WORDS} words.", (ENTRIES, PAGES),
      bad=({"what_it_is": LONG}, LONG), good=({"what_it_is": "Caffeine is in coffee. It wakes you up."}, "Short words."))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, text in subject.texts(skip=("sources", "search_terms", "also_called")):
        for sentence in sentences_of(text):
            words = len(sentence.split())
            if words > MAX_SENTENCE_WORDS:
                quoted = " ".join(sentence.split()[:8])
                yield Flaw(loc, f"a sentence of {words} words ('{quoted} ...'); split it into sentences of "
                           f"{MAX_SENTENCE_WORDS} words or fewer", at=quoted)
