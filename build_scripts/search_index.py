"""The site's own search index, written by the generator from the content model.

Material's lunr index is one file that every page load downloads in full (74 KB gzipped for 80
entries, about 3 MB at 5,000). This index is split so that the search box fetches nothing until
the reader types, and then only what the query needs:

- ``assets/search/head.json``: the page table (address, title, kind, boost), the vocabulary with
  each word's document frequency (for typo tolerance and rarity), the list of term shards, the
  pages' language (the worker stems with that language's stemmer), the query words from the
  locale (stop words, question words) and the thesaurus; in a language whose stemmer reads
  accents (``WRITTEN``), also each word the pages write with accents as they write it. Fetched on
  the first query and kept.
- ``assets/search/t/<prefix>.json``: the postings of every word that starts with ``prefix`` (its
  first two letters, or three where two would make a large shard): for each page that has the
  word, its number (as a gap from the one before) and one integer with the word's weight on that
  page and the fields it is in. Fetched for the query's words only.
- ``assets/search/d/<n>.json``: what a result shows (the summary, and each section's anchor,
  heading and opening text), for ``BUCKET`` pages at a time. Fetched for the top results only.

``overrides/assets/javascripts/search-worker.js`` reads it (its header says how it ranks); the
words go into the index as the worker splits a query (``words``), and the worker does the
stemming, so the two never have to agree on a stemmer. Words lose their accents ("parpado" finds
"párpado"); the Spanish stemmer needs them ("-ación", "-logía"), so it is given the written form.

Nothing is taken from the built HTML: entries give their fields, the other pages their Markdown
(the sections Material would also leave out, ``data-search-exclude``, are left out here too).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown.extensions.toc import slugify, unique

from build_scripts.model import FRONT_MATTER, Content
from build_scripts.schema import CAUSE, ENTRY_TYPES

FOLDER = "assets/search"
HEAD = f"{FOLDER}/head.json"
BUCKET = 8  # pages per file of result text
SHARD_LIMIT = 24_000  # postings bytes a two-letter shard may hold before it is split by three letters
SNIPPET = 240  # characters of a section's text kept to show in a result
PAGE_BOOST = 0.5  # a page that is neither an entry nor sets a search boost (as render.PAGE_SEARCH_BOOST)

# Each field: its bit in a posting's mask, and its weight. Title, other names and search terms are
# the page's topic: the worker ranks a page whose topic the query names above pages that mention it.
FIELDS: dict[str, tuple[int, float]] = {
    "title": (1, 10.0),
    "names": (2, 8.0),
    "terms": (4, 6.0),
    "headings": (8, 3.0),
    "summary": (16, 3.0),
    "body": (32, 1.5),
    "signs": (64, 1.5),  # lay words of the warning signs that point to this cause (triage.yaml)
    "facts": (128, 1.0),  # the names of its body areas, symptoms and triggers (taxonomy.yaml)
}
TOPIC_MASK = 1 | 2 | 4
# The worker's ranking (overrides/assets/javascripts/search-worker.js reads these from head.json).
# Tuned on the tuning part of tests/search/queries.yaml only.
RANKING: dict[str, Any] = {
    # how much a match counts, by how it was found
    "exact": 1.0, "stem": 0.95, "thesaurus": 0.8, "typo": 0.75, "prefix": 0.6,
    "related": 0.7, "related_length": 5,  # a stem that begins another (medic, medicin), both this long
    "topic": 1.5,  # extra weight for a page whose topic fields (TOPIC_MASK) hold the query's words
    "full_topic": 1.0,  # and again when they hold all of them
    "cover_power": 1.0,  # a page's score times the share of the query's rarity it has, to this power (at 2, the
    # rarity counted twice, once in the sum: a rare word on an unrelated page outweighed the rest)
    # a query word that is not in a page's topic counts toward that share 1 - mention * e^(-weight / mention_weight):
    # a passing mention (weight 1.5) about half, a word in the summary or several times in the text more
    "mention": 0.8, "mention_weight": 4.0,
    "kind_boost": [1.0, 1.0, 0.5],  # entry, page, hub; a page and a hub also times their own boost
    "max_page_boost": 1.5,  # at most
    "part_words": 3,  # a part of a page (a warning sign) needs this many of the query's words
    "part_boost": 1.0,  # and counts this much
    "common_share": 0.5,  # a query word on more than this share of pages is not asked of a part
    "how_common": {"common": 1.1, "less common": 1.0, "rare": 0.9},  # a cause's boost, by how common it is
    # a query word that pages have only among their search terms (a misspelling: "twiching",
    # "fasiculaciones") also finds the words a typo away that rare_typo times as many pages use
    "rare_typo": 5,
    "sign_words": 0.8,  # a word in the triage model's group of the query's word, on a warning sign
    "min_share": 0.01,  # results scoring under this share of the best are left out
    "max_results": 20, "max_sections": 3,
}
K1, B = 1.2, 0.75  # BM25 saturation of the body's term frequency
KINDS = {"entry": 0, "page": 1, "hub": 2}
# Languages whose stemmer in the worker reads accents (Snowball Spanish: "-ación", "-logía", "-ía"):
# their head maps each word the pages write with accents to its written form.
WRITTEN = frozenset({"es"})

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_SPLIT = re.compile(r"[^a-z0-9]+")
_WRITTEN_WORD = re.compile(r"[^\W_]+")


def words(text: str, stop: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` as search sees them: lower case, accents dropped, apostrophes joined
    ("Parkinson's" is "parkinsons"), split at anything but a letter or digit, stop words left out.
    The worker's ``words`` does the same to a query."""
    text = str(text)
    if not text.isascii():  # most text is: then there is no accent to drop
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    drop = stop if isinstance(stop, (set, frozenset)) else frozenset(stop)
    return [w for w in _SPLIT.split(_APOSTROPHES.sub("", text)) if w and w not in drop]


