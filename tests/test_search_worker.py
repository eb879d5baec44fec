"""The site's own search: the index the generator writes (build_scripts/search_index.py), the stub
left of the theme's index, and the worker behind the search box
(overrides/assets/javascripts/search-worker.js), run under Node on the built site with the same
messages the theme sends.

Issue 16's query set (tests/search/queries.yaml) was written by someone who saw only the pages'
titles and the warning signs, and split into a tuning part and a held-back part before anything
ran. Both parts are scored and printed; only the tuning part's misses are shown. The browser test
(tests/test_search.py) types queries into the real search box.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest

from build_scripts.search_index import FOLDER, HEAD, shard_key, words
from tests.conftest import ROOT
from tests.search_eval import (BLIND3_QUERIES, BLIND_QUERIES, FIRST_QUERIES, NODE_RUNNER, QUERIES, TOP, WORKER, hit_rate,
                               load_queries, report, run_node)

# Floors below what the search scores today (bench/README.md has the table): a change that makes
# search worse on queries nobody tuned for fails here.
MIN_TUNE = 0.88
MIN_HELD = 0.90
MIN_HELD_WARNING = 0.90
MIN_FIRST_73 = 0.95
# Where the worker's stemmer and snowballstemmer 3.1.1 differ: Snowball 3 rules it leaves out.
STEM_EXCEPTIONS = {"emergencies", "emergency", "evening", "lateral", "paste"}


def node(script: str, *args: str) -> str:
    return subprocess.run(["node", "-e", script, *args], capture_output=True, text=True, check=True, timeout=60).stdout


def test_query_set_is_large_split_and_varied() -> None:
    rows = load_queries(scored=False)
    assert len(rows) >= 330
    assert {q["kind"] for q in rows} == {"lay", "misspelling", "medical", "question", "treatment", "warning"}
    assert {q["split"] for q in rows} == {"tune", "held"}
    assert sum(q["split"] == "held" for q in rows) * 4 >= len(rows)
    assert {q["kind"] for q in load_queries(FIRST_QUERIES)} == {"lay", "misspelling", "medical", "question",
                                                                "treatment", "red-flag"}


def test_issue_16_queries_find_the_right_page(built_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = built_project / "site"
    results = run_node(site, load_queries(QUERIES))
    first = run_node(site, load_queries(FIRST_QUERIES))
    summary = report(results)
    with capsys.disabled():
        print(f"\nsearch (worker under Node): hit@{TOP} per kind, issue 16's queries\n{summary}")
        print(f"the first 73 queries: hit@{TOP} {hit_rate(first, TOP):.2f}")
    tune = [r for r in results if r.split == "tune"]
    held = [r for r in results if r.split == "held"]
    assert hit_rate(tune, TOP) >= MIN_TUNE, summary
    assert hit_rate(held, TOP) >= MIN_HELD
    assert hit_rate([r for r in held if r.kind == "warning"], TOP) >= MIN_HELD_WARNING
    assert hit_rate(first, TOP) >= MIN_FIRST_73


def test_a_warning_sign_with_a_common_word_still_finds_when_to_get_help(built_project: Path) -> None:
    """Readers add the word they started from: "chest pain and twitching". A word most pages use
    tells no warning sign from another, so a sign with every other word of the query still counts
    (a sign otherwise needs three of the query's words)."""
    import yaml

    triage = yaml.safe_load((built_project / "content" / "triage.yaml").read_text(encoding="utf-8"))
    queries = [{"query": f"{words} and twitching", "kind": "warning", "expect": ["when-to-get-help/"]}
               for sign in triage["signs"] for words in (sign.get("lay_words") or [])[:1]]
    results = run_node(built_project / "site", queries)
    # 0.93 today; 0.46 when "twitching" counted as one of the three words a sign needs
    assert hit_rate(results, TOP) >= 0.9, [r.query for r in results if not r.hit(TOP)][:20]


@pytest.mark.slow  # 136 long queries: in make test, keeping make test-fast under a minute
def test_a_query_that_names_a_warning_sign_among_other_words_finds_when_to_get_help(built_project: Path) -> None:
    """"my husband just had a seizure, he's never had one before": a sign counts when the query
    holds every word of one of its lay words, however many other words come with them."""
    import yaml

    triage = yaml.safe_load((built_project / "content" / "triage.yaml").read_text(encoding="utf-8"))
    queries = [{"query": f"my husband just had {words} tonight never before", "kind": "warning",
                "expect": ["when-to-get-help/"]}
               for sign in triage["signs"] for words in (sign.get("lay_words") or [])[:1]]
    results = run_node(built_project / "site", queries)
    # 1.00 today; 0.38 when a sign needed three of the query's words
    assert hit_rate(results, TOP) >= 0.95, [r.query for r in results if not r.hit(TOP)][:20]


def test_a_thesaurus_word_no_page_uses_is_read_through_the_thesaurus_not_as_a_typo(built_project: Path) -> None:
    """"booze" is in the thesaurus with "alcohol" but on no page: it finds what "alcohol" finds,
    not the pages of words a typo away ("lose", "nose", "dose")."""
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    pairs = [(term, other) for group in head["thesaurus"] for term in group
             if " " not in term and term not in head["vocabulary"]
             for other in group[:1] if other != term and " " not in other and other in head["vocabulary"]]
    assert len(pairs) >= 5, pairs
    terms, others = _pages(site, [t for t, _ in pairs]), _pages(site, [o for _, o in pairs])
    same = [bool(a) and set(a[:TOP]) == set(b[:TOP]) for a, b in zip(terms, others)]
    assert sum(same) >= 0.8 * len(pairs), [p for p, ok in zip(pairs, same) if not ok]


def test_a_warning_sign_is_found_by_the_triage_models_words_for_its_words(built_project: Path) -> None:
    """"dead feet" finds the sign the reader would call "numb feet": on the warning signs (never on
    other pages), search reads a word as the others of its group in triage.yaml's words. Its
    near_words ("calf" with "knee") are the card's alone."""
    import yaml

    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    triage = yaml.safe_load((built_project / "content" / "triage.yaml").read_text(encoding="utf-8"))
    groups = [[" ".join(words(str(w))) for w in group] for group in triage["words"]]
    assert head["sign_words"] and all(group in groups for group in head["sign_words"])
    near = {" ".join(words(str(w))) for group in triage.get("near_words") or [] for w in group}
    assert not near & {w for group in head["sign_words"] for w in group}
    queries = []  # a sign's lay words with its group's first word swapped for one no page uses
    for group in groups:
        unknown = [w for w in group[1:] if " " not in w and w not in head["vocabulary"]]
        lay = [lay for sign in triage["signs"] for lay in sign.get("lay_words") or [] if group[0] in words(lay)][:1]
        if unknown and lay:
            query = " ".join(unknown[0] if w == group[0] else w for w in words(lay[0]))
            queries.append({"query": query, "kind": "warning", "expect": ["when-to-get-help/"]})
    assert len(queries) >= 15
    results = run_node(site, queries)
    # 1.00 today
    assert hit_rate(results, TOP) >= 0.9, [(r.query, r.found[:TOP]) for r in results if not r.hit(TOP)]


def _pages(site: Path, queries: list[str]) -> list[tuple[str, ...]]:
    return [r.found for r in run_node(site, [{"query": q, "kind": "lay", "expect": []} for q in queries])]


def test_irregular_verbs_read_as_the_verb(built_project: Path) -> None:
    """"threw up" finds what "throw up" finds: the locale's irregular forms are stemmed as their
    verb, in the query and in the pages' words alike."""
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    pairs = [(form, verb) for form, verb in head["irregular"].items() if verb in head["vocabulary"]]
    assert len(pairs) >= 10
    forms, verbs = _pages(site, [form for form, _ in pairs]), _pages(site, [verb for _, verb in pairs])
    # the same pages, in the same order but where the typed word itself is on a page (found exactly)
    same = [set(a[:TOP]) == set(b[:TOP]) for a, b in zip(forms, verbs)]
    assert sum(same) >= 0.9 * len(pairs), [p for p, ok in zip(pairs, same) if not ok]


def test_a_word_no_page_uses_finds_the_word_it_begins_with(built_project: Path) -> None:
    """"yellowish" finds what "yellow" finds, before any other page: an unknown word is also read
    as a known stem of five letters or more that it begins with."""
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    sample = [w for w in sorted(head["vocabulary"]) if w.isalpha() and len(w) >= 6 and f"{w}ish" not in head["vocabulary"]][::25]
    plain, ending = _pages(site, sample), _pages(site, [f"{w}ish" for w in sample])
    same = sum(bool(a) and a[:1] == b[:1] for a, b in zip(plain, ending))
    assert same >= 0.8 * len(sample), [w for w, a, b in zip(sample, plain, ending) if a[:1] != b[:1]][:10]


def test_a_misspelling_in_a_few_pages_search_terms_also_finds_the_common_word(built_project: Path) -> None:
    """"twiching" is a misspelling that a few entries list for search (and no page has in its text):
    the query also finds pages that use "twitching" (a word a typo away that five times as many pages
    use), not only those."""
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    vocabulary = head["vocabulary"]
    words_ = sorted(w for w in vocabulary if w.isalpha())
    stems = json.loads(node(f"const w = require({json.dumps(str(WORKER))}); "
                            f"console.log(JSON.stringify({json.dumps(words_)}.map(w.stem)))"))
    stem_of = dict(zip(words_, stems))
    uses: dict[str, int] = {}
    for word, stem in stem_of.items():
        uses[stem] = uses.get(stem, 0) + vocabulary[word]

    longer: dict[str, set[str]] = {}  # a word with one letter left out -> the words it comes from
    for word in words_:
        for i in range(len(word)):
            longer.setdefault(word[:i] + word[i + 1:], set()).add(word)

    def neighbours(word: str) -> set[str]:  # one letter left out, or one letter too many
        return {word[:i] + word[i + 1:] for i in range(len(word))} | longer.get(word, set())

    terms_only = set(head["terms_only"])  # words pages have only among their search terms
    assert terms_only and not terms_only & {w for row in head["pages"] for w in words(row[1])}  # no title word
    rare = [w for w in words_ if w in terms_only and len(w) >= 5
            and any(stem_of.get(n) != stem_of[w] and vocabulary.get(n, 0) >= 5 * uses[stem_of[w]]
                    for n in neighbours(w))]
    assert len(rare) >= 3, rare
    for word, found in zip(rare, _pages(site, rare)):
        assert len(found) > uses[stem_of[word]], word


# More sets written blind and split the same way: (file, what it is, floors for its tuning part and
# its held-back part, and the held-back warning queries). The third one's held floors are below its
# first run, before anything was changed for it (0.88 and 0.86).
BLIND_SETS = [
    (BLIND_QUERIES, "the second blind set", 0.90, 0.90, 0.90),
    (BLIND3_QUERIES, "the third blind set", 0.90, 0.85, 0.80),
]


@pytest.mark.slow
@pytest.mark.parametrize("path, name, min_tune, min_held, min_held_warning", BLIND_SETS, ids=["second", "third"])
def test_a_blind_query_set_finds_the_right_page(built_project: Path, capsys: pytest.CaptureFixture[str], path: Path,
                                                 name: str, min_tune: float, min_held: float,
                                                 min_held_warning: float) -> None:
    rows = load_queries(path, scored=False)
    assert len(rows) >= 240 and sum(q["split"] == "held" for q in rows) * 4 >= len(rows)
    results = run_node(built_project / "site", load_queries(path))
    summary = report(results)
    with capsys.disabled():
        print(f"\nsearch (worker under Node): hit@{TOP} per kind, {name}\n{summary}")
    held = [r for r in results if r.split == "held"]
    assert hit_rate([r for r in results if r.split == "tune"], TOP) >= min_tune, summary
    assert hit_rate(held, TOP) >= min_held
    assert hit_rate([r for r in held if r.kind == "warning"], TOP) >= min_held_warning


SPANISH_QUERIES = ROOT / "tests" / "search" / "queries-es.yaml"  # issue 18's set, split the same way
MIN_TUNE_ES = 0.90
MIN_HELD_ES = 0.93


def test_spanish_query_set_is_large_and_split() -> None:
    rows = load_queries(SPANISH_QUERIES, scored=False)
    assert len(rows) >= 120
    assert {q["kind"] for q in rows} == {"lay", "misspelling", "medical", "question", "treatment", "warning"}
    assert sum(q["split"] == "held" for q in rows) * 4 >= len(rows)


def test_spanish_queries_find_the_right_page(built_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = run_node(built_project / "site" / "es", load_queries(SPANISH_QUERIES))
    summary = report(results)
    with capsys.disabled():
        print(f"\nSpanish search (worker under Node): hit@{TOP} per kind\n{summary}")
    assert hit_rate([r for r in results if r.split == "tune"], TOP) >= MIN_TUNE_ES, summary
    assert hit_rate([r for r in results if r.split == "held"], TOP) >= MIN_HELD_ES


def test_theme_index_is_a_stub_and_pages_use_our_worker(built_project: Path) -> None:
    site = built_project / "site"
    stub = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["lang"] == ["en"] and "separator" in stub["config"]
    assert (site / "search" / "search_index.json").stat().st_size < 1000
    for page in ("index.html", "causes/caffeine/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        assert config["search"].endswith("assets/javascripts/search-worker.js"), page
        assert "search.result.placeholder" in config["translations"]  # the theme's own config, kept
    assert (site / "assets" / "javascripts" / "search-worker.js").is_file()


def test_index_covers_the_pages_and_its_postings_are_sound(built_project: Path) -> None:
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    urls = [row[0] for row in head["pages"]]
    own = [u for u in urls if "#" not in u]
    for folder in ("causes", "treatments", "tests"):
        for path in (ROOT / "content" / folder).glob("*.yaml"):
            assert f"{folder}/{path.stem}/" in own
    assert "when-to-get-help/" in own and "a-z/" not in own and "browse/arms-and-hands/" not in own
    assert any(u.startswith("when-to-get-help/#") for u in urls)  # the warning signs, as its parts
    keys = set(head["shards"])
    for word, df in head["vocabulary"].items():
        shard = json.loads((site / FOLDER / "t" / f"{shard_key(word, keys)}.json").read_text(encoding="utf-8"))
        flat = shard[word]
        assert len(flat) == 2 * df
        pages = [sum(flat[0:i + 1:2]) for i in range(0, len(flat), 2)]
        assert pages == sorted(set(pages)) and pages[-1] < len(urls)
        assert all(code // 256 > 0 and code % 256 > 0 for code in flat[1::2])


def test_result_sections_point_to_headings_that_exist(built_project: Path) -> None:
    site = built_project / "site"
    head = json.loads((site / HEAD).read_text(encoding="utf-8"))
    for n, row in enumerate(head["pages"]):
        if "#" in row[0]:
            continue
        bucket = json.loads((site / FOLDER / "d" / f"{n // head['bucket']}.json").read_text(encoding="utf-8"))
        summary, sections = bucket[n % head["bucket"]]
        html = (site / row[0] / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        for anchor, heading, _text in sections:
            assert anchor in ids, f"{row[0]}#{anchor} ({heading})"


def test_nothing_index_sized_loads_with_a_page(built_project: Path) -> None:
    """A page load fetches the stub and the worker; the index waits for the first query."""
    site = built_project / "site"
    worker = (site / "assets" / "javascripts" / "search-worker.js").read_bytes()
    assert len(gzip.compress(worker)) < 16_000  # about 12 KB with both stemmers; the index is over 100 KB
    assert "search-worker.js" in (site / "index.html").read_text(encoding="utf-8")
    out = subprocess.run(["node", str(NODE_RUNNER), str(WORKER), str(site)], input='"twitching"\n"twitching at night"\n',
                         capture_output=True, text=True, check=True, timeout=60).stdout
    first, second = (json.loads(line) for line in out.splitlines())
    assert HEAD in first["bytes"] and first["pages"]
    assert HEAD not in second["bytes"]  # kept: later queries fetch only what is new


def test_stemmer_is_snowball_english() -> None:
    lines = [line.split() for line in (Path(__file__).parent / "search" / "stems.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    words = [w for w, _ in lines]
    got = json.loads(node(f"const w = require({json.dumps(str(WORKER))}); "
                          "console.log(JSON.stringify(process.argv.slice(1).map(w.stem)))", *words))
    differ = {w for (w, want), stem in zip(lines, got) if stem != want}
    assert differ == STEM_EXCEPTIONS


def test_stemmer_is_snowball_spanish() -> None:
    """The worker's Spanish stemmer gives snowballstemmer 3.1.1's stem for every word of
    tests/search/stems-es.txt (the Spanish pages' words and forms made from them), accents and all."""
    path = Path(__file__).parent / "search" / "stems-es.txt"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 5000
    differ = json.loads(node(f"const w = require({json.dumps(str(WORKER))}); const fs = require('fs');"
                             f" console.log(JSON.stringify(fs.readFileSync({json.dumps(str(path))}, 'utf8').split('\\n')"
                             " .filter(l => l && l[0] !== '#').map(l => l.split('\\t'))"
                             " .filter(r => w.stemEs(r[0]) !== r[1]).map(r => [r[0], r[1], w.stemEs(r[0])])))"))
    assert differ == []


def test_each_index_says_its_language_and_spanish_search_ignores_accents(built_project: Path) -> None:
    """The head names the pages' language, so the worker stems Spanish as Spanish; a Spanish
    head also gives the words the pages write with accents as written (the stemmer reads
    "-ación"), and a query finds the same pages with its accents or without them."""
    site = built_project / "site"
    english = json.loads((site / HEAD).read_text(encoding="utf-8"))
    spanish = json.loads((site / "es" / HEAD).read_text(encoding="utf-8"))
    assert english["language"] == "en" and "written" not in english
    assert spanish["language"] == "es"
    assert spanish["written"]["parpado"] == "párpado" and spanish["written"]["fasciculacion"] == "fasciculación"
    thesaurus = {w for group in spanish["thesaurus"] for term in group for w in term.split()}
    assert all(words(form) == [w] and w in {*spanish["vocabulary"], *thesaurus} for w, form in spanish["written"].items())
    queries = ["párpado", "parpado", "fasciculación", "fasciculacion", "fasciculaciones", "qué es la ELA", "que es la ela"]
    out = subprocess.run(["node", str(NODE_RUNNER), str(WORKER), str(site / "es")],
                         input="".join(json.dumps(q) + "\n" for q in queries),
                         capture_output=True, text=True, check=True, timeout=60).stdout
    pages = [json.loads(line)["pages"][:5] for line in out.splitlines()]
    assert pages[0] == pages[1] and "causes/eyelid-twitching/" in pages[0][:3]
    assert pages[2] == pages[3] and set(pages[3][:3]) & set(pages[4][:3])
    assert pages[5] == pages[6] and "causes/als-mnd/" in pages[5][:3]


def test_typos_and_sounds() -> None:
    pairs = [("magnesuim", "magnesium"), ("spazms", "spasms"), ("caffine", "caffeine"), ("twiching", "twitching")]
    out = json.loads(node(f"const w = require({json.dumps(str(WORKER))}); "
                          f"console.log(JSON.stringify({json.dumps(pairs)}.map(p => w.distance(p[0], p[1], 2))"
                          ".concat([w.sound('fisiotherapy') === w.sound('physiotherapy'), w.sound('kwinine') === w.sound('quinine'),"
                          " w.words(\"Parkinson's  Ménière\").join(' ')])))"))
    assert out == [1, 1, 1, 1, True, True, "parkinsons meniere"]
