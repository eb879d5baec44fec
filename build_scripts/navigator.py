"""The symptom navigator: its questions, its care-level rules, and the data its page embeds.

Everything the page's script decides with is defined here and written into the page as JSON,
so the rules are reviewed in one place and the reader's choices never leave the device.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from build_scripts.schema import CARE_LEVELS, CAUSE, HOW_COMMON
from build_scripts.validate import Content


@dataclass(frozen=True)
class Sign:
    """A navigator option that sets the care level by itself."""

    id: str
    label: str
    level: str  # a CARE_LEVELS key


# Asked first: signs that need help now or today, whatever the cause.
RED_FLAGS = (
    Sign("sudden-weakness", "Sudden weakness, a drooping face, or trouble speaking", "emergency"),
    Sign("fit", "A fit (seizure)", "emergency"),
    Sign("breathing", "Trouble breathing or swallowing that came on suddenly", "emergency"),
    Sign("long-cramp", "A cramp that has lasted more than 10 minutes", "urgent"),
    Sign("wound-stiffness", "Stiff muscles or a stiff jaw after a cut, wound or bite", "urgent"),
    Sign("fever-spasms", "Spasms with a high temperature that are getting worse", "urgent"),
)

DURATIONS = (
    ("days", "Less than 2 weeks", ""),
    ("weeks", "2 weeks or more", "see_doctor"),
)

# Symptoms and triggers (ids from content/taxonomy.yaml) that mean "see a doctor" on their own.
SEE_DOCTOR_SYMPTOMS = ("weakness", "muscle-wasting", "numbness-or-tingling", "trouble-speaking-or-swallowing",
                       "swelling-or-redness", "twisting-or-odd-posture", "weight-change")
SEE_DOCTOR_TRIGGERS = ("new-medicine",)
COMMONNESS = {value: len(HOW_COMMON) - i for i, value in enumerate(HOW_COMMON)}  # common 3, less common 2, rare 1


def data(content: Content) -> dict[str, Any]:
    """What the navigator page embeds: the causes, the options and the rules."""
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
            "signs": [*(d.get("symptoms") or []), *(d.get("triggers") or [])],
        })
    return {
        "causes": causes,
        "levels": [{"key": level.key, "label": level.label, "action": level.action} for level in CARE_LEVELS],
        "red_flags": [asdict(sign) for sign in RED_FLAGS],
        "durations": [{"id": i, "label": label, "level": level} for i, label, level in DURATIONS],
        "see_doctor_signs": [*SEE_DOCTOR_SYMPTOMS, *SEE_DOCTOR_TRIGGERS],
    }
