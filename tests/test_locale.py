"""The i18n seam: every word a reader sees comes from the content or from the locale.

The pseudo-locale test renders the fixture content with a locale in which every letter is an
accented look-alike (a -> á). Once the content's own text, the HTML, the link targets and the
attribute lists are taken out of each generated page, no English word may be left: a word that
is left was written in a template or in Python, where a translation cannot reach it.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts import words
from build_scripts.model import FRONT_MATTER, load_content
from build_scripts.render import MissingWord, SiteRenderer
from build_scripts.schema import CERTAINTY, HOW_COMMON, SHOWS, TREATMENT_KINDS
from tests.conftest import FIXTURE_CONTENT, ROOT, TODAY
from tests.test_render_golden import CONFIG

LOCALE = Path(words.LOCALES_DIR) / f"{words.REFERENCE}.yaml"
# Accented look-alikes: a pseudo-translated page is still readable, and has no ASCII letter.
PSEUDO = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                       "áƀçđéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ")
# Kept as written: {placeholders} the generator fills in, and HTML tags (<a href="{help}">).
KEEP = re.compile(r"(\{[^{}]*\}|<[^<>]*>)")
# Front-matter keys no reader sees (the theme reads them, or search indexes them unseen).
HIDDEN_KEYS = {"source", "entry_type", "about_type", "tags", "generated", "search", "not_prose", "translation",
               "last_reviewed", "next_review_due"}
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def pseudo(value: Any) -> Any:
    """``value`` with every letter of every string accented, outside placeholders and tags."""
    if isinstance(value, dict):
        return {key: pseudo(item) for key, item in value.items()}
    if isinstance(value, list):
        return [pseudo(item) for item in value]
    if isinstance(value, str):
        return "".join(part if KEEP.fullmatch(part) else part.translate(PSEUDO) for part in KEEP.split(value))
    return value


def _strings(value: Any, identifiers: set[str], key: str = "") -> Iterator[str]:
    """Every string in a loaded YAML file; identifiers and mapping keys are left in the page."""
    if isinstance(value, dict):
        identifiers.update(str(k) for k in value)
        if isinstance(value.get("id"), str):
            identifiers.add(value["id"])
        for k, item in value.items():
            yield from _strings(item, identifiers, str(k))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, identifiers, key)
    elif isinstance(value, str):
        yield value
        if key == "label":  # taxonomy labels are also shown in lower case ("Twitching: arm and hand")
            yield value.lower()


def one_line(text: str) -> str:
    return " ".join(text.split())


def content_text(root: Path) -> list[str]:
    """The content tree's own text, longest first: what a translator translates in the content."""
    identifiers: set[str] = {choice for values in (HOW_COMMON, TREATMENT_KINDS, SHOWS, CERTAINTY) for choice in values}
    found: set[str] = set()
    for path in root.rglob("*.yaml"):
        if words.LOCALES_DIR in path.relative_to(root).parts:
            continue
        identifiers.add(path.stem)
        found.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8")), identifiers))
    for path in root.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        if match:
            found.update(_strings(yaml.safe_load(match.group(1)), identifiers))
            text = text[match.end():]
        found.update(line.strip() for line in text.splitlines())
    pieces: set[str] = set()
    for text in found - identifiers:
        text = html.unescape(without_markup(text))
        pieces.add(one_line(text))
        pieces.update(one_line(line) for line in text.splitlines())
    return sorted((p for p in pieces if p), key=len, reverse=True)


def reader_text(page: str) -> str:
    """What a reader of a generated Markdown page sees, less markup: the front matter's shown
    values (title, description, other names), then the body without HTML, link targets, attribute
    lists and scripts."""
    shown = []
    match = FRONT_MATTER.match(page)
    if match:
        meta = yaml.safe_load(match.group(1)) or {}
        shown += [str(v) for k, v in meta.items() if k not in HIDDEN_KEYS and not isinstance(v, list)]
        shown += [str(v) for k, v in meta.items() if k not in HIDDEN_KEYS and isinstance(v, list) for v in v]
        page = page[match.end():]
    return one_line(html.unescape(without_markup("\n".join([*shown, page]))))


