"""The one definition of every content type.

The validator (``model.py``), the page templates (``render.py``), the JSON
Schema (``schema_json.py``) and the scaffold (``scaffold.py``) all read these objects, so a field
is added or changed here and nowhere else.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from build_scripts.fields import (
    Choice,
    Context,
    Date,
    Field,
    Flag,
    Id,
    ListOf,
    MapOf,
    Markdown,
    Obj,
    Ref,
    SignRef,
    Text,
    Url,
)

HOW_COMMON = ("common", "less common", "rare")
TREATMENT_KINDS = ("self-care", "lifestyle", "medicine", "therapy", "procedure", "complementary")
# What the evidence for a treatment shows, and how certain it is: two separate things. Certainty
# follows GRADE's four levels; "no trials" is expert advice with no trial behind it.
SHOWS = ("helps", "may help", "unclear", "does not help", "can harm")
CERTAINTY = ("high", "moderate", "low", "very low", "no trials")
REVIEW_CYCLE_YEARS = 3


@dataclass(frozen=True)
class CareLevel:
    """One level of the 'when to get help' care cards. Readers see its words from the locale
    (``care.<key>``); ``meaning`` tells a contributor what it is for."""

    key: str
    meaning: str


# Emergency first: the order the cards appear on a page. The numbers read in every country
# (the English form; the emergency-numbers rule asks for it).
EMERGENCY_NUMBERS = "999 (UK), 911 (US), 112 (EU) or your local emergency number"
CARE_LEVELS = (
    CareLevel("emergency", f"the reader should call {EMERGENCY_NUMBERS} now"),
    CareLevel("urgent", "the reader should get medical help today (a same-day appointment, or NHS 111)"),
    CareLevel("see_doctor", "the reader should make an appointment with a doctor, not necessarily today"),
)
LEVEL_KEYS = tuple(level.key for level in CARE_LEVELS)

TITLE = Field("title", Text(80), help="The plain name a reader would use.", example="Caffeine")
ALSO_CALLED = Field(
    "also_called",
    ListOf(Text(80), min_items=1, max_items=30),
    help="Other real names: lay names, medical terms, UK and US spellings, abbreviations. Shown on the "
         "page as 'Also called'. Misspellings and phrases readers type go in search_terms.",
    example=["caffeine jitters", "caffeinism"],
)
SEARCH_TERMS = Field(
    "search_terms",
    ListOf(Text(80), min_items=1, max_items=40),
    required=False,
    help="Misspellings and phrases readers might type. Search finds the page by them; no page shows them.",
    translate="optional",
    example=["cafeine", "twitching after coffee"],
)
SUMMARY = Field(
    "summary",
    Text(320),
    help="One or two short sentences that say what this is, calmly.",
    example="Too much caffeine can make muscles twitch. The twitches stop when you cut down.",
)
SOURCE = Obj(
    (
        Field("title", Text(200), help="The page or paper title.", example="Twitching eyes and muscles"),
        Field("publisher", Choice(controlled="publishers", controlled_in="content/publishers.yaml"),
              help="Who published it: a name from content/publishers.yaml.", example="NHS"),
        Field("url", Url(), help="The publisher's own https:// address (never a copy): "
              "its host must be one listed for that publisher.",
              example="https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"),
    )
)
SOURCES = Field(
    "sources",
    ListOf(SOURCE, min_items=2, max_items=12),
    translate="optional",
    help="At least 2 reputable sources (NHS, MedlinePlus, NINDS, NICE, Mayo Clinic, Cleveland Clinic, peer-reviewed papers).",
    example=[
        {"title": "Twitching eyes and muscles", "publisher": "NHS",
         "url": "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"},
        {"title": "Muscle twitching", "publisher": "MedlinePlus (US National Library of Medicine)",
         "url": "https://medlineplus.gov/ency/article/003296.htm"},
    ],
)
REVIEW = (
    Field("last_reviewed", Date(), help="When a reviewer last checked this entry against its sources.",
          example=dt.date(2026, 11, 21)),
    Field("next_review_due", Date(),
          help=f"When it must be checked again: after last_reviewed and within {REVIEW_CYCLE_YEARS} years of it.",
          example=dt.date(2029, 11, 21)),
    Field("reviewed_by", Text(120), help="Name and role of the reviewer.", example="Dr A. Example, GP",
          translate="no"),
)
ID = Field("id", Id(), required=False, help="Optional. If given, it must equal the file name without .yaml.",
           example="caffeine")


@dataclass(frozen=True)
class EntryType:
    """A kind of entry with one YAML file per entry under ``content/<folder>/``.

    The type says everything the generator needs: its fields (checked, turned into JSON Schema
    and the annotated template), the links they make (``Ref``, with its backlink), the field its
    index page groups by, the schema.org type of what a page is about, and its template. Its
    words (index heading, group names, section headings) are in the locale, under
    ``types.<name>``. Adding a type is its definition here, its template and its content.
    """

    name: str  # "cause"
    folder: str  # "causes"
    fields: tuple[Field, ...]
    examples: dict[str, Any] = field(default_factory=dict)  # this type's examples for fields shared by all types
    group_by: str = ""  # a Choice field: its index page lists entries under each value, in the Choice's order
    about: str = "Thing"  # the schema.org type of what an entry page is about (in its JSON-LD)
    template: str = ""  # its page template; by default '<name>.md.j2'
    templates: str = ""  # a folder of templates of its own, searched before build_scripts/templates

    @property
    def page_template(self) -> str:
        return self.template or f"{self.name}.md.j2"

    def groups(self) -> tuple[str, ...]:
        """The values its index page groups by, in order (none if it is not grouped)."""
        by = next((f for f in self.fields if f.name == self.group_by), None)
        return tuple(by.kind.values) if by is not None and isinstance(by.kind, Choice) else ()

    @property
    def obj(self) -> Obj:
        return Obj(self.fields)

    @property
    def sections(self) -> tuple[Field, ...]:
        """Markdown body fields, in page order (their headings are in the locale)."""
        return tuple(f for f in self.fields if f.section)

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        return self.obj.json_schema(ctx)


CARE_EXAMPLES = {
    "emergency": ["heart-and-faint"],
    "urgent": ["long-cramp-not-easing"],
    "see_doctor": ["twitch-over-2-weeks", {"sign": "twitch-many-places-unchecked",
                                           "says": "The twitch is in more than one part of your body."}],
}
CARE = Field(
    "care",
    Obj(
        tuple(
            Field(level.key, ListOf(SignRef(level.key), min_items=1, max_items=6), required=False,
                  help=f"Signs for which {level.meaning}: warning signs from content/triage.yaml at this level, "
                       "at most 6.", example=CARE_EXAMPLES[level.key])
            for level in CARE_LEVELS
        ),
        min_fields=1,
    ),
    help="When to get help: warning signs from content/triage.yaml, under their own level. Give at least "
         "one level; emergency appears first.",
)

CAUSE = EntryType(
    "cause",
    "causes",
    (
        ID,
        TITLE,
        ALSO_CALLED,
        SEARCH_TERMS,
        SUMMARY,
        Field("how_common", Choice(HOW_COMMON), help="How often this is the reason for twitching.", example="common"),
        Field("category", Choice(controlled="categories"), help="The group it belongs to.", example="daily-life"),
        Field("body_areas", ListOf(Choice(controlled="body_areas"), min_items=1),
              help="Where the twitching is usually felt.", example=["eyelid-and-face", "all-over"]),
        Field("symptoms", ListOf(Choice(controlled="symptoms")), required=False,
              help="What often comes with it.", example=["fast-heartbeat"]),
        Field("triggers", ListOf(Choice(controlled="triggers")), required=False,
              help="What can set it off.", example=["caffeine"]),
        Field("what_it_is", Markdown(), section=True, help="A short plain explanation.",
              example="Caffeine is found in coffee, tea, cola and energy drinks.\n"),
        Field("how_it_causes_twitching", Markdown(), section=True,
              help="Why it makes muscles twitch, spasm or cramp. Be honest if the link is weak.",
              example="Caffeine makes your nerves more active.\n"),
        Field("clues", Markdown(), section=True,
              help="Signs that point to this cause. Not a diagnosis.",
              example="- The twitching started when you began having more coffee.\n- You also feel jittery.\n"),
        Field("things_you_can_do", Markdown(), section=True, help="Safe self-care. No doses.",
              example="- Cut down slowly over a week or two.\n- Swap some drinks for water or decaf.\n"),
        CARE,
        Field(
            "treatments",
            ListOf(Obj((Field("id", Ref("treatment", backlink="causes"), help="A treatment id."),
                        Field("note", Text(200), required=False, help="How it applies to this cause.")))),
            required=False,
            help="Treatments that can help, by id, each with an optional note.",
            example=[{"id": "cutting-down-caffeine", "note": "This is the main thing that helps."}],
        ),
        Field("tests", ListOf(Ref("test", backlink="causes")), required=False, help="Tests a doctor may use, by id.",
              example=["blood-tests"]),
        Field("related", ListOf(Ref("cause", backlink="related")), required=False, help="Related causes, by id.",
              example=["stress-and-anxiety"]),
        SOURCES,
        *REVIEW,
    ),
    group_by="how_common",
    about="MedicalCondition",
)

TREATMENT = EntryType(
    "treatment",
    "treatments",
    (
        ID,
        TITLE,
        ALSO_CALLED,
        SEARCH_TERMS,
        SUMMARY,
        Field("kind", Choice(TREATMENT_KINDS), help="What sort of treatment it is.", example="self-care"),
        Field(
            "evidence",
            Obj((Field("shows", Choice(SHOWS), help="What the evidence shows it does.", example="may help"),
                 Field("certainty", Choice(CERTAINTY),
                       help="How certain that is, on GRADE's scale; 'no trials' when only expert advice backs it.",
                       example="no trials"),
                 Field("source", Url(), help="The review, trial or guideline that sets the rating: the url of "
                       "one of this entry's sources.",
                       example="https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"),
                 Field("reason", Text(200), help="One line, in plain words: what the source found.",
                       example="The NHS advises it; no trial has tested it."))),
            help="What the evidence shows, how certain it is, and the source that says so (see the page "
                 "'How we rate the evidence').",
        ),
        Field("how_to", Markdown(), section=True,
              help="Steps for self-care, or how a doctor gives it. Never a dose.",
              example="- Cut down a little at a time over one to two weeks.\n- Swap some drinks for water or decaf.\n"),
        Field("risks", Markdown(), section=True, help="Side effects and don'ts.",
              example="- If you stop all at once, you may get headaches for a few days.\n"),
        Field("when_to_stop", Markdown(), section=True,
              help="When to stop or change the treatment. Signs that need a doctor go in 'care' below.",
              example="- Stop if the headaches from cutting down are bad, and cut down more slowly.\n"),
        replace(CARE, required=False, help="Warning signs from content/triage.yaml that readers of this "
                "treatment should know, under their own level; shown after 'When to stop and get help'."),
        SOURCES,
        *REVIEW,
    ),
    group_by="kind",
    about="MedicalTherapy",
    examples={
        "id": "cutting-down-caffeine",
        "title": "Cutting down on caffeine",
        "also_called": ["decaf"],
        "search_terms": ["less coffee", "stop drinking coffee"],
        "summary": "Having less coffee, tea, cola and energy drinks can ease twitches and help you sleep.",
    },
)

TEST = EntryType(
    "test",
    "tests",
    (
        ID,
        TITLE,
        ALSO_CALLED,
        SEARCH_TERMS,
        SUMMARY,
        Field("what_happens", Markdown(), section=True, help="What the test is like, step by step.",
              example="- A nurse takes a small amount of blood from your arm with a needle.\n"
                      "- It only takes a few minutes.\n"),
        Field("why_it_is_done", Markdown(), section=True, help="What it can show or rule out.",
              example="- To check levels of minerals such as potassium, calcium and magnesium.\n"),
        SOURCES,
        *REVIEW,
    ),
    about="MedicalTest",
    examples={
        "id": "blood-tests",
        "title": "Blood tests",
        "also_called": ["blood work", "bloods"],
        "search_terms": ["blood test for twitching"],
        "summary": "Blood tests can check your minerals, your thyroid and your kidneys.",
    },
)

# Every entry type, in the order of the A to Z and the API. A list, so that a test can add a type.
ENTRY_TYPES = [CAUSE, TREATMENT, TEST]
BY_NAME = {t.name: t for t in ENTRY_TYPES}


def link_names(etype: EntryType) -> list[str]:
    """The lists of links an entry page of ``etype`` has, in page order: those its own fields make,
    then those other types' fields send back to it."""
    names = [f.name for f in etype.fields if any(True for _ in refs(f.kind))]
    for other in ENTRY_TYPES:
        for f in other.fields:
            for ref in refs(f.kind):
                if ref.target == etype.name and ref.backlink and ref.backlink not in names:
                    names.append(ref.backlink)
    return names


