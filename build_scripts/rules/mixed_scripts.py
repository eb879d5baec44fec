"""A word is written in one script (Unicode UTS #39): 'саffeine' with a Cyrillic 'а' looks like
'caffeine' but is another word to search, to the rules and to screen readers."""
import re
import unicodedata
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import EVERY_FILE, Subject, rule

WORD = re.compile(r"\w+")
SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")  # the ones with look-alike letters


def script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((s for s in SCRIPTS if name.startswith(s)), None)


def mixed_word(text: str) -> str | None:
    """The first word that mixes scripts with look-alike letters, or None."""
    if text.isascii():
        return None
    for word in WORD.finditer(text):
        if word.group(0).isascii():
            continue
        seen = {script(c) for c in word.group(0) if c.isalpha()} - {None}
        if len(seen) > 1:
            return word.group(0)
    return None


@rule("mixed-scripts", "No word mixes look-alike letters from different scripts, such as a Cyrillic 'а' "
      "in a Latin word (UTS #39).", EVERY_FILE,
      bad=({"summary": "Too much с\u0430ffeine."}, "Too much с\u0430ffeine."),
      good=({"summary": "Μύες means muscles in Greek."}, "Calambre, espasmo y fasciculación."))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, text in subject.texts(skip=()):
        word = mixed_word(text)
        if word:
            scripts = sorted({script(c) for c in word if c.isalpha()} - {None})
            yield Flaw(loc, f"'{word}' mixes letters from {' and '.join(s.title() for s in scripts)} scripts; "
                       "type the word again in one script", at=word)
