"""Rules the loader carries out (``yaml_file.py`` and ``model.py``), before any field is read."""
from build_scripts.rules.registry import EVERY_FILE, ENTRIES, PAGES, Rule, add

add(Rule("yaml-file", "A file is UTF-8 YAML without BOM, tabs, duplicate keys, anchors, or a second "
         "document, and is not too big or too deep.", EVERY_FILE))
add(Rule("file-name", "An entry is one .yaml file with a kebab-case name, in its type's folder.", (ENTRIES,)))
add(Rule("file-missing", "The shared files, each type's folder and the home page are there.", (ENTRIES, PAGES, "triage",
         "glossary", "taxonomy", "publishers")))
add(Rule("page-front-matter", "A hand-written page starts with front matter: a title and a description.", (PAGES,)))
