"""Reject contributor text that could run code in a reader's browser.

Contributors write Markdown. Raw HTML, event handlers, attribute lists and
script URLs are refused outright, after decoding HTML entities so that
``javascript&#58;`` cannot slip through. So is a double quote followed by
``name=``: the theme writes the summary into an HTML attribute unescaped
(``<meta name="description" content="...">``), where ``" http-equiv="refresh``
would add an attribute that sends every reader to another site. Images are
refused too: one loaded from another site would reveal who reads the page.
"""
from __future__ import annotations

import html
import re

_SCRIPT = re.compile(r"<\s*/?\s*script", re.I)
_EVENT = re.compile(r"\bon[a-z]+\s*=", re.I)
_ATTRIBUTE_BREAKOUT = re.compile(r"\"[\s/]*[^\s\"'<>/=]+\s*=")
_TAG = re.compile(r"<\s*([a-z!?/][a-z0-9-]*)", re.I)
_ATTR_LIST = re.compile(r"\{:?\s*(?:[#.][\w-]+|[\w-]+\s*=)")
_BAD_SCHEME = re.compile(r"(javascript|vbscript|livescript):", re.I)
_DATA_URL = re.compile(r"data:\s*[a-z]+/[a-z0-9.+-]+", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
# A page of this site, by its Markdown file, as MkDocs resolves it (and checks, in --strict).
_SITE_PAGE = re.compile(r"(?:\.\./)*(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.md(?:#[a-z0-9-]+)?")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|<((?:[a-z][a-z0-9+.-]*):[^>\s]*)>", re.I)


# Every check below needs one of these characters (an entity, '&...;', could decode to any of them),
# so text with none of them is safe. Most text has none, and this one search is much quicker.
_NEEDED = re.compile(r"[<&=:{\]]")


def unsafe(text: str) -> str | None:
    """Why ``text`` is unsafe to publish, or None when it is fine."""
    return full_check(text) if _NEEDED.search(text) else None


def full_check(text: str) -> str | None:
    """``unsafe`` without the quick pass for text that cannot match (tests compare the two)."""
    decoded = html.unescape(html.unescape(text))
    squashed = re.sub(r"[\s\x00-\x1f]+", "", decoded)
    if _SCRIPT.search(decoded):
        return "contains a <script> tag; scripts are not allowed"
    if _BAD_SCHEME.search(squashed):
        return "contains a 'javascript:' style URL; only https:// links are allowed"
    if _DATA_URL.search(squashed):
        return "contains a 'data:' URL; only https:// links are allowed"
    if (match := _EVENT.search(decoded)) is not None:
        return f"contains an event-handler attribute '{match.group(0).rstrip('= ')}='; remove it"
    if (match := _ATTRIBUTE_BREAKOUT.search(decoded)) is not None:
        return (f"contains '{match.group(0)}', which could add an attribute to the page's HTML; "
                "write curly quotes instead of straight ones, or remove the '='")
    if (match := _TAG.search(decoded)) is not None:
        return f"contains raw HTML ('<{match.group(1)}'); write plain text or Markdown instead"
    if _IMAGE.search(decoded):
        return ("contains an image ('![...](...)'); entries have no images, and one from another site "
                "would tell that site who is reading")
    if _ATTR_LIST.search(decoded):
        return "contains a Markdown attribute list ('{: ...}'); remove it"
    for match in _LINK.finditer(decoded):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if target and not target.startswith(("https://", "#")) and not _SITE_PAGE.fullmatch(target):
            return (f"link '{target}' must start with https://, or be one of this site's pages, "
                    "such as ../worried-about-als.md")
    return None
