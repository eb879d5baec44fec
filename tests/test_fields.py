"""The lookup context the field kinds check references against (build_scripts/fields.py)."""
from __future__ import annotations

from build_scripts.fields import Context


def test_a_reference_check_sees_ids_given_anew() -> None:
    ctx = Context(ids={"cause": ["caffeine"]})
    assert ctx.has_id("cause", "caffeine") and not ctx.has_id("cause", "stress")
    del ctx.ids["cause"]  # the old list may be freed, and its memory used for the next one
    ctx.ids["cause"] = ["stress"]
    assert ctx.has_id("cause", "stress") and not ctx.has_id("cause", "caffeine")