def backlink_names(etype: EntryType) -> list[str]:
    """The lists of links other entries' references send back to an entry of ``etype``."""
    return [name for name in link_names(etype) if senders(etype, name)]


def senders(etype: EntryType, backlink: str) -> list[tuple[EntryType, str]]:
    """The (type, field) pairs whose references send the backlink ``backlink`` to ``etype``."""
    return [(other, f.name) for other in ENTRY_TYPES for f in other.fields for ref in refs(f.kind)
            if ref.target == etype.name and ref.backlink == backlink]


def refs(kind: Any) -> Any:
    """Every Ref inside a kind."""
    if isinstance(kind, Ref):
        yield kind
    elif isinstance(kind, (ListOf, MapOf)):
        yield from refs(kind.item)
    elif isinstance(kind, Obj):
        for f in kind.fields:
            yield from refs(f.kind)

TAXONOMY_ITEM = Obj(
    (
        Field("id", Id(), help="Used in entries.", example="leg"),
        Field("label", Text(80), help="Shown to readers.", example="Leg, calf and foot"),
        Field("description", Text(200), required=False, help="Optional longer wording."),
    )
)
TAXONOMY_LISTS = ("categories", "body_areas", "symptoms", "triggers")
TAXONOMY = Obj(tuple(Field(name, ListOf(TAXONOMY_ITEM, min_items=1, max_items=100)) for name in TAXONOMY_LISTS))

