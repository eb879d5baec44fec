"""The MkDocs config a build uses: mkdocs.yml (the settings every language shares), inherited by
a file the generator writes with what only it knows: the menu, made from content/nav.yaml and
the entry types with titles from the locale; which folders stay out of the menu; the words of
the theme's own parts (overrides/); and where the edit links point.

MkDocs reads it with ``--config-file``; its ``INHERIT`` brings in mkdocs.yml, and relative paths
resolve as in mkdocs.yml because both files are in the project's folder.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit
from typing import Any

from build_scripts.config import SiteConfig
from build_scripts.model import Content
from build_scripts.schema import BY_NAME, ENTRY_TYPES

FILE = ".mkdocs-{language}.yml"  # in the project's folder; not committed
NAV_FILE = "nav.yaml"  # in content/
# Each language by its own name, as the language switcher lists it in every language.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def menu(content: Content) -> list[str]:
    """The menu's pages in order: as content/nav.yaml lists them, with each entry type's index,
    and any type it leaves out after the last type it lists."""
    pages: list[str] = []
    listed: set[str] = set()
    last_type = -1
    for item in content.nav:
        if isinstance(item, dict):
            listed.add(item["type"])
            pages.append(index_page(item["type"]))
            last_type = len(pages) - 1
        else:
            pages.append(str(item))
    rest = [index_page(t.name) for t in ENTRY_TYPES if t.name not in listed]
    at = last_type + 1 if last_type >= 0 else len(pages)
    return pages[:at] + rest + pages[at:]


def index_page(type_name: str) -> str:
    return f"{BY_NAME[type_name].folder}/index.md"


def site_config(content: Content, config: SiteConfig, languages: list[str] | None = None) -> str:
    """The text of the config file (YAML; JSON is YAML, and json.dumps quotes every value safely).

    With more than one language, each is built by MkDocs on its own (the theme's interface is in
    one language per build): English at the site's root, another under <site>/<code>/, each with
    its own address, docs folder and the theme's language switcher (``extra.alternate``).
    """
    titles = content.words.get("nav") or {}
    numbers = str(content.words.get("emergency_numbers", ""))
    theme = json.loads(json.dumps(content.words.get("theme") or {}).replace("{numbers}", numbers))
    site = content.words.get("site") or {}
    data: dict[str, Any] = {
        "INHERIT": "mkdocs.yml",
        "site_description": site.get("description", ""),
        "repo_name": site.get("repo_name", ""),
        "copyright": site.get("copyright", ""),
        "theme": {"language": content.words.get("language", "en")},
        "nav": [{titles[page]: page} for page in menu(content)],
        "not_in_nav": "\n".join(["/browse/*.md", *(f"/{t.folder}/*.md" for t in ENTRY_TYPES),
                                *(f"/{page}" for page in content.outside_menu)]) + "\n",
        "extra": {"words": theme, "edit_base": config.edit_url("")},
    }
    # The heading links' tooltip, in the page's language: MkDocs takes the list of extensions whole
    # (INHERIT replaces a list), so it is written out again with the locale's word.
    if content.words.get("permalink_title") and config.markdown_extensions:
        data["markdown_extensions"] = [
            {"toc": dict(item["toc"], permalink_title=content.words["permalink_title"])}
            if isinstance(item, dict) and isinstance(item.get("toc"), dict) else item
            for item in config.markdown_extensions]
    languages = languages or [config.language]
    if config.language != languages[0]:
        data.update(site_url=config.site_url, docs_dir=config.docs_dir,
                    edit_uri=f"edit/main/{content.prefix}/pages/")
    if len(languages) > 1:
        # Each language's root as a path on this host, not a full address: the theme's script fetches
        # each language's sitemap from it, and a preview or a test server must not call the real site.
        root = urlsplit(config.site_url).path or "/"
        if config.language != languages[0]:
            root = root.rstrip("/").rsplit("/", 1)[0] + "/"
        data["extra"]["alternate"] = [{"name": LANGUAGE_NAMES.get(code, code), "lang": code,
                                       "link": root if code == languages[0] else f"{root}{code}/"}
                                      for code in languages]
    return ("# Written by build_scripts/site_config.py from mkdocs.yml, content/nav.yaml and the locale.\n"
            "# Do not edit: change those instead.\n" + "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}"
                                                                for key, value in data.items()) + "\n")