def written_forms(texts: Iterable[str], vocabulary: Iterable[str]) -> dict[str, str]:
    """{word: the form the texts write it in most often}, for each word of ``vocabulary`` whose
    commonest written form has accents ("parpado": "párpado"; a tie goes to the form without)."""
    wanted = frozenset(vocabulary)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for token in _WRITTEN_WORD.findall(_APOSTROPHES.sub("", unicodedata.normalize("NFC", str(text)).lower())):
            found = [token] if token.isascii() else words(token)
            if len(found) == 1 and found[0] in wanted:
                seen[found[0]][token] += 1
    out = {}
    for word in sorted(seen):
        forms = seen[word]
        best = max(sorted(forms), key=lambda f: forms[f])  # sorted: the form without accents first
        if best != word:
            out[word] = best
    return out


@dataclass
class Doc:
    url: str
    title: str
    kind: str  # entry, page or hub
    boost: float
    summary: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # field -> texts
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, heading, text)
    parent: str = ""  # a part of a page (a warning sign on the page of every sign): that page's address
    sign: str = ""  # a warning sign's id, for a part that is one


# --- text --------------------------------------------------------------------------------------

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ABBR = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")
_EXCLUDED_DIV = re.compile(r"<div\b[^>]*data-search-exclude[^>]*>.*?</div>", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.M)


def plain(markdown: str) -> str:
    """Markdown as the words a reader sees: links' text, no tags, emphasis, list marks or breaks."""
    text = _COMMENT.sub(" ", markdown)
    text = _ABBR.sub("", text)
    text = _EXCLUDED_DIV.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.|:)\s+", "", text, flags=re.M)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def snippet(text: str, limit: int = SNIPPET) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit] + " …"


