"""Each longer text field reads at the site's level, so a hard passage is found where it is
written, not only in the whole page's average at build time."""
from collections.abc import Iterator

from build_scripts.errors import Flaw
from build_scripts.readability import MAX_GRADE, grade_of, measure, sentences_of
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
      "or lower (in Spanish, Szigriszt-Pazos 55 or higher).", (ENTRIES, PAGES), bad=({"what_it_is": HARD}, HARD), good=({"what_it_is": EASY}, EASY))
def check(subject: Subject) -> Iterator[Flaw]:
    scorer = measure(subject.language)  # each language by its own measure, as the page gate does
    for loc, text in subject.texts(skip=("sources", "search_terms", "also_called")):
        sentences = sentences_of(text)
        if sum(len(s.split()) for s in sentences) < MIN_WORDS:
            continue
        score = grade_of(sentences, subject.language)
        if scorer.too_hard(score):
            hardest = max(sentences, key=lambda s: scorer.hardness(grade_of([s], subject.language)))
            yield Flaw(loc, f"reads at {scorer.name} {score:.1f}, {scorer.past} {scorer.limit:g}; the hardest sentence "
                       f"is '{hardest}': use shorter sentences and plainer words", at=hardest)