PUBLISHER = Obj(
    (
        Field("name", Text(100), help="The name entries write as 'publisher'.", example="NHS"),
        Field("hosts", ListOf(Text(100), min_items=1),
              help="The publisher's own web hosts. A source URL must be on one of them.", example=["www.nhs.uk"]),
        Field("note", Text(200), required=False, help="Why this publisher is trusted."),
    )
)
PUBLISHERS = Obj((Field("publishers", ListOf(PUBLISHER, min_items=1, max_items=200)),))

# Clinical review (build_scripts/review.py): the clinicians who review, in content/reviewers.yaml,
# and their sign-offs, in content/reviews.yaml. The site ships with none: no reviewer is invented.
REVIEWER = Obj((
    Field("id", Id(), help="Used in sign-offs.", example="a-example"),
    Field("name", Text(100), help="Full name, as the reviewer wants it shown.", example="Dr A. Example"),
    Field("role", Text(100), help="Their job, as readers would understand it.", example="GP"),
    Field("registration", Obj((Field("body", Text(100), help="The professional register.", example="GMC"),
                               Field("number", Text(40), help="Their number on it.", example="0000000"))),
          help="Where readers can check them."),
    Field("interests", Text(300), help="Declared interests: payments, shares, roles that could bias a review; "
          "'None' if none.", example="None"),
))
REVIEWERS = Obj((Field("reviewers", ListOf(REVIEWER, max_items=500),
                       help="Clinicians who review this site's content. Each adds themselves in a pull request."),))