def _heading(raw: str) -> tuple[str, str | None, bool]:
    """A Markdown heading's text, its own id if it sets one, and whether search leaves it out."""
    attrs = _ATTRS.search(raw)
    own = None
    excluded = False
    if attrs:
        inside = attrs.group(0)
        own_id = re.search(r"#([\w-]+)", inside)
        own = own_id.group(1) if own_id else None
        excluded = "data-search-exclude" in inside
        raw = raw[:attrs.start()]
    return plain(raw), own, excluded


# --- documents ----------------------------------------------------------------------------------

def entry_docs(content: Content, section_heading: Any) -> list[Doc]:
    """One document per entry, from its fields."""
    taxonomy = {name: {i["id"]: str(i.get("label", i["id"])) for i in items} for name, items in content.taxonomy.items()}
    signs_of: dict[str, list[str]] = defaultdict(list)
    for sign in content.triage.signs.values():
        for cause in sign.causes[:3]:  # the causes a sign points to, likeliest first
            signs_of[cause] += [*sign.lay_words, sign.says]
    docs = []
    for etype in ENTRY_TYPES:
        for entry_id in sorted(content.entries[etype.name]):
            entry = content.entries[etype.name][entry_id]
            e = entry.data
            used: set[str] = set()
            unique(slugify(str(e["title"]), "-"), used)
            sections = []
            body = []
            for section in etype.sections:
                if not e.get(section.name):
                    continue
                heading = section_heading(etype, section, e)
                text = plain(str(e[section.name]))
                body.append(text)
                sections.append((unique(slugify(heading, "-"), used), heading, snippet(text)))
            facts = [taxonomy.get(name, {}).get(value, "") for name in ("body_areas", "symptoms", "triggers")
                     for value in e.get(name) or []]
            docs.append(Doc(
                url=f"{etype.folder}/{entry_id}/", title=str(e["title"]), kind="entry",
                boost=RANKING["how_common"].get(str(e.get("how_common")), 1.0),
                summary=" ".join(str(e["summary"]).split()),
                fields={"title": [str(e["title"])], "names": [str(n) for n in e.get("also_called") or []],
                        "terms": [str(n) for n in e.get("search_terms") or []], "summary": [str(e["summary"])],
                        "body": body, "facts": facts,
                        "signs": signs_of.get(entry_id, []) if etype is CAUSE else []},
                sections=sections))
    return docs


def page_doc(rel: str, text: str, hub: bool = False) -> Doc | None:
    """One document for a generated or hand-written page, from its Markdown; None if search leaves it out."""
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else {}
    meta = meta if isinstance(meta, dict) else {}
    search = meta.get("search") if isinstance(meta.get("search"), dict) else {}
    if search.get("exclude"):
        return None
    body = text[match.end():] if match else text
    url = "" if rel == "index.md" else (rel[:-len("index.md")] if rel.endswith("/index.md") else rel[:-3] + "/")
    parts = _HEADING.split(body)  # [before, hashes, heading, text, hashes, heading, text, ...]
    title = str(meta.get("title") or "")
    used: set[str] = set()
    sections: list[tuple[str, str, str]] = []
    headings: list[str] = []
    kept: list[str] = [parts[0]]
    for i in range(1, len(parts), 3):
        level, raw, chunk = len(parts[i]), parts[i + 1], parts[i + 2]
        heading, own, excluded = _heading(raw)
        anchor = own if own else unique(slugify(heading, "-"), used)
        if level == 1:
            title = title or heading
            kept.append(chunk)
            continue
        if excluded:
            continue
        words_ = plain(chunk)
        headings.append(heading)
        kept.append(chunk)
        sections.append((anchor, heading, snippet(words_)))
    lede = re.search(r'<p class="lede">(.*?)</p>', body, re.S)
    summary = " ".join(str(meta.get("description") or (plain(lede.group(1)) if lede else "")).split())
    boost = float(search.get("boost", PAGE_BOOST))
    return Doc(url=url, title=title, kind="hub" if hub else "page", boost=boost, summary=summary,
               fields={"title": [title], "names": [str(n) for n in meta.get("also_called") or []],
                       "terms": [str(n) for n in meta.get("search_terms") or []], "headings": headings,
                       "summary": [summary], "body": [plain("\n".join(kept))]},
               sections=sections)


