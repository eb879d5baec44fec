"""Rules carried out by the field kinds in ``fields.py``: listed here so that each has an id, a
severity and a line in the rules table. A kind names its rule in its ``rule`` attribute."""
from build_scripts.rules.registry import EVERY_FILE, Rule, add

for id_, summary in (
    ("field-known", "Every field is one the file's type defines (a misspelt field gets the closest name)."),
    ("field-required", "Every required field is there."),
    ("value-kind", "Each value is the kind its field expects: text, a list, a date, true or false, a set of fields."),
    ("placeholder", "No 'TODO' left by `make new` remains."),
    ("text-shape", "Text is not empty, fits its length, and a one-line field has one line; Markdown has no headings."),
    ("safe-markup", "No raw HTML, script, event handler, attribute list, image, or link that is not https://."),
    ("allowed-value", "A value from a closed list is one of its values (a short list is named in full)."),
    ("ref-exists", "A reference names an entry that exists (with the closest ids, and how to add one)."),
    ("sign-ref", "A care card names a sign in content/triage.yaml, under that sign's own level."),
    ("id-format", "Ids and names are kebab-case: lower-case letters, digits and single hyphens."),
    ("date-format", "Dates are real and written YYYY-MM-DD."),
    ("url-format", "Web addresses are https:// and well formed."),
    ("list-size", "Lists hold as many items as their field allows."),
    ("no-duplicates", "No item is listed twice."),
):
    add(Rule(id_, summary, EVERY_FILE))