def without_markup(text: str) -> str:
    """``text`` without scripts, HTML tags, Markdown link targets and attribute lists. A glossary
    word's tooltip (``<abbr title=...>word</abbr>``) leaves its word in place, as a reader sees it."""
    text = re.sub(r"<script\b.*?</script>", " ", text, flags=re.S)
    text = re.sub(r"<abbr\b[^>]*>|</abbr>", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    return re.sub(r"\{:?\s[^{}]*\}", " ", text)  # { #id .class data-x }: an attribute list, not a placeholder


def render(root: Path) -> dict[str, str]:
    content, problems = load_content(root, today=TODAY)
    assert [str(p) for p in problems] == []
    renderer = SiteRenderer(content, CONFIG)
    files: dict[str, str | bytes] = dict(renderer.entry_page(key) for key in renderer.entry_keys())
    files.update(renderer.other_files())
    return {path: text for path, text in files.items() if path.endswith(".md") and isinstance(text, str)}


@pytest.fixture
def pseudo_content(content_copy: Path) -> Path:
    """The fixture content with the pseudo locale, and with what the fixture lacks so that every
    template and marker is used: a medicine, and a hand-written page with other names and cards."""
    locale = content_copy / LOCALE
    locale.write_text(yaml.safe_dump(pseudo(yaml.safe_load(locale.read_text(encoding="utf-8"))),
                                     allow_unicode=True, sort_keys=False), encoding="utf-8")
    treatment = content_copy / "treatments" / "stretching.yaml"
    treatment.write_text(treatment.read_text(encoding="utf-8").replace("kind: self-care", "kind: medicine").replace(
        "how_to: Stretch the muscle slowly.", "how_to: Stretch the muscle slowly. Do not stop a prescribed medicine "
        "without advice from a doctor or pharmacist."), encoding="utf-8")
    page = content_copy / "pages" / "advice.md"
    text = page.read_text(encoding="utf-8").replace("title: Advice\n", "title: Advice\nalso_called: [guidance]\n")
    page.write_text(text + "\n<!-- care-cards: all -->\n\n<!-- care-cards: key -->\n\n<!-- triage-sources -->\n",
                    encoding="utf-8")
    return content_copy


def test_every_word_outside_the_content_comes_from_the_locale(pseudo_content: Path) -> None:
    files = render(pseudo_content)
    known = content_text(pseudo_content)
    leaks = {}
    for path, page in sorted(files.items()):
        text = reader_text(page)
        for piece in known:
            if piece in text:
                text = text.replace(piece, " ")
        english = sorted(set(ENGLISH.findall(text)))
        if english:
            leaks[path] = english
    assert not leaks, "English words a translation cannot reach (template or Python text):\n" + "\n".join(
        f"  {path}: {' '.join(found)}" for path, found in leaks.items())


def test_the_pseudo_locale_reaches_every_kind_of_page(pseudo_content: Path) -> None:
    """The check above is only as good as its coverage: the locale's words are on each kind of page."""
    files = render(pseudo_content)
    for path in ["causes/caffeine.md", "treatments/stretching.md", "tests/emg.md", "causes/index.md", "a-z.md",
                 "glossary.md", "browse/index.md", "browse/urgency.md", "browse/eyelid-and-face.md",
                 "navigator.md", "advice.md"]:
        assert re.search("[áéíóú]", reader_text(files[path])), path
    assert "# Ɓŕóŵšé çáúšéš" in files["browse/index.md"]
    assert "**Áĺšó çáĺĺéđ:** guidance." in files["advice.md"]  # the line _page_text writes
    assert "### Éɱéŕĝéñçý:" in files["advice.md"]  # the care-cards marker

def test_the_fixture_locale_has_the_same_keys_as_the_real_one() -> None:
    def paths(root: Path) -> set[tuple[str, ...]]:
        return set(words.keys(yaml.safe_load((root / LOCALE).read_text(encoding="utf-8"))))
    real, fixture = paths(ROOT / "content"), paths(FIXTURE_CONTENT)
    assert real == fixture, (f"only in content/{LOCALE}: {sorted(real - fixture)}; "
                             f"only in tests/fixtures/content/{LOCALE}: {sorted(fixture - real)}")


def test_every_choice_an_entry_can_make_has_words() -> None:
    choices = yaml.safe_load((ROOT / "content" / LOCALE).read_text(encoding="utf-8"))["choices"]
    assert tuple(choices["how_common"]) == HOW_COMMON
    assert tuple(choices["kind"]) == TREATMENT_KINDS
    assert tuple(choices["shows"]) == SHOWS
    assert tuple(choices["certainty"]) == CERTAINTY


def test_a_missing_word_names_its_key_and_file(content_copy: Path) -> None:
    locale = content_copy / LOCALE
    data = yaml.safe_load(locale.read_text(encoding="utf-8"))
    del data["pages"]["a_to_z"]["lede"]
    locale.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content, _ = load_content(content_copy, today=TODAY)  # a locale rule may also report it: not needed here
    with pytest.raises(MissingWord, match=r"content/locales/en\.yaml has no 'pages\.a_to_z\.lede'"):
        SiteRenderer(content, CONFIG).other_files()
