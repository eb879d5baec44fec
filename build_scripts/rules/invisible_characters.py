"""Text readers see holds no character they cannot see (Unicode UTS #55, source code spoofing).

Bidirectional controls can show words in another order than they are stored ("Trojan Source");
zero-width and tag characters hide words from a reviewer, from search and from the rules here
(a dose split by a zero-width space reads '200 mg' on the page but escapes no-doses).
"""
import re
import unicodedata
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.rules.registry import EVERY_FILE, Subject, rule
from build_scripts.yaml_file import Document

# Cf (format) characters, other controls but the line break, private use, unassigned, and the
# invisible letters and marks some editors paste (Hangul fillers, the Braille blank).
INVISIBLE = {"Cf", "Cc", "Co", "Cn", "Cs"}
INVISIBLE_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u180e", "\u034f"}
ALLOWED = {"\n", "\t", "\u00ad"}  # the soft hyphen is allowed: it only marks where a word may break


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def first_invisible(text: str) -> tuple[int, str] | None:
    if text.isascii():  # most text: only a control character could hide in it
        found = _ASCII_CONTROL.search(text)
        return (found.start(), found.group(0)) if found else None
    for index, char in enumerate(text):
        if char in ALLOWED:
            continue
        if unicodedata.category(char) in INVISIBLE or char in INVISIBLE_LETTERS \
                or "VARIATION SELECTOR" in unicodedata.name(char, ""):
            return index, char
    return None


@rule("invisible-characters", "No invisible or direction-changing character (UTS #55): zero-width spaces, "
      "bidi controls, tag characters.", EVERY_FILE,
      bad=({"summary": "Take 200\u200b mg."}, "Words\u202e reversed."),
      good=({"summary": "Café au lait is fine."}, "Plain words."))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, text in subject.texts(skip=(), raw=True):
        found = first_invisible(text)
        if found:
            index, char = found
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            before = re.split(r"\s", text[:index])[-1] or text[max(0, index - 20):index]
            yield Flaw(loc, f"contains an invisible character, {name} (U+{ord(char):04X}), after '{before}'; "
                       "delete it and type the text again", at=before)