def sign_docs(page: Doc, content: Content) -> list[Doc]:
    """Each warning sign as a part of the page of every sign, at the anchor of its level's cards:
    found by its words (the reader's words and the navigator's question from triage.yaml, and
    what it says), it brings that page up, with the sign as the section shown. Each sign is
    scored on its own, so a query must describe one sign, not pick words from many. Only the
    reader's words name the sign (its topic); the question and what it says describe it, as a
    page's summary does (as names, a question's every word made the sign the topic of queries
    that merely share a word with it, "statins" above the page on statins)."""
    parts = []
    headings = {level.key: str(content.words["pages"]["care"]["card"]).format(label=level.label, action=level.action)
                for level in content.levels}
    for sign in content.triage.signs.values():
        parts.append(Doc(
            url=f"{page.url}#{sign.level.replace('_', '-')}", title=headings.get(sign.level, page.title),
            kind=page.kind, boost=page.boost, summary=sign.says, parent=page.url,
            fields={"names": list(sign.lay_words), "summary": [sign.says, *([sign.ask] if sign.ask else [])]},
            sign=sign.id))
    return parts


def documents(content: Content, section_heading: Any, files: Mapping[str, str | bytes],
              hubs: Iterable[str], signs_page: str = "") -> list[Doc]:
    """Every page search can find: the entries, then the other Markdown pages, by address.
    ``signs_page`` (a page's address) is the page of every warning sign."""
    hub_set = set(hubs)
    docs = entry_docs(content, section_heading)
    for rel in sorted(files):
        text = files[rel]
        if rel.endswith(".md") and isinstance(text, str):
            doc = page_doc(rel, text, rel in hub_set)
            if doc is not None:
                docs.append(doc)
                if doc.url == signs_page:
                    docs += sign_docs(doc, content)
    order = {id(doc): n for n, doc in enumerate(docs)}
    return sorted(docs, key=lambda d: (d.parent or d.url, bool(d.parent), order[id(d)]))


# --- the index ----------------------------------------------------------------------------------

