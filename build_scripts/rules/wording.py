"""What the safety and editorial rules look for, in each language the content is written in.

A rule reads its words from here by the file's language (``Subject.language``), so a Spanish page
is held to the same rules as an English one, in Spanish: no dose ("200 mg", "dos pastillas"), no
dose schedule, the emergency numbers in full, and the sentence about prescribed medicines. The
English is the reference; a new language adds its ``Wording`` (its emergency numbers must be the
locale's ``emergency_numbers``, which tests/test_locale.py checks).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_scripts.schema import EMERGENCY_NUMBERS


@dataclass(frozen=True)
class Wording:
    emergency_numbers: str  # the numbers written in full, as the locale has them
    bare_number: re.Pattern[str]  # an emergency number written on its own
    keep_taking: str  # the sentence every page about changing a medicine says
    says_keep_taking: re.Pattern[str]  # that sentence, in the forms it may take
    change_medicine: re.Pattern[str]  # text about stopping or changing a medicine
    dose: re.Pattern[str]  # a number with a unit of dose
    how_often: re.Pattern[str]  # how often, as in a dose schedule
    taking: re.Pattern[str]  # words about taking a medicine (a schedule is one only with these)
    rare: re.Pattern[str]  # a summary saying a cause is rare
    rare_example: str
    both_names: dict[str, str]  # medicines with two names readers in different countries know
    sources_heading: str  # a hand-written page's list of sources starts at '## <this>'


_EN_MEDICINE = r"(?:medicines?|medications?|tablets?|pills?|prescriptions?|drugs?|statins?|dose)"
_ES_MEDICINE = r"(?:medicamentos?|medicinas?|pastillas?|comprimidos?|tabletas?|recetas?|fármacos?|estatinas?|dosis)"

WORDING = {
    "en": Wording(
        emergency_numbers=EMERGENCY_NUMBERS,
        bare_number=re.compile(r"\b(?:999|911)\b"),
        keep_taking="Do not stop a prescribed medicine without advice from a doctor or pharmacist.",
        says_keep_taking=re.compile(r"(?:do\s+not|don't|don’t|never)\s+(?:tell\s+you\s+to\s+)?stop\s+(?:or\s+change\s+)?"
                                    r"(?:taking\s+)?(?:a|any|your)\s+prescribed\s+medicines?", re.I),
        change_medicine=re.compile(
            rf"(?<![-\w])(?:stop(?:ping|s)?|chang(?:e|es|ing)|switch(?:es|ing)?|swap(?:s|ping)?|lower(?:s|ing)?|"
            rf"reduc(?:e|es|ing)|cut(?:s|ting)?\s+down)(?![-\w])(?:\W+\w+){{0,4}}?\W+(?:the\s+|your\s+|a\s+)?"
            rf"(?:\w+\s+)?{_EN_MEDICINE}\b", re.I),
        # "2 glasses of water" is not a dose.
        dose=re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|half\s+a)\s*(?:mg|mcg|µg|micrograms?|milligrams?|"
                        r"grams?|g|ml|IU|units?|tablets?|capsules?|pills?|drops?|sachets?|teaspoons?|tablespoons?)\b"
                        r"(?!\s+of\s+(?:water|fluid))", re.I),
        how_often=re.compile(r"\b(?:(?:\d+|once|twice|one|two|three|four|five|six)\s+(?:times?\s+)?(?:a|per|each|every)\s+"
                             r"(?:day|night|week)|every\s+\d+\s+(?:to\s+\d+\s+)?hours?|(?:once|twice|\d+\s+times)\s+daily)\b",
                             re.I),
        taking=re.compile(r"\b(?:take|taking|took|dose|doses|tablets?|capsules?|pills?|medicines?|spoonfuls?|sachets?|"
                          r"drops?|puffs?)\b", re.I),
        rare=re.compile(r"rare", re.I),  # "rare", "rarely"
        rare_example="This is rare.",
        both_names={"paracetamol": "acetaminophen", "adrenaline": "epinephrine", "salbutamol": "albuterol"},
        sources_heading="Sources",
    ),
    "es": Wording(
        emergency_numbers="112 (Europa), 911 (EE. UU. y gran parte de América Latina) o el número de emergencias "
                          "de su país",
        bare_number=re.compile(r"\b(?:112|911|999)\b"),
        keep_taking="No deje de tomar un medicamento recetado sin consultar a un médico o farmacéutico.",
        says_keep_taking=re.compile(r"(?:no\s+(?:deje|dejes)|nunca\s+le\s+(?:decimos|diremos)\s+que\s+deje)\s+de\s+tomar\s+(?:ni\s+cambie\s+)?(?:un|ningún|su|sus)\s+"
                                    r"medicamentos?\s+recetados?", re.I),
        change_medicine=re.compile(
            rf"(?<![-\w])(?:dej(?:ar|e|a|ó)\s+de\s+tomar|suspend(?:er|a|e)|cambi(?:ar|e|a|o)|reduc(?:ir|e)|reduzca|"
            rf"baj(?:ar|e|a)|disminu(?:ir|ya|ye))(?![-\w])(?:\W+\w+){{0,4}}?\W+(?:el\s+|la\s+|los\s+|las\s+|su\s+|sus\s+|"
            rf"un\s+|una\s+)?(?:\w+\s+)?{_ES_MEDICINE}\b", re.I),
        dose=re.compile(r"\b(?:\d[\d,.]*|un|una|dos|tres|cuatro|cinco|seis|media)\s*(?:mg|mcg|µg|microgramos?|"
                        r"miligramos?|gramos?|g|ml|UI|unidades|pastillas?|comprimidos?|tabletas?|cápsulas?|gotas|"
                        r"sobres?|cucharaditas?|cucharadas?)\b(?!\s+de\s+(?:agua|líquido))", re.I),
        how_often=re.compile(r"\b(?:(?:\d+|una|dos|tres|cuatro|cinco|seis)\s+veces?\s+(?:al|por|cada)\s+"
                             r"(?:día|noche|semana)|cada\s+\d+\s+(?:a\s+\d+\s+)?horas?)\b", re.I),
        taking=re.compile(r"\b(?:tome|tomar|tomando|tomó|dosis|pastillas?|comprimidos?|tabletas?|cápsulas?|"
                          r"medicamentos?|medicinas?|gotas|sobres?|cucharadas?)\b", re.I),
        rare=re.compile(r"\b(?:rar[oa]s?|poco\s+(?:común|comunes|frecuentes?))\b", re.I),
        rare_example="Esto es raro.",
        both_names={"paracetamol": "acetaminofén", "adrenalina": "epinefrina", "salbutamol": "albuterol"},
        sources_heading="Fuentes",
    ),
}


def wording(language: str) -> Wording:
    return WORDING.get(language, WORDING["en"])
