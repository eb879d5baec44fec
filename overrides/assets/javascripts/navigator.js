/* The symptom navigator (navigator page only).
 *
 * Reads the signs, levels and causes the build embedded in the page (#navigator-data), all taken
 * from content/triage.yaml. The answers become signs: a ticked sign, or a sign whose `implied_by`
 * answers were all given. The most urgent sign sets the level. Nothing is sent anywhere: it needs
 * no network once the page has loaded. How the data is made: build_scripts/navigator.py. Every
 * word of the results comes with the data too (`words`: content/locales/<language>.yaml, under
 * scripts.navigator).
 */
(function () {
  "use strict";

  var ORDER = ["emergency", "urgent", "see_doctor"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* `template` with each {name} filled in from `values`: a list of strings and nodes (a link), with
   * neighbouring strings joined, for el(). */
  function fill(template, values) {
    var parts = [];
    template.split(/(\{\w+\})/).forEach(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      var value = name && values.hasOwnProperty(name[1]) ? values[name[1]] : part;
      if (value instanceof Node) parts.push(value);
      else if (typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += value;
      else parts.push(String(value));
    });
    return parts.filter(function (part) { return part !== ""; });
  }

  /* The form of `forms` ({one: ..., other: ...}) that the page's language uses for the number n. */
  function plural(forms, n) {
    var form = window.Intl && Intl.PluralRules ?
      new Intl.PluralRules(document.documentElement.lang || undefined).select(n) : "other";
    return forms[form] || forms.other;
  }

  function picked(form, name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"),
      function (input) { return input.value; });
  }

  /* Every answer as question:option (area:, symptom:, trigger: and the model's questions). */
  function readAnswers(form, data) {
    var answers = [];
    Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
      if (input.name !== "sign") answers.push(input.name + ":" + input.value);
    });
    answers.slice().forEach(function (answer) {  /* e.g. worsening:sudden also counts as worsening:fast */
      (data.counts_as[answer] || []).forEach(function (more) { answers.push(more); });
    });
    var areas = picked(form, "area");
    if (data.places_question) {
      var many = areas.length > 1 || areas.indexOf("all-over") >= 0;
      answers.push(data.places_question + ":" + (many ? "many" : "one"));
    }
    return { answers: answers, areas: areas, ticked: picked(form, "sign") };
  }

  /* The signs the answers give: ticked, or implied by a full set of answers. */
  function signsFor(data, given) {
    return data.signs.filter(function (sign) {
      if (given.ticked.indexOf(sign.id) >= 0) return true;
      return sign.implied_by.some(function (combo) {
        return combo.every(function (answer) { return given.answers.indexOf(answer) >= 0; });
      });
    });
  }

  function levelOf(signs) {
    for (var i = 0; i < ORDER.length; i++) {
      var at = signs.filter(function (sign) { return sign.level === ORDER[i]; });
      if (at.length) return { key: ORDER[i], signs: at };
    }
    return { key: "self_care", signs: [] };
  }

  /* Causes that fit, most likely first: causes the signs point to, then more matching answers
   * (symptoms, triggers, known conditions), then more common, then those felt mainly where picked. */
  function rank(data, given, signs) {
    var fits = data.causes.map(function (cause) {
      /* A sign lists the causes it points to, the likeliest first. */
      var pointed = signs.reduce(function (sum, sign) {
        var at = sign.causes.indexOf(cause.id);
        return at < 0 ? sum : sum + 1 - at / (2 * sign.causes.length);
      }, 0);
      var boosted = given.answers.filter(function (answer) {
        return (data.boosts[answer] || []).indexOf(cause.id) >= 0;
      }).length;
      var matches = cause.answers.filter(function (answer) { return given.answers.indexOf(answer) >= 0; }).length;
      var here = cause.areas.filter(function (area) { return given.areas.indexOf(area) >= 0; }).length;
      var inArea = !given.areas.length || here > 0 || cause.areas.indexOf("all-over") >= 0 || pointed > 0;
      return {
        cause: cause, inArea: inArea, focus: here / cause.areas.length,
        score: pointed * data.weights.sign + boosted * data.weights.condition + matches
      };
    }).filter(function (fit) { return fit.inArea; });
    var anything = given.ticked.length || given.answers.some(function (answer) {
      return /^(symptom|trigger):/.test(answer) || data.boosts[answer];
    });
    if (anything) {
      var matching = fits.filter(function (fit) { return fit.score > 0; });
      if (matching.length) fits = matching;
    }
    /* Ties by id, not by title: every language then lists the same causes (titles sort
     * differently in each, and only the first few are shown). */
    return fits.sort(function (a, b) {
      return (b.score - a.score) || (b.cause.commonness - a.cause.commonness) ||
        (b.focus - a.focus) || (a.cause.id < b.cause.id ? -1 : a.cause.id > b.cause.id ? 1 : 0);
    });
  }

  function card(level, heading, items) {
    var node = el("div", { "class": "care care--" + level.replace("_", "-") }, [el("h3", {}, [heading])]);
    if (items.length) node.appendChild(el("ul", {}, items.map(function (item) { return el("li", {}, [item]); })));
    return node;
  }

  function show(data, form, results) {
    var given = readAnswers(form, data);
    var signs = signsFor(data, given);
    var care = levelOf(signs);
    var words = data.words;
    var levels = {};
    data.levels.forEach(function (level) { levels[level.key] = level; });
    var heading = el("h2", { id: "navigator-results-heading", tabindex: "-1" }, [words.heading]);
    var parts = [heading];

    if (care.key === "self_care") {
      parts.push(el("p", { "class": "navigator-level" }, [
        el("strong", {}, [words.self_care.label]), " " + words.self_care.text]));
    } else {
      var level = levels[care.key];
      parts.push(card(care.key, fill(words.care_heading, { label: level.label, what: level.now }).join(""),
        care.signs.map(function (sign) { return sign.says; })));
    }
    if (care.key !== "emergency") {
      /* Emergency signs always come first: what to watch for, even when none was picked. */
      var emergency = levels.emergency;
      parts.splice(1, 0, card("emergency",
        fill(words.care_heading, { label: emergency.label, what: emergency.action }).join(""),
        data.signs.filter(function (sign) { return sign.level === "emergency" && sign.key; })
          .map(function (sign) { return sign.says; })));
    }
    results.setAttribute("data-level", care.key);
    results.setAttribute("data-signs", signs.map(function (sign) { return sign.id; }).join(" "));

    var fits = rank(data, given, signs);
    var shown = fits.slice(0, 8);
    parts.push(el("p", {}, [
      el("strong", {}, [words.not_a_diagnosis + " "]),
      shown.length ? words.causes_fit : words.no_cause_fits]));
    parts.push(el("ol", { "class": "navigator-causes" }, shown.map(function (fit) {
      var link = el("a", { href: form.getAttribute("data-base") + fit.cause.url }, [fit.cause.title]);
      return el("li", { "data-id": fit.cause.id }, fill(words.cause, {
        title: link, how_common: words.how_common[fit.cause.how_common], summary: fit.cause.summary }));
    })));
    if (fits.length > shown.length) {
      var more = fits.length - shown.length;
      parts.push(el("p", {}, fill(plural(words.more, more), { n: more,
        link: el("a", { href: form.getAttribute("data-base") + "causes/" }, [words.see_all]) })));
    }

    results.textContent = "";
    parts.forEach(function (part) { results.appendChild(part); });
    heading.focus();
  }

  function mount() {
    var form = document.getElementById("navigator");
    var results = document.getElementById("navigator-results");
    var source = document.getElementById("navigator-data");
    if (!form || !results || !source || form.hasAttribute("data-ready")) return;
    var data = JSON.parse(source.textContent);
    form.setAttribute("data-ready", "");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(data, form, results);
    });
    form.addEventListener("reset", function () {
      results.textContent = "";
      results.removeAttribute("data-level");
      results.removeAttribute("data-signs");
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(mount);
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
