"""Rules the translation loader carries out (``language.py``, ``translation.py``): a translation
holds the words of everything the English says, and nothing the English no longer has."""
from build_scripts.rules.registry import ENTRIES, PAGES, Rule, add

TRANSLATED = (ENTRIES, PAGES, "triage", "glossary", "taxonomy")
add(Rule("translation-complete", "A translation gives every text the English has, in its own words (a text of 4 "
         "words or more left in English is untranslated).", TRANSLATED))
add(Rule("translation-shape", "A translation has no text for what the English no longer has, and no file for an "
         "entry the English does not have.", TRANSLATED))
