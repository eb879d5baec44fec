"""Each longer text field reads at the site's level, so a hard passage is found where it is
written, not only in the whole page's average at build time."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.readability import MAX_GRADE, grade_of, sentences_of
from build_scripts.rules.registry import ENTRIES, PAGES, Subject, rule

MIN_WORDS = 40  # below this a grade says little: one long word moves it by several grades
HARD = ("Fasciculations are involuntary contractions of individual motor units, frequently precipitated by "
        "physiological stressors. Pharmacological interventions demonstrate inconsistent therapeutic efficacy. "
        "Electromyographic evaluation differentiates benign presentations from neurodegenerative pathology. "
        "Consultation facilitates reassurance regarding prognostically favourable, self-limiting phenomena. "
        "Magnesium supplementation demonstrates negligible efficacy in randomised controlled investigations.")
EASY = ("A twitch is a small jump in a muscle. Most twitches are harmless. They often come with stress, "
        "coffee or a lack of sleep. They tend to stop on their own. Rest and less coffee can help. "
        "Most people feel better in a week or two.")


@rule("reading-grade", f"A text field of {MIN_WORDS} words or more scores Flesch-Kincaid grade {MAX_GRADE:g} "
      "or lower.", (ENTRIES, PAGES), bad=({"what_it_is": HARD}, HARD), good=({"what_it_is": EASY}, EASY))
def check(subject: Subject) -> Iterator[Flaw]:
    for loc, text in subject.texts(skip=("sources", "search_terms", "also_called")):
        sentences = sentences_of(text)
        if sum(len(s.split()) for s in sentences) < MIN_WORDS:
            continue
        grade = grade_of(sentences)
        if grade > MAX_GRADE:
            hardest = max(sentences, key=lambda s: grade_of([s]))
            yield Flaw(loc, f"reads at Flesch-Kincaid grade {grade:.1f}, over {MAX_GRADE:g}; the hardest sentence is "
                       f"'{hardest}': use shorter sentences and plainer words", at=hardest)
