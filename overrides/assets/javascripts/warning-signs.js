/* A warning sign's care card above the search results.
 *
 * When what a reader types describes a warning sign ("can't open my mouth since I cut my hand"),
 * the card for that sign, with its level and what to do, is shown above the theme's results.
 * The signs, their words and the levels come from content/triage.yaml (the build writes them to
 * assets/warning-signs.json, fetched from this site the first time the search box is used), and
 * so do the card's words and the stop words (content/locales/<language>.yaml, under scripts).
 * Nothing the reader types leaves the device.
 *
 * Which sign: the one search ranks first, when the top result is the page of every warning sign
 * and a sign brought it there (search-worker.js, loaded on the page, sets window.searchSign), so
 * the card and the results agree; else the sign this script's own matching finds.
 *
 * Matching: the query and each sign's words become stems, with words that mean the same, or are
 * near neighbours, put together (the model's `words`: triage.yaml's words and near_words), and
 * small typos forgiven. A sign scores the rarity (inverse document frequency over the signs) of
 * each query word it shares, so words many signs use ("muscle", "pain") count for little; a card
 * is shown only for a clear, strong enough match.
 */
(function () {
  "use strict";

  var SELF = document.currentScript && document.currentScript.src;
  var LANGUAGE = (document.documentElement && document.documentElement.lang) || "en";
  var STOP = new Set();  /* words too common to tell the signs apart: the data's stop_words */
  var model = null;
  var loading = null;

  /* The search's own stemmer for the page's language (search-worker.js, loaded with the signs);
   * until it loads, or if it cannot, a few English endings. */
  function stem(word) {
    if (window.searchStem) return window.searchStem(word, LANGUAGE);
    if (word.length > 5 && /ing$/.test(word)) return word.slice(0, -3);
    if (word.length > 4 && /ed$/.test(word)) return word.slice(0, -2);
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 4 && /(s|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
    if (word.length > 3 && /[^s]s$/.test(word)) return word.slice(0, -1);
    if (word.length > 5 && /y$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function words(text) {
    /* Accents folded, so "vómito" and "vomito" are one word in any language. */
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f'\u2019]/g, "").split(/[^a-z0-9]+/).filter(function (word) {
      return word.length > 1 && !STOP.has(word);
    }).map(stem);
  }

  /* Edit distance of at most one (a typo), for words of five letters or more. */
  function near(a, b) {
    if (a === b) return true;
    if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++; else if (b.length > a.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  function prepare(data) {
    STOP = new Set(data.stop_words || []);
    var same = {};
    (data.words || []).forEach(function (group) {
      var head = words(group[0])[0] || group[0];
      group.forEach(function (word) { words(word).forEach(function (w) { same[w] = head; }); });
    });
    var canon = function (list) { return list.map(function (w) { return same[w] || w; }); };
    var df = {};
    data.signs.forEach(function (sign) {
      sign.tokens = sign.phrases.map(function (p) { return Array.from(new Set(canon(words(p)))); })
        .filter(function (t) { return t.length; });
      sign.vocab = new Set([].concat.apply([], sign.tokens));
      /* One-word names ("lockjaw", "dvt") may match on their own. */
      sign.names = new Set(sign.tokens.filter(function (t) { return t.length === 1; })
        .map(function (t) { return t[0]; }));
      sign.vocab.forEach(function (w) { df[w] = (df[w] || 0) + 1; });
    });
    data.idf = {};
    Object.keys(df).forEach(function (w) { data.idf[w] = Math.log(1 + data.signs.length / df[w]); });
    data.canon = canon;
    return data;
  }

  /* The search worker's file, run on the page for its ranking and stemmer (window.searchSign and
   * window.searchStem; the browser has the file cached once the search box is used). The card works
   * without it, on its own matching. */
  function loadSearch() {
    return new Promise(function (resolve) {
      if (window.searchStem) return resolve();
      var script = document.createElement("script");
      script.src = new URL("search-worker.js", SELF).href;
      script.onload = script.onerror = function () { resolve(); };
      document.head.appendChild(script);
    });
  }

  function load() {
    if (!loading && SELF && window.fetch) {
      loading = Promise.all([fetch(new URL("../warning-signs.json", SELF)).then(function (response) {
        return response.ok ? response.json() : null;
      }), loadSearch()]).then(function (got) {
        model = got[0] && prepare(got[0]);
      }).catch(function () { loading = null; });
    }
    return loading;
  }

  function tokens(text) { return Array.from(new Set(model.canon(words(text)))); }

  /* The sign the query describes best, or null when no sign is a clear, strong match. A sign
   * counts when the query shares two or more of its words (or one of its one-word names), and
   * either those words are rare enough together, or they cover most of one of its phrases. */
  function match(query) {
    var terms = tokens(query);
    if (!terms.length) return null;
    var found = function (w) { return terms.some(function (t) { return near(t, w); }); };
    var scored = [];
    model.signs.forEach(function (sign) {
      var score = 0, shared = 0, named = false;
      terms.forEach(function (term) {
        var hit = null;
        sign.vocab.forEach(function (w) { if (!hit && near(term, w)) hit = w; });
        if (!hit) return;
        score += model.idf[hit];
        shared += 1;
        named = named || sign.names.has(hit);
      });
      if (shared < 2 && !named) return;
      var phrase = 0;
      sign.tokens.forEach(function (toks) {
        var hits = toks.filter(found);
        if (hits.length / toks.length >= model.cover && (hits.length >= 2 || toks.length === 1)) {
          phrase = Math.max(phrase, hits.reduce(function (sum, w) { return sum + model.idf[w]; }, 0));
        }
      });
      if (score >= model.min_score || phrase >= model.min_phrase) scored.push({ sign: sign, score: score + phrase });
    });
    if (!scored.length) return null;
    var top = Math.max.apply(null, scored.map(function (s) { return s.score; }));
    /* Of two signs that fit almost as well, the more urgent one is shown. */
    var close = scored.filter(function (s) { return s.score >= top * model.close; });
    close.sort(function (a, b) {
      return (model.order.indexOf(a.sign.level) - model.order.indexOf(b.sign.level)) || (b.score - a.score);
    });
    return close[0].sign;
  }

  /* The card for a query: the sign that search ranks first (window.searchSign: the worker's reading
   * of the query, with its typos, thesaurus and stems), else the one the matching above finds. */
  function choose(query) {
    var own = match(query);
    if (!window.searchSign) return Promise.resolve(own);
    return window.searchSign(query).then(function (id) {
      return (id && model.signs.filter(function (sign) { return sign.id === id; })[0]) || own;
    }, function () { return own; });
  }

  /* `template` with each {name} filled in from `values`. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values.hasOwnProperty(name) ? values[name] : all;
    });
  }

  function render(result, sign) {
    var old = result.querySelector(".search-care");
    if (old) old.remove();
    if (!sign) return;
    var level = model.levels[sign.level];
    var card = document.createElement("div");
    card.className = "care care--" + sign.level.replace("_", "-") + " search-care";
    card.setAttribute("role", "status");
    card.setAttribute("data-sign", sign.id);
    card.setAttribute("data-level", sign.level);
    var heading = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = fill(model.heading, { label: level.label, what: level.now });
    heading.appendChild(strong);
    var says = document.createElement("p");
    says.textContent = sign.says;
    var more = document.createElement("a");
    more.href = new URL("../../" + model.page + "#" + sign.level.replace("_", "-"), SELF).href;
    more.textContent = model.more;
    card.appendChild(heading);
    card.appendChild(says);
    card.appendChild(more);
    result.insertBefore(card, result.firstChild);
  }

  if (typeof module === "object" && module.exports) {  /* under Node: tests/js/cards-run.cjs */
    module.exports = { use: function (data) { model = prepare(data); }, choose: function (query) { return choose(query); } };
    return;
  }

  var timer = null;
  function update(input) {
    var result = document.querySelector(".md-search-result");
    if (!result) return;
    if (!model) {
      var pending = load();
      if (pending) pending.then(function () { if (model) update(input); });
      return;
    }
    var query = input.value;
    (query.trim() ? choose(query) : Promise.resolve(null)).then(function (sign) {
      if (input.value !== query) return;  /* the reader has typed on */
      render(result, sign);
      result.setAttribute("data-warning-query", query);  /* which query the card answers */
    });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) load();
  });
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".md-search__input")) return;
    clearTimeout(timer);
    timer = setTimeout(function () { update(input); }, 120);
  });
})();
