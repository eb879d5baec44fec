"""The symptom navigator: the data its page embeds, all drawn from the triage model.

The page asks for every emergency sign first, then where the symptom is, what comes with it,
what brings it on, and the model's other questions (how long, how fast it is getting worse,
known conditions, ...); the remaining signs are tick boxes under their groups. The page's script
(``overrides/assets/javascripts/navigator.js``) turns the answers into signs, with each sign's
``implied_by``, and the level is the most urgent sign's. Nothing here decides a level: the signs
in ``content/triage.yaml`` do, so the navigator cannot disagree with the care cards.
"""
from __future__ import annotations

from typing import Any

from build_scripts import triage
from build_scripts.schema import CAUSE, HOW_COMMON
from build_scripts.model import Content

COMMONNESS = {value: len(HOW_COMMON) - i for i, value in enumerate(HOW_COMMON)}  # common 3, less common 2, rare 1
SIGN_WEIGHT = 3  # a cause a sign points to outranks causes that only share a symptom or trigger
CONDITION_WEIGHT = 2


def data(content: Content) -> dict[str, Any]:
    """What the navigator page embeds: causes, levels, signs and questions."""
    model = content.triage
    causes = []
    for entry in sorted(content.entries[CAUSE.name].values(), key=lambda e: str(e.data.get("title", "")).casefold()):
        d = entry.data
        causes.append({
            "id": entry.id,
            "title": d.get("title"),
            "summary": " ".join(str(d.get("summary", "")).split()),
            "url": f"{CAUSE.folder}/{entry.id}/",
            "commonness": COMMONNESS.get(d.get("how_common"), 0),
            "how_common": d.get("how_common"),
            "areas": d.get("body_areas") or [],
            "answers": [*(f"symptom:{s}" for s in d.get("symptoms") or []),
                        *(f"trigger:{t}" for t in d.get("triggers") or [])],
        })
    boosts = {f"{q['id']}:{o['id']}": o.get("causes") or [] for q in model.questions for o in q.get("options", [])
              if o.get("causes")}
    return {
        "causes": causes,
        "levels": triage.levels(content.levels),
        "signs": [{"id": s.id, "level": s.level, "says": s.says, "implied_by": [list(c) for c in s.implied_by],
                   "causes": list(s.causes)} for s in model.signs.values()],
        "boosts": boosts,
        "counts_as": {f"{q['id']}:{o['id']}": o["counts_as"] for q in model.questions
                      for o in q.get("options", []) if o.get("counts_as")},
        "weights": {"sign": SIGN_WEIGHT, "condition": CONDITION_WEIGHT},
        "places_question": next((q["id"] for q in model.questions if q.get("from_areas")), ""),
        "words": results_words(content.words),
    }


def results_words(language: dict[str, Any]) -> dict[str, Any]:
    """The words the script writes the results in: the locale's ``scripts.navigator``, and the
    care cards' heading (``scripts.care_heading``)."""
    scripts = language["scripts"]
    return {"care_heading": scripts["care_heading"], **scripts["navigator"]}


def form(content: Content) -> dict[str, Any]:
    """What the page's form lists: emergency signs by group, the questions, the other signs by group."""
    model = content.triage
    asked = [s for s in model.signs.values() if s.ask]
    return {
        "emergency": model.grouped([s for s in asked if s.level == "emergency"]),
        "questions": [q for q in model.questions if not q.get("from_areas")],
        "others": model.grouped(sorted((s for s in asked if s.level != "emergency"), key=lambda s: triage.RANK[s.level])),
    }