SIGNOFF = Obj((
    Field("page", Text(200), help="What was reviewed: an entry (causes/caffeine) or a page (pages/about).",
          example="causes/caffeine"),
    Field("reviewer", Choice(controlled="reviewers", controlled_in="content/reviewers.yaml", shown=""),
          help="The reviewer's id.", example="a-example"),
    Field("date", Date(), help="When they signed it off.", example=dt.date(2026, 11, 28)),
    Field("hash", Text(80), help="The hash of what they read (written by 'review sign'; do not edit).",
          example="sha256:0123456789abcdef"),
))
SIGNOFFS = Obj((Field("signoffs", ListOf(SIGNOFF, max_items=100000),
                      help="Written by 'python -m build_scripts review sign'."),))

GLOSSARY_TERM = Obj(
    (
        Field("term", Text(60), help="The word as it appears on pages.", example="fasciculation"),
        Field("definition", Text(300), help="A plain one-sentence meaning.", example="The medical word for a twitch."),
        Field("also_called", ListOf(Text(60)), required=False, help="Other forms of the word."),
        Field("everyday", Flag(), required=False,
              help="true for an everyday word the pages explain themselves (twitch, cramp): listed in the "
                   "glossary, but given no tooltip on other pages."),
    )
)
GLOSSARY = Obj((Field("terms", ListOf(GLOSSARY_TERM, min_items=1, max_items=500)),))

# content/thesaurus.yaml: words that mean the same to a reader (a lay word and the medical word),
# for the search box. Each group cites a page that uses them so.
THESAURUS_GROUP = Obj((
    Field("terms", ListOf(Text(60), min_items=2, max_items=20),
          help="Words or short phrases that mean the same, in lower case, as readers type them.",
          example=["lockjaw", "tetanus"]),
    Field("source", SOURCE, help="A page, on a listed publisher's site, that uses the terms as the same thing.",
          example={"title": "Tetanus", "publisher": "NHS", "url": "https://www.nhs.uk/conditions/tetanus/"}),
))
THESAURUS = Obj((Field("groups", ListOf(THESAURUS_GROUP, min_items=1, max_items=2000)),))


