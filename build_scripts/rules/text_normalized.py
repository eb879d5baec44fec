"""Text is stored in Unicode normal form C, so 'é' typed two ways is one word to search and to the rules."""
import unicodedata
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import EVERY_FILE, Subject, rule


@rule("text-normalized", "Text is in Unicode normal form C (an accent is part of its letter).", EVERY_FILE,
      bad=({"summary": "Cafe\u0301 au lait."},), good=({"summary": "Caf\u00e9 au lait."},))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, text in subject.texts(skip=()):
        if not unicodedata.is_normalized("NFC", text):
            word = next((w for w in text.split() if not unicodedata.is_normalized("NFC", w)), text[:20])
            yield Flaw(loc, f"'{unicodedata.normalize('NFC', word)}' is written with a separate accent mark; "
                       "type it again as one letter (Unicode NFC)", at=word)