def _postings(docs: list[Doc], stop: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """word -> [(page number, weight * 256 + field mask)], pages in order."""
    tokens = [{name: words(" ".join(doc.fields.get(name, [])), stop) for name in FIELDS} for doc in docs]
    lengths = [len(t["body"]) for t in tokens]
    bodies = [n for n in lengths if n]
    average = sum(bodies) / max(1, len(bodies)) or 1.0
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for n, doc in enumerate(docs):
        weight: dict[str, float] = defaultdict(float)
        mask: dict[str, int] = defaultdict(int)
        for name, (bit, w) in FIELDS.items():
            counts = Counter(tokens[n][name])
            for word, tf in counts.items():
                if name in ("body", "signs"):
                    norm = 1 - B + B * (lengths[n] / average if name == "body" else 1.0)
                    weight[word] += w * tf * (K1 + 1) / (tf + K1 * norm)
                else:
                    weight[word] += w
                mask[word] |= bit
        for word in weight:
            postings[word].append((n, max(1, round(weight[word] * 10)) * 256 + mask[word]))
    return postings


def _encode(items: list[tuple[int, int]]) -> list[int]:
    flat, last = [], 0
    for n, code in items:
        flat += [n - last, code]
        last = n
    return flat


def shard_key(word: str, keys: set[str]) -> str:
    """The shard a word is in: its first three letters if that shard exists, else its first two."""
    return word[:3] if word[:3] in keys else word[:2]


def thesaurus(content: Content) -> list[list[str]]:
    """The search box's groups of words that mean the same: content/thesaurus.yaml's, and each
    glossary term with its other forms (glossary.yaml). (The warning signs' word groups in
    triage.yaml are broader, "pain" with "sore" and "killing": with them, fewer right pages came
    first on the tuning queries.)"""
    groups = [list(g) for g in content.thesaurus]
    groups += [[str(t["term"]), *map(str, t["also_called"])] for t in content.glossary if t.get("also_called")]
    return groups


def irregular_forms(lines: Iterable[str]) -> dict[str, str]:
    """{irregular form: its verb} from the locale's lines ("throw threw thrown")."""
    return {form: verb for line in lines for verb, *forms in [words(line)] for form in forms}


def index_files(docs: list[Doc], language: Mapping[str, Any], thesaurus: list[list[str]],
                sign_words: Iterable[Iterable[str]]) -> dict[str, str]:
    """Every file of the index: {docs path: JSON}. ``sign_words``: the triage model's groups of
    words that mean the same to its warning signs (triage.yaml's words), which search uses to
    find the signs only."""
    query = language["search"]["query"]
    stop = frozenset(str(w) for w in query["stop_words"])  # question words stay in: a query of only those finds them
    postings = _postings(docs, stop)
    by_two: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(postings):
        by_two[word[:2]][word] = _encode(postings[word])
    shards: dict[str, dict[str, list[int]]] = {}
    for key, members in by_two.items():
        if len(_json(members)) <= SHARD_LIMIT or len(key) < 2:
            shards[key] = members
            continue
        for word, flat in members.items():  # too big: split by three letters (short words stay under two)
            shards.setdefault(word[:3] if len(word) > 2 else key, {})[word] = flat
    files = {f"{FOLDER}/t/{key}.json": _json(members) for key, members in sorted(shards.items())}
    for start in range(0, len(docs), BUCKET):
        files[f"{FOLDER}/d/{start // BUCKET}.json"] = _json(
            [[d.summary, [list(s) for s in d.sections]] for d in docs[start:start + BUCKET]])
    number = {d.url: n for n, d in enumerate(docs) if not d.parent}
    version = hashlib.sha256("".join(files[k] for k in sorted(files)).encode()).hexdigest()[:12]
    code = str(language.get("language") or "en")
    head: dict[str, Any] = {
        "version": version,
        "bucket": BUCKET,
        "topic": TOPIC_MASK,
        "ranking": RANKING,
        "language": code,
        "pages": [[d.url, d.title, KINDS[d.kind], d.boost, *([number[d.parent], d.sign] if d.parent else [])]
                  for d in docs],
        "shards": sorted(shards),
        "vocabulary": {word: len(postings[word]) for word in sorted(postings)},
        "stop_words": sorted(stop),
        "question_words": sorted(str(w) for w in query["question_words"]),
        "irregular": irregular_forms(query.get("irregular") or []),
        "terms_only": sorted(w for w, items in postings.items() if all(code % 256 == FIELDS["terms"][0] for _, code in items)),
        "thesaurus": [[" ".join(words(term, stop)) for term in group] for group in thesaurus],
        "sign_words": [[" ".join(words(str(term), stop)) for term in group] for group in sign_words],
        "part_names": {str(n): [ws for name in d.fields.get("names", []) if (ws := words(name, stop))]
                       for n, d in enumerate(docs) if d.parent},
    }
    if code in WRITTEN:
        texts = [text for doc in docs for field_texts in doc.fields.values() for text in field_texts]
        head["written"] = written_forms([*texts, *(term for group in thesaurus for term in group)],
                                        [*postings, *(w for g in head["thesaurus"] for t in g for w in t.split())])
    files[HEAD] = _json(head)
    return files


def stub(index: Mapping[str, Any]) -> dict[str, Any]:
    """What stays of Material's search/search_index.json: its settings only. The theme still
    fetches it on every page load (and gives it to the worker, and uses its separator to mark the
    words of ``?h=`` on the page), but the worker reads our index instead of its documents."""
    return {"config": index.get("config", {}), "docs": []}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def idf(df: int, n: int) -> float:  # the worker's rarity of a word; here for tests
    return math.log(1 + n / max(1, df))