# The triage model (content/triage.yaml): the one list of warning signs, their levels and the
# navigator's questions. Entries' care cards name these signs; see build_scripts/triage.py.
TRIAGE_GROUP = Obj((
    Field("id", Id(), help="Used by signs.", example="brain"),
    Field("label", Text(60), help="The heading readers see.", example="Stroke, fits and the brain"),
))
QUESTION_OPTION = Obj((
    Field("id", Id(), help="Used in signs' implied_by as question:option.", example="fast"),
    Field("label", Text(80), help="What the reader picks.", example="Yes, quickly, over hours or days"),
    Field("causes", ListOf(Ref("cause")), required=False, help="Causes this answer makes more likely."),
    Field("counts_as", ListOf(Choice(controlled="answers", shown="", controlled_in="the navigator's answers")),
          required=False, help="Other answers this one includes: 'came on suddenly' counts as 'getting worse fast'."),
))
QUESTION = Obj((
    Field("id", Id(), help="The question's name.", example="worsening"),
    Field("ask", Text(100), help="The question, as the navigator asks it.", example="Is it getting worse?"),
    Field("many", Flag(), required=False, help="The reader may pick more than one option."),
    Field("from_areas", Flag(), required=False,
          help="Not asked: the navigator answers it from the body areas picked (more than one, or all over)."),
    Field("options", ListOf(QUESTION_OPTION, min_items=2, max_items=12), help="The answers, first one the default."),
))
SIGN = Obj((
    Field("id", Id(), help="How entries' care cards name this sign.", example="wound-stiffness"),
    Field("level", Choice(LEVEL_KEYS), help="How fast to get help: set by the sign's sources.", example="emergency"),
    Field("group", Choice(controlled="sign_groups", controlled_in="content/triage.yaml", shown="groups"),
          help="The heading it is listed under.", example="infection"),
    Field("key", Flag(), required=False,
          help="Listed on the home page and 'Twitch, spasm or cramp?' as well as 'When to get help'."),
    Field("level_note", Text(300), required=False,
          help="Why this level, where the sources do not set it in these words (for reviewers; in the API).",
          translate="no"),
    Field("says", Text(200), help="The sign in a reader's words, as a full sentence: what care cards show.",
          example="You have stiff muscles, a stiff jaw or painful spasms after a cut, wound, burn or animal bite."),
    Field("ask", Text(120), required=False, help="The navigator's tick box for it, if it cannot be told from other "
          "answers (see implied_by).", example="Stiff muscles, a stiff jaw or painful spasms after a cut, wound or bite"),
    Field("lay_words", ListOf(Text(60), max_items=30), required=False,
          help="How readers describe it, for search only: never shown on a page.", translate="optional",
          example=["lockjaw", "cant open my mouth"]),
    Field("implied_by", ListOf(ListOf(Choice(controlled="answers", shown="",
                                                controlled_in="the navigator's answers (area:, symptom: and trigger: "
                                                              "ids from taxonomy.yaml, and the questions above)"),
                                      min_items=1, max_items=4), max_items=8), required=False,
          help="Sets of navigator answers (question:option) that together mean this sign.",
          example=[["trigger:wound", "symptom:stiffness"]]),
    Field("causes", ListOf(Ref("cause")), required=False, help="The causes this sign points to."),
    Field("sources", ListOf(Choice(controlled="triage_sources", controlled_in="content/triage.yaml", shown="sources"),
                            min_items=1, max_items=4),
          help="The pages (keys of 'sources' above) that set its level.", example=["nhs-tetanus"]),
    *REVIEW,
))
TRIAGE = Obj((
    Field("sources", MapOf(SOURCE, min_items=1), help="Pages the signs cite, by key.", translate="optional"),
    Field("groups", ListOf(TRIAGE_GROUP, min_items=1, max_items=30), help="Headings for the signs, in order."),
    Field("questions", ListOf(QUESTION, min_items=1, max_items=20), help="The navigator's other questions."),
    Field("signs", ListOf(SIGN, min_items=1, max_items=500), help="Every warning sign."),
    Field("words", ListOf(ListOf(Text(40), min_items=2, max_items=20), max_items=300), required=False,
          help="Words that mean the same to the warning signs, each group led by the word the others count as "
               "('pee', 'urine', 'wee'): the search box's warning card and search's matching of the signs use "
               "them. Used for matching only; never shown.", translate="optional"),
    Field("near_words", ListOf(ListOf(Text(40), min_items=2, max_items=20), max_items=300), required=False,
          help="Neighbouring words that the warning card counts as one but search does not: nearby body places "
               "('calf', 'shin', 'knee'), who it is ('baby', 'toddler'). Used for matching only; never shown.",
          translate="optional"),
))
