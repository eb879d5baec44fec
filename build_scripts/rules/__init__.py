"""Every check the validator runs, as registered rules: one rule per module, named by its id.

To add a rule, write a module here with one function decorated by ``@rule`` (see
``registry.py``), import it below, and give it examples of text it refuses and accepts;
``tests/test_rules.py`` runs them, and the table in CONTRIBUTING.md is made from the registry.
A rule's severity is its default, unless ``content/rules.yaml`` sets another.
"""
from build_scripts.rules import (  # noqa: F401  (importing a module registers its rule)
    change_medicine_keep_taking,
    description_in_head,
    dose_schedule,
    emergency_numbers,
    evidence_source,
    field_kinds,
    files,
    id_confusable,
    id_matches_file,
    invisible_characters,
    levels_from_signs,
    locale_keys,
    medicine_keep_taking,
    nav_items,
    mixed_scripts,
    no_doses,
    page_markers,
    rare_says_rare,
    reading_grade,
    ref_not_self,
    review_dates,
    review_due,
    rule_levels,
    search_terms_hidden,
    sentence_length,
    signoff_page,
    source_host,
    text_normalized,
    translations,
    thesaurus_terms,
    triage_model,
    uk_and_us_names,
)
from build_scripts.rules.registry import RULES, Rule, Subject, locate, run, severity

__all__ = ["RULES", "Rule", "Subject", "locate", "run", "severity"]
