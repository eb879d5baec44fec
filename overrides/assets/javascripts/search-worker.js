/* The site's own search, behind Material's search box.
 *
 * Material starts this worker (its URL is `search` in the page's config, set in overrides/main.html)
 * and speaks its protocol: SETUP (0) -> READY (1); QUERY (2, the text typed) -> RESULT (3,
 * {items: [[page, ...sections]], suggest}). Items carry HTML with <mark> around the words found,
 * as Material's own worker does, so the theme's result list, keyboard and highlighting work as before.
 *
 * Nothing is fetched until the first query. Then the index's head (assets/search/head.json: pages,
 * vocabulary, query words, thesaurus), the shards of the query's words and the result text of the
 * top pages are fetched from this site and kept, so later searches work offline. The index is
 * written by build_scripts/search_index.py. Nothing the reader types leaves the device.
 *
 * Understanding a query:
 * - words: lower case, accents dropped, apostrophes joined; the locale's stop and question words
 *   are left out ("why is my eye twitching" looks for "eye twitching");
 * - stems: the Snowball stemmer of the index's language (head.json's "language"): English (Porter2),
 *   so "cramps", "cramping" and "cramp" are one word (with Snowball 3's "-ogist" and "add";
 *   tests/search/stems.txt holds the reference stems), or Spanish, so "fasciculaciones" and
 *   "fasciculación" are one word (tests/search/stems-es.txt). The Spanish stemmer reads accents
 *   ("-ación", "-logía", "-ía") while words come accent-free ("parpado" finds "párpado"), so it is
 *   given the word as the pages write it (head.json's "written": "parpado" -> "párpado") and its
 *   stem is folded; a word and its plural are one word where Snowball leaves them apart ("ojo",
 *   "ojos"), and a verb's changed stem vowel ("tiembla", "temblar") counts as a related stem;
 * - typos: a word the site does not use is matched to the site's words within 1 edit (4 to 7
 *   letters) or 2 (8 or more; a swap of two letters is one edit), the most frequent first; so is a
 *   word pages have only among their search terms (a misspelling there) to far commoner words; a
 *   word in a thesaurus or triage group is a real word, never read as a typo ("booze" is not "lose");
 * - thesaurus (content/thesaurus.yaml, content/translations/<language>/thesaurus.yaml): a word or
 *   phrase in a group also finds the group's other words ("lockjaw" finds tetanus), ranked a little lower;
 * - the triage model's groups of words that mean the same (triage.yaml's `words`) do the same on
 *   the warning signs only ("dead feet" finds the sign of numb feet);
 * - the last word, while it is being typed, also finds the words it begins.
 *
 * Ranking: each page scores the rarity of each query word times the word's weight on the page
 * (title, other names and search terms weigh most; the index holds the weights), times the share of
 * the query's rarity it has (a word it only mentions in passing counts for less). Pages that have
 * all the query's words rank far above pages with some; a page whose topic (title, names, search
 * terms) the query names ranks above pages that merely mention it; entries rank above hubs, and
 * a common cause a little above a rare one (its boost in the index, from its how_common). A
 * warning sign (a part of the page of every sign) counts when it has three of the query's words,
 * or every word of the query that most pages do not use, or every word of one of its lay words
 * ("seizure" in "my husband just had a seizure, he's never had one before").
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var NODE = typeof module !== "undefined" && module.exports;  /* required by a test under Node */
  /* In a page (the warning card loads this file too) the index is found from this script's address. */
  var PAGE = !NODE && typeof document !== "undefined";
  var HERE = PAGE ? (document.currentScript && document.currentScript.src) || "" : NODE ? "" : self.location.href;
  var HEAD = HERE ? new URL("../search/head.json", HERE) : null;
  /* The ranking's numbers come with the index (build_scripts/search_index.py, RANKING): */
  var R = null;

  var head = null, loadingHead = null;
  var shards = {}, details = {};
  var stems = {};       /* stem -> [vocabulary words] */
  var stemOf = {};      /* vocabulary word -> stem */
  var stop = null, questions = null, thesaurus = [];
  var stemmer = null;   /* the index language's stemmer */
  var written = {};     /* a word -> as the pages write it, with its accents (for a stemmer that reads them) */
  var irregular = {};   /* an irregular form of a verb -> the verb */
  var termsOnly = new Set();  /* words that pages have only among their search terms */
  var groupWords = new Set();  /* the stems of the one-word terms of the thesaurus and the triage model's groups */
  var signWords = [];   /* the triage model's groups of words that mean the same, for the warning signs */
  var partNames = {};   /* a part's number -> its names (a warning sign's lay words), each a list of stems */

  /* ---- words ------------------------------------------------------------------------------ */

  function fold(text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }

  function words(text) {
    return fold(text).toLowerCase().replace(/['\u2018\u2019\u02bc`]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }

  /* ---- Snowball English (Porter2) stemmer ------------------------------------------------- */

  var stem = (function () {
    var EXCEPTIONS = {
      skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
      ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
      atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"
    };
    var AFTER_1A = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];
    var V = "aeiouy";
    function vowel(c) { return V.indexOf(c) >= 0; }
    function regions(w) {
      var r1 = w.length, r2 = w.length, m = /^(gener|commun|arsen)/.exec(w), i;
      if (m) r1 = m[0].length;
      else for (i = 1; i < w.length; i++) if (!vowel(w[i]) && vowel(w[i - 1])) { r1 = i + 1; break; }
      for (i = r1 + 1; i < w.length; i++) if (!vowel(w[i]) && vowel(w[i - 1])) { r2 = i + 1; break; }
      return [r1, r2];
    }
    function shortSyllable(w, end) {  /* the syllable ending at w[end - 1] */
      if (end === 2) return vowel(w[0]) && !vowel(w[1]);
      if (end < 3) return false;
      var a = w[end - 3], b = w[end - 2], c = w[end - 1];
      return !vowel(a) && vowel(b) && !vowel(c) && "wxY".indexOf(c) < 0;
    }
    function isShort(w) { return shortSyllable(w, w.length) && regions(w)[0] >= w.length; }
    function ends(w, s) { return w.length >= s.length && w.slice(-s.length) === s; }
    var STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"],
      ["iveness", "ive"], ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["ogist", "og"], ["entli", "ent"],
      ["ation", "ate"], ["alism", "al"], ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"],
      ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["izer", "ize"],
      ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
    var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
      ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
    var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion", "al", "er", "ic"];

    return function (word) {
      if (word.length <= 2) return word;
      if (EXCEPTIONS.hasOwnProperty(word)) return EXCEPTIONS[word];
      var w = word.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y"), i, s, r, rs;
      rs = regions(w); r = rs[0];
      /* Step 1a */
      if (ends(w, "sses")) w = w.slice(0, -2);
      else if (ends(w, "ied") || ends(w, "ies")) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
      else if (ends(w, "us") || ends(w, "ss")) { /* unchanged */ }
      else if (ends(w, "s") && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
      if (AFTER_1A.indexOf(w) >= 0) return w;
      /* Step 1b */
      rs = regions(w); r = rs[0];
      var m = /(eedly|eed)$/.exec(w);
      if (m) {
        if (w.length - m[0].length >= r) w = w.slice(0, -m[0].length) + "ee";
      } else {
        m = /(ingly|edly|ing|ed)$/.exec(w);
        if (m && /[aeiouy]/.test(w.slice(0, -m[0].length))) {
          w = w.slice(0, -m[0].length);
          if (/(at|bl|iz)$/.test(w)) w += "e";
          else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) { if (!/^[aeo](.)\1$/.test(w)) w = w.slice(0, -1); }
          else if (isShort(w)) w += "e";
        }
      }
      /* Step 1c */
      if (/.[^aeiouy][yY]$/.test(w)) w = w.slice(0, -1) + "i";
      rs = regions(w); r = rs[0];
      /* Step 2 */
      for (i = 0; i < STEP2.length; i++) {
        s = STEP2[i][0];
        if (!ends(w, s)) continue;
        if (w.length - s.length >= r) {
          if (s === "ogi") { if (w[w.length - 4] === "l") w = w.slice(0, -3) + "og"; }
          else if (s === "li") { if ("cdeghkmnrt".indexOf(w[w.length - 3]) >= 0) w = w.slice(0, -2); }
          else w = w.slice(0, -s.length) + STEP2[i][1];
        }
        break;
      }
      rs = regions(w); r = rs[0];
      /* Step 3 */
      for (i = 0; i < STEP3.length; i++) {
        s = STEP3[i][0];
        if (!ends(w, s)) continue;
        if (w.length - s.length >= r) {
          if (s === "ative") { if (w.length - s.length >= rs[1]) w = w.slice(0, -s.length); }
          else w = w.slice(0, -s.length) + STEP3[i][1];
        }
        break;
      }
      rs = regions(w);
      /* Step 4 */
      for (i = 0; i < STEP4.length; i++) {
        s = STEP4[i];
        if (!ends(w, s)) continue;
        if (w.length - s.length >= rs[1]) {
          if (s === "ion") { if (/[st]$/.test(w.slice(0, -3))) w = w.slice(0, -3); }
          else w = w.slice(0, -s.length);
        }
        break;
      }
      rs = regions(w);
      /* Step 5 */
      if (ends(w, "e")) {
        var before = w.length - 1;
        if (before >= rs[1] || (before >= rs[0] && !shortSyllable(w, before))) w = w.slice(0, -1);
      } else if (ends(w, "ll") && w.length - 1 >= rs[1]) {
        w = w.slice(0, -1);
      }
      return w.replace(/Y/g, "y");
    };
  })();

  /* ---- Snowball Spanish stemmer ----------------------------------------------------------- */

  var stemEs = (function () {
    function vowel(c) { return "aeiouáéíóúü".indexOf(c) >= 0; }
    function list(s) { return s.split("|").sort(function (a, b) { return b.length - a.length; }); }
    /* The longest of `suffixes` that ends w and starts at `from` or later ("" if none). */
    function longest(w, suffixes, from) {
      for (var i = 0; i < suffixes.length; i++) {
        var s = suffixes[i];
        if (w.length - s.length >= (from || 0) && w.slice(-s.length) === s) return s;
      }
      return "";
    }
    var PRONOUN = list("me|se|sela|selo|selas|selos|la|le|lo|las|les|los|nos");
    var BEFORE_PRONOUN = list("iéndo|ándo|ár|ér|ír|ando|iendo|ar|er|ir|yendo");
    var UNACCENT = { "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u" };
    /* Standard suffixes, by what is done with them (see the Snowball description). */
    var STANDARD = {};
    [["anza|anzas|ico|ica|icos|icas|ismo|ismos|able|ables|ible|ibles|ista|istas|oso|osa|osos|osas|amiento|amientos|imiento|imientos", 1],
     ["adora|ador|ación|adoras|adores|aciones|acion|ante|antes|ancia|ancias", 2],
     ["logía|logías", 3], ["ución|uciones|ucion", 4], ["encia|encias", 5], ["amente", 6], ["mente", 7],
     ["idad|idades", 8], ["iva|ivo|ivas|ivos", 9]].forEach(function (g) {
      g[0].split("|").forEach(function (s) { STANDARD[s] = g[1]; });
    });
    var STANDARD_LIST = list(Object.keys(STANDARD).join("|"));
    var Y_VERB = list("ya|ye|yan|yen|yeron|yendo|yo|yó|yas|yes|yais|yamos");
    var VERB = list("en|es|éis|emos|arían|arías|arán|arás|aríais|aría|aréis|aríamos|aremos|ará|aré|erían|erías|" +
      "erán|erás|eríais|ería|eréis|eríamos|eremos|erá|eré|irían|irías|irán|irás|iríais|iría|iréis|iríamos|iremos|" +
      "irá|iré|aba|ada|ida|ía|ara|iera|ad|ed|id|ase|iese|aste|iste|an|aban|ían|aran|ieran|asen|iesen|aron|ieron|" +
      "ado|ido|ando|iendo|ió|ar|er|ir|as|abas|adas|idas|ías|aras|ieras|ases|ieses|ís|áis|abais|íais|arais|ierais|" +
      "aseis|ieseis|asteis|isteis|ados|idos|amos|ábamos|íamos|imos|áramos|iéramos|iésemos|ásemos");
    var GU = { "en": 1, "es": 1, "éis": 1, "emos": 1 };
    var RESIDUAL = list("os|a|o|á|í|ó|e|é");

    function regions(w) {
      var n = w.length, rv = n, r1 = n, r2 = n, i;
      if (n >= 2) {
        if (!vowel(w[1])) { for (i = 2; i < n; i++) if (vowel(w[i])) { rv = i + 1; break; } }
        else if (vowel(w[0])) { for (i = 2; i < n; i++) if (!vowel(w[i])) { rv = i + 1; break; } }
        else rv = Math.min(3, n);
      }
      for (i = 1; i < n; i++) if (!vowel(w[i]) && vowel(w[i - 1])) { r1 = i + 1; break; }
      for (i = r1 + 1; i < n; i++) if (!vowel(w[i]) && vowel(w[i - 1])) { r2 = i + 1; break; }
      return [rv, r1, r2];
    }

    return function (word) {
      var w = word, rs = regions(w), rv = rs[0], r1 = rs[1], r2 = rs[2], s, t, k, done;
      /* Step 0: an attached pronoun after a gerund or infinitive */
      s = longest(w, PRONOUN);
      if (s) {
        var verb = w.slice(0, -s.length);
        t = longest(verb, BEFORE_PRONOUN);
        if (t && verb.length - t.length >= rv) {
          if (t === "yendo") { if (verb.slice(-6, -5) === "u") w = verb; }
          else w = verb.slice(0, -t.length) + t.replace(/[áéí]/, function (c) { return UNACCENT[c]; });
        }
      }
      /* Step 1: standard suffix */
      s = longest(w, STANDARD_LIST);
      k = STANDARD[s];
      done = false;
      if (k) {
        var at = w.length - s.length;
        if (k === 6 ? at >= r1 : at >= r2) {
          done = true;
          w = w.slice(0, at) + (k === 3 ? "log" : k === 4 ? "u" : k === 5 ? "ente" : "");
          var more = k === 2 ? ["ic"] : k === 6 ? ["ic", "ad", "os", "iv"] : k === 7 ? ["able", "ible", "ante"]
            : k === 8 ? ["abil", "ic", "iv"] : k === 9 ? ["at"] : [];
          t = longest(w, more);
          if (t && w.length - t.length >= r2) {
            w = w.slice(0, -t.length);
            if (k === 6 && t === "iv" && /at$/.test(w) && w.length - 2 >= r2) w = w.slice(0, -2);
          }
        }
      }
      /* Step 2a and 2b: verb suffixes (in RV) */
      if (!done) {
        s = longest(w, Y_VERB, rv);
        if (s && w.slice(-s.length - 1, -s.length) === "u") { w = w.slice(0, -s.length); done = true; }
      }
      if (!done) {
        s = longest(w, VERB, rv);
        if (s) {
          w = w.slice(0, -s.length);
          if (GU[s] && /gu$/.test(w)) w = w.slice(0, -1);
        }
      }
      /* Step 3: residual suffix */
      s = longest(w, RESIDUAL, rv);
      if (s) {
        w = w.slice(0, -s.length);
        if ((s === "e" || s === "é") && /gu$/.test(w) && w.length - 1 >= rv) w = w.slice(0, -1);
      }
      return w.replace(/[áéíóú]/g, function (c) { return UNACCENT[c]; });
    };
  })();

  /* Each language's stemmer; a language with none is matched word for word. The Spanish one is
   * given the word as the pages write it (else as the reader typed it), and its stem is folded;
   * a word and its plural, which Snowball can leave apart ("ojo", "ojos"; "pie", "pies";
   * "muscular", "musculares"), have the stem of the singular (where the site uses it). */
  function used(w) { return head !== null && head.vocabulary.hasOwnProperty(w); }  /* no head: the warning card */
  function stemSpanish(w, typed) { return fold(stemEs(written.hasOwnProperty(w) ? written[w] : typed || w)); }
  var STEMMERS = {
    en: function (w) { return stem(w); },
    es: function (w, typed) {
      if (/s$/.test(w) && used(w.slice(0, -1))) return stemSpanish(w.slice(0, -1));
      if (/es$/.test(w) && used(w.slice(0, -2))) return stemSpanish(w.slice(0, -2));
      if (!used(w) && used(w + "s")) return STEMMERS.es(w + "s");
      if (!used(w) && used(w + "es")) return STEMMERS.es(w + "es");
      return stemSpanish(w, typed);
    }
  };
  function identity(w) { return w; }
  /* A stem with its stressed vowel as in the verb's other forms, for languages whose verbs change it. */
  var PLAIN = {
    es: function (s) { return s.replace(/ie/g, "e").replace(/([^gq])ue/g, "$1o"); }
  };
  var plain = null, plainOf = {};

  function stemmerFor(language) { return STEMMERS.hasOwnProperty(language) ? STEMMERS[language] : identity; }
  /* A word's stem in a language, outside any index (for the warning card). */
  function stemIn(word, language) { return stemmerFor(language)(word); }

  /* An irregular form of a verb is stemmed as the verb ("threw" as "throw"): the index's irregular. */
  function stemWord(w, typed) { return irregular[w] ? stemmer(irregular[w]) : stemmer(w, typed); }

  /* The query's words typed with accents: {word: as typed}. */
  function typedForms(text) {
    var out = {};
    (text.toLowerCase().match(/[\p{L}\p{N}'\u2018\u2019\u02bc`]+/gu) || []).forEach(function (t) {
      var w = words(t), as = t.replace(/['\u2018\u2019\u02bc`]/g, "");
      if (w.length === 1 && w[0] !== as) out[w[0]] = as;
    });
    return out;
  }

  /* ---- typos ------------------------------------------------------------------------------ */

  /* Edit distance (insert, delete, substitute, or swap two neighbours), or max + 1 beyond max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur.push(d);
        if (d < low) low = d;
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function allowed(word) { return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0; }

  /* How a word sounds, roughly: spellings of one sound made one ("fisiotherapy" and
   * "physiotherapy", "kwinine" and "quinine", "haemorrhage" and "hemorrhage"), doubled letters single. */
  function sound(word) {
    return word.replace(/ph/g, "f").replace(/qu/g, "kw").replace(/q/g, "k").replace(/ck/g, "k")
      .replace(/c(?=[eiy])/g, "s").replace(/c/g, "k").replace(/x/g, "ks").replace(/z/g, "s")
      .replace(/wh/g, "w").replace(/ae|oe/g, "e").replace(/y/g, "i").replace(/(.)\1+/g, "$1");
  }
  var sounds = null;

  function closest(word, keyOf, skip) {
    var max = allowed(word), found = [], best = max + 1, key = keyOf(word);
    if (!max) return found;
    for (var w in head.vocabulary) {
      if (w.length < 3 || (skip && stemOf[w] === skip)) continue;
      var d = distance(key, keyOf(w), Math.min(max, best));
      if (d > max || d > best) continue;
      if (d < best) { best = d; found = []; }
      found.push(w);
    }
    return found;
  }

  /* The site's words a typo may stand for: the closest in spelling (or else in sound), the most
   * frequent of those first. `skip`: a stem whose words are not typos of the word. */
  function corrections(word, skip) {
    var found = closest(word, function (w) { return w; }, skip);
    if (!found.length) {
      if (!sounds) { sounds = {}; for (var w in head.vocabulary) sounds[w] = sound(w); }
      found = closest(word, function (w) { return sounds[w] || sound(w); }, skip);
    }
    found.sort(function (a, b) { return head.vocabulary[b] - head.vocabulary[a]; });
    return found.slice(0, 3);
  }

  /* ---- loading ---------------------------------------------------------------------------- */

  function getJSON(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function loadHead() {
    if (!loadingHead) {
      loadingHead = getJSON(HEAD).then(function (data) {
        head = data;
        R = head.ranking;
        stop = new Set(head.stop_words);
        questions = new Set(head.question_words);
        stemmer = stemmerFor(head.language || "en");
        written = head.written || {};
        irregular = head.irregular || {};
        termsOnly = new Set(head.terms_only || []);
        plain = PLAIN[head.language] || null;
        Object.keys(head.vocabulary).forEach(function (w) {
          var s = stemWord(w);
          stemOf[w] = s;
          (stems[s] = stems[s] || []).push(w);
          if (plain) plainOf[s] = plain(s);
        });
        thesaurus = head.thesaurus.map(stemGroup);
        signWords = head.sign_words.map(stemGroup);
        Object.keys(head.part_names).forEach(function (part) {  /* question words are not asked of a query */
          partNames[part] = head.part_names[part].map(function (name) {
            return name.filter(function (w) { return !questions.has(w); }).map(function (w) { return stemWord(w); });
          }).filter(function (name) { return name.length; });
        });
        thesaurus.concat(signWords).forEach(function (group) {
          group.forEach(function (term) { if (term.length === 1) groupWords.add(term[0]); });
        });
      }).catch(function (error) { loadingHead = null; throw error; });
    }
    return loadingHead;
  }

  /* A group of terms, each a list of stems. */
  function stemGroup(group) {
    return group.map(function (term) { return term.split(" ").filter(Boolean).map(function (w) { return stemWord(w); }); });
  }

  /* A part of a page (a warning sign on the page of every sign) has its page's number after its own four fields. */
  function isPart(info) { return info.length > 4; }

  function file(path) { return new URL(path + "?v=" + head.version, HEAD).href; }

  function shardOf(word) {
    var three = word.slice(0, 3);
    return head.shards.indexOf(three) >= 0 ? three : word.slice(0, 2);
  }

  function loadShards(wordList) {
    var keys = {};
    wordList.forEach(function (w) { keys[shardOf(w)] = true; });
    return Promise.all(Object.keys(keys).map(function (key) {
      if (!shards[key]) {
        shards[key] = head.shards.indexOf(key) >= 0
          ? getJSON(file("t/" + key + ".json")).catch(function (e) { delete shards[key]; throw e; })
          : Promise.resolve({});
      }
      return shards[key];
    }));
  }

  function postings(word) {  /* Promise of {page: code} */
    return shards[shardOf(word)].then(function (shard) {
      var flat = shard[word] || [], out = new Map(), n = 0;
      for (var i = 0; i < flat.length; i += 2) { n += flat[i]; out.set(n, flat[i + 1]); }
      return out;
    });
  }

  function loadDetails(pages) {
    var buckets = {};
    pages.forEach(function (n) { buckets[Math.floor(n / head.bucket)] = true; });
    return Promise.all(Object.keys(buckets).map(function (b) {
      if (!details[b]) {
        details[b] = getJSON(file("d/" + b + ".json")).catch(function (e) { delete details[b]; throw e; });
      }
      return details[b];
    }));
  }

  /* ---- understanding the query ------------------------------------------------------------ */

  /* Stems that one of begins with the other, both of R.related_length letters or more: the
   * stemmer leaves "medication" as "medic" and "medicine" as "medicin". In Spanish, also with the
   * stressed vowel of a verb's stem as in its other forms ("tiembla", "temblar", "temblor";
   * "cierra", "cerrar"): ie read as e and ue as o (not in gue, que), as by plain(). */
  function begins(a, b) {
    return a.length >= R.related_length && b.length >= R.related_length && (a.indexOf(b) === 0 || b.indexOf(a) === 0);
  }
  function related(s) {
    var out = [], p = plain ? plain(s) : s;
    if (s.length < R.related_length && p === s) return out;
    for (var other in stems) {
      if (other === s) continue;
      if (begins(s, other)) out.push(other);
      else if (plain && (p !== s || plainOf[other] !== other) && (p === plainOf[other] || begins(p, plainOf[other]))) out.push(other);
    }
    return out;
  }

  /* Each query word becomes a concept: the ways a page can have it, each a list of slots (all
   * needed: a phrase from the thesaurus), a slot being the site's words with one stem. */
  function concepts(query) {
    var raw = words(query);
    var kept = raw.filter(function (w) { return !stop.has(w) && !questions.has(w); });
    if (!kept.length) kept = raw.filter(function (w) { return !stop.has(w); });  /* only question words */
    if (!kept.length) return [];
    var typing = !/\s$/.test(query), typed = typedForms(query);
    var list = kept.map(function (word, i) {
      var s = stemWord(word, typed[word]), ways = [], key = word, found = "";
      if (stems[s]) {
        ways.push({ slots: [stems[s]], factor: stems[s].indexOf(word) >= 0 ? R.exact : R.stem, exact: word });
        found = word;
        related(s).forEach(function (other) { ways.push({ slots: [stems[other]], factor: R.related, alt: true, guess: true }); });
        /* A word pages have only among their search terms is a misspelling there ("twiching"): a
         * word a typo away that rare_typo times as many pages use is also looked for. */
        if (R.rare_typo && termsOnly.has(word)) {
          var uses = stems[s].reduce(function (sum, w) { return sum + head.vocabulary[w]; }, 0);
          corrections(word, s).forEach(function (w) {
            if (head.vocabulary[w] >= R.rare_typo * uses) ways.push({ slots: [stems[stemOf[w]]], factor: R.typo, guess: true });
          });
        }
      } else if (!groupWords.has(s)) {  /* a word in a group ("booze") is a word, not a typo */
        corrections(word).forEach(function (w) {
          if (!found) found = w;
          ways.push({ slots: [stems[stemOf[w]]], factor: R.typo, guess: true });
        });
        /* A word the pages do not use may be a known word with an ending ("yellowish", "twitchiness"). */
        related(s).forEach(function (other) {
          if (s.indexOf(other) !== 0) return;
          if (!found) found = stems[other][0];
          ways.push({ slots: [stems[other]], factor: R.related, guess: true });
        });
      }
      if (typing && i === kept.length - 1 && word.length >= 3 && !stems[s]) {
        var begun = Object.keys(head.vocabulary).filter(function (w) { return w.length > word.length && w.indexOf(word) === 0; })
          .sort(function (a, b) { return head.vocabulary[b] - head.vocabulary[a]; }).slice(0, 5);
        begun.forEach(function (w) { ways.push({ slots: [stems[stemOf[w]]], factor: R.prefix, guess: true }); if (!found) found = w; });
      }
      return { word: word, key: found || key, stem: found ? stemOf[found] || s : s, own: s, ways: ways };
    });
    /* The thesaurus: a group term found in the query (a word, or a phrase of neighbouring words)
     * adds the group's other terms to each of its words. The triage model's groups do the same
     * on the warning signs only (`parts`): they are the words the signs are written in, and some
     * are broader than a page should be found by ("sick" with "vomit", "hot" with "fever"). */
    var queryStems = list.map(function (c) { return c.stem; }), ownStems = list.map(function (c) { return c.own; });
    function expand(groups, way) {
      groups.forEach(function (group) {
        group.forEach(function (term, t) {
          for (var at = 0; at + term.length <= queryStems.length; at++) {
            var same = term.every(function (s, k) { return queryStems[at + k] === s || ownStems[at + k] === s; });
            if (!same) continue;
            group.forEach(function (other, o) {
              if (o === t) return;
              var slots = other.map(function (s) { return stems[s]; });
              if (slots.some(function (slot) { return !slot; })) return;
              for (var k = 0; k < term.length; k++) list[at + k].ways.push(Object.assign({ slots: slots, alt: true }, way));
            });
          }
        });
      });
    }
    expand(thesaurus, { factor: R.thesaurus });
    expand(signWords, { factor: R.sign_words, parts: true });
    return list;
  }

  /* The stems a query has for certain: its words' own and their groups' words, not guesses
   * (typos, related stems, completions). */
  function sureStems(list) {
    var have = new Set();
    list.forEach(function (c) {
      c.ways.forEach(function (way) { if (way.slots.length === 1 && !way.guess) have.add(stemOf[way.slots[0][0]]); });
    });
    return have;
  }

  /* Whether the query holds every word of one of a part's names (a warning sign's lay words:
   * "seizure", "face drooping"); `have`: its sureStems. */
  function named(part, have) {
    return (partNames[part] || []).some(function (name) {
      return name.every(function (s) { return have.has(s); });
    });
  }

  /* ---- ranking ---------------------------------------------------------------------------- */

  function score(list) {
    var all = [];
    list.forEach(function (c) { c.ways.forEach(function (way) { way.slots.forEach(function (slot) { all = all.concat(slot); }); }); });
    return loadShards(all).then(function () {
      var cache = {};
      function slotPostings(slot) {  /* page -> {weight, mask} for the best word of the slot */
        var key = slot.join(" ");
        if (!cache[key]) {
          cache[key] = Promise.all(slot.map(postings)).then(function (maps) {
            var best = new Map();
            maps.forEach(function (map) {
              map.forEach(function (code, page) {
                var weight = Math.floor(code / 256) / 10, old = best.get(page);
                if (!old || weight > old.weight) best.set(page, { weight: weight, mask: code % 256 });
              });
            });
            return best;
          });
        }
        return cache[key];
      }
      return Promise.all(list.map(function (c) {
        return Promise.all(c.ways.map(function (way) { return Promise.all(way.slots.map(slotPostings)); }));
      })).then(function (perConcept) {
        var n = head.pages.length, pages = new Map();
        var wholePages = head.pages.filter(function (info) { return !isPart(info); }).length;
        perConcept.forEach(function (ways, ci) {
          var rarity = 0, own = 0, share = 0;  /* share: of whole pages (not parts) with the word */
          /* On a page, another word for the query's word (thesaurus, related stem) is worth at most
           * the word itself: "cramp" must not find "spasm" pages above cramp pages because "spasm" is
           * the rarer word. (The concept's rarity, its share of the query, stays the rarest way's.) */
          ways.forEach(function (slots, wi) {
            if (list[ci].ways[wi].alt) return;
            own = Math.max(own, Math.log(1 + n / Math.max(1, slots[0].size)));
            var whole = 0;
            slots[0].forEach(function (hit, page) { if (!isPart(head.pages[page])) whole += 1; });
            share = Math.max(share, whole / wholePages);
          });
          /* A word most pages use ("muscle", "twitching") tells one warning sign from another no
           * better than it tells pages apart, so a part is not asked to have it. */
          list[ci].common = share > R.common_share;
          ways.forEach(function (slots, wi) {
            var factor = list[ci].ways[wi].factor, alt = list[ci].ways[wi].alt && own > 0;
            var raw = slots.map(function (m) { return Math.log(1 + n / Math.max(1, m.size)); });
            var idfs = raw.map(function (idf) { return alt ? Math.min(idf, own) : idf; });
            var mean = raw.reduce(function (a, b) { return a + b; }, 0) / raw.length;
            if (factor * mean > rarity) rarity = factor * mean;
            var partsOnly = list[ci].ways[wi].parts;
            slots[0].forEach(function (hit, page) {
              if (partsOnly && !isPart(head.pages[page])) return;
              var total = 0, topic = true, k, strength = 0;
              for (k = 0; k < slots.length; k++) {
                var h = slots[k].get(page);
                if (!h) return;
                total += h.weight * idfs[k];
                strength += h.weight / slots.length;
                topic = topic && (h.mask & head.topic) > 0;
              }
              var value = factor * total / slots.length;
              var entry = pages.get(page);
              if (!entry) pages.set(page, entry = { page: page, per: [] });
              var old = entry.per[ci];
              if (!old || value > old.value) entry.per[ci] = { value: value, topic: topic, exact: factor >= R.stem, strength: strength };
            });
          });
          list[ci].rarity = rarity || Math.log(1 + n);
        });
        var total = list.reduce(function (sum, c) { return sum + c.rarity; }, 0);
        /* A word nothing here matches ("husband") tells the signs apart no better than a common one. */
        var telling = list.filter(function (c) { return !c.common && c.ways.length; }).length;
        var ranked = [], have = sureStems(list);
        pages.forEach(function (entry) {
          var sum = 0, covered = 0, topic = 0, count = 0, told = 0;
          list.forEach(function (c, ci) {
            var hit = entry.per[ci];
            if (!hit) return;
            if (!c.common) told += 1;
            /* A word the page only mentions in passing (once in its text) is weak evidence that the
             * page is about that part of the query: it counts toward the page's share of the query the
             * more, the more weight the word has there (all of it in the page's topic). */
            var credit = hit.topic ? 1 : 1 - R.mention * Math.exp(-hit.strength / R.mention_weight);
            sum += hit.value; covered += c.rarity * credit; count += 1;
            if (hit.topic) topic += c.rarity;
          });
          var info = head.pages[entry.page];
          /* A part (a warning sign) counts only when it has several of the query's words (or all), or
           * every word of the query that most pages do not use ("chest pain and twitching"), or the
           * query names it ("my husband just had a seizure"). */
          var cover = covered / total, share = topic / total;
          if (isPart(info) && count < Math.min(R.part_words, list.length) && (!telling || told < Math.min(R.part_words, telling))
              && !named(entry.page, have)) return;
          var s = sum * Math.pow(cover, R.cover_power) * (1 + R.topic * share) * (count === list.length && share > 0.999 ? 1 + R.full_topic : 1);
          s *= R.kind_boost[info[2]] * Math.min(info[3], R.max_page_boost) * (isPart(info) ? R.part_boost : 1);
          entry.score = s;
          entry.matched = entry.per.map(Boolean);
          ranked.push(entry);
        });
        /* A part of a page (a warning sign) brings up its page, with the part as a section. */
        var byPage = new Map();
        ranked.forEach(function (e) {
          var info = head.pages[e.page], page = isPart(info) ? info[4] : e.page;
          var group = byPage.get(page);
          if (!group) byPage.set(page, group = { page: page, score: 0, parts: [], matched: [] });
          if (page === e.page) group.own = e; else group.parts.push(e);
          group.score = Math.max(group.score, e.score);
          e.matched.forEach(function (m, i) { group.matched[i] = group.matched[i] || m; });
        });
        var groups = Array.from(byPage.values());
        groups.forEach(function (g) { g.parts.sort(function (a, b) { return b.score - a.score || a.page - b.page; }); });
        groups.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
        var top = groups.length ? groups[0].score : 0;
        return groups.filter(function (g) { return g.score >= top * R.min_share; }).slice(0, R.max_results);
      });
    });
  }

  /* ---- results ---------------------------------------------------------------------------- */

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* Text with the words that match a query word in <mark>, escaped. */
  function mark(text, wanted) {
    var out = "", last = 0, re = /[\p{L}\p{N}'\u2019]+/gu, m;
    while ((m = re.exec(text))) {
      var w = words(m[0]).join("");
      if (w && (wanted.has(w) || wanted.has(stemWord(w)))) {
        out += escapeHTML(text.slice(last, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + escapeHTML(text.slice(last));
  }

  function hasWanted(text, wanted) {
    return words(text).some(function (w) { return wanted.has(w) || wanted.has(stemWord(w)); });
  }

  /* A part of a long text around its first marked word. */
  function around(text, wanted, size) {
    if (text.length <= size) return text;
    var re = /[\p{L}\p{N}'\u2019]+/gu, m, at = 0;
    while ((m = re.exec(text))) {
      var w = words(m[0]).join("");
      if (w && (wanted.has(w) || wanted.has(stemWord(w)))) { at = m.index; break; }
    }
    var start = Math.max(0, at - Math.floor(size / 3));
    if (start > 0) start = text.indexOf(" ", start) + 1;
    var end = Math.min(text.length, start + size);
    if (end < text.length) end = text.lastIndexOf(" ", end);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function present(list, ranked) {
    var wanted = new Set();
    list.forEach(function (c) {
      c.ways.forEach(function (way) {
        way.slots.forEach(function (slot) { slot.forEach(function (w) { wanted.add(w); wanted.add(stemOf[w] || stemWord(w)); }); });
      });
    });
    var needed = [];
    ranked.forEach(function (g) {
      needed.push(g.page);
      g.parts.slice(0, R.max_sections).forEach(function (p) { needed.push(p.page); });
    });
    function detailOf(n) { return details[Math.floor(n / head.bucket)]; }
    return loadDetails(needed).then(function () {
      var loaded = {};
      return Promise.all(needed.map(function (n) {
        return detailOf(n).then(function (bucket) { loaded[n] = bucket[n % head.bucket]; });
      })).then(function () { return loaded; });
    }).then(function (loaded) {
      return ranked.map(function (group) {
        var info = head.pages[group.page], detail = loaded[group.page];
        var terms = {};
        list.forEach(function (c, ci) { terms[c.key] = !!group.matched[ci]; });
        var page = {
          location: info[0], title: mark(info[1], wanted), text: "<p>" + mark(detail[0], wanted) + "</p>",
          score: group.score, terms: terms
        };
        var sections = group.parts.slice(0, R.max_sections).map(function (part) {
          var partInfo = head.pages[part.page];
          return [partInfo[0], partInfo[1], loaded[part.page][0]];
        });
        detail[1].forEach(function (s) {
          if (sections.length < R.max_sections && hasWanted(s[1] + " " + s[2], wanted)) {
            sections.push([info[0] + "#" + s[0], s[1], s[2]]);
          }
        });
        return [page].concat(sections.map(function (s, k) {
          return {
            location: s[0], title: mark(s[1], wanted), text: "<p>" + mark(around(s[2], wanted, 200), wanted) + "</p>",
            score: group.score * (0.5 - k * 0.01), terms: terms
          };
        }));
      });
    });
  }

  function suggestion(query, list) {
    if (/\s$/.test(query) || !list.length) return [];
    var last = words(query).pop() || "";
    if (last.length < 2) return [];
    var best = null;
    for (var w in head.vocabulary) {
      if (w.length > last.length && w.indexOf(last) === 0 && (!best || head.vocabulary[w] > head.vocabulary[best])) best = w;
    }
    return best ? [best] : [];
  }

  /* The query's concepts and the pages ranked for them, best first; null for a query of no words. */
  function rank(query) {
    if (!query.trim() || !HEAD) return Promise.resolve(null);
    return loadHead().then(function () {
      var list = concepts(query);
      if (!list.length) return null;
      return score(list).then(function (groups) { return { list: list, groups: groups }; });
    });
  }

  function search(query) {
    return rank(query).then(function (found) {
      if (!found) return { items: [] };
      return present(found.list, found.groups).then(function (items) {
        return { items: items, suggest: suggestion(query, found.list) };
      });
    });
  }

  /* The warning sign a query describes, as search ranks it: the sign of the best part of the top
   * result, when the top result is the page of every warning sign and a sign brought it there.
   * The warning card shows this sign's card (warning-signs.js), so the card and the results agree. */
  function topSign(query) {
    return rank(query).then(function (found) {
      var top = found && found.groups[0];
      if (!top || !top.parts.length || top.parts[0].score < top.score) return null;
      return head.pages[top.parts[0].page][5] || null;
    });
  }

  /* ---- messages ----------------------------------------------------------------------------- */

  if (NODE) {  /* the parts a unit test checks; tests/js/search-run.cjs runs the whole worker */
    module.exports = { stem: stem, stemEs: stemEs, distance: distance, words: words, sound: sound, stemIn: stemIn };
    return;
  }
  if (PAGE) {  /* loaded by a page, for the warning card (warning-signs.js) */
    window.searchStem = stemIn;
    window.searchSign = topSign;
    return;
  }

  var pending = null, busy = false;
  function pump() {
    if (busy || pending === null) return;
    var query = pending;
    pending = null;
    busy = true;
    search(query).catch(function () { return { items: [] }; }).then(function (data) {
      busy = false;
      if (pending === null) self.postMessage({ type: RESULT, data: Object.assign({ query: query }, data) });
      pump();
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      pending = String(message.data);
      pump();
    }
  });

})();
