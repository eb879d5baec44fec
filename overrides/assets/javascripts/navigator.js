/* The symptom navigator (navigator page only).
 *
 * Reads the causes and rules the build embedded in the page (#navigator-data), and lists the
 * causes that fit what the reader picked, with the care level that applies. Nothing is sent
 * anywhere: it needs no network once the page has loaded. The rules are defined in
 * build_scripts/navigator.py.
 */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function picked(form, name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"),
      function (input) { return input.value; });
  }

  function labelFor(form, name, value) {
    var input = form.querySelector("input[name='" + name + "'][value='" + value + "']");
    return input ? input.parentNode.textContent.trim() : value;
  }

  /* The care level for the answers, and the reasons for it, in words. */
  function careLevel(data, form, answers) {
    var reasons = { emergency: [], urgent: [], see_doctor: [] };
    data.red_flags.forEach(function (flag) {
      if (answers.flags.indexOf(flag.id) >= 0) reasons[flag.level].push(flag.label);
    });
    data.durations.forEach(function (duration) {
      if (duration.id === answers.duration && duration.level) {
        reasons[duration.level].push("It has lasted " + duration.label.toLowerCase() + ".");
      }
    });
    answers.signs.forEach(function (sign) {
      if (data.see_doctor_signs.indexOf(sign) >= 0) reasons.see_doctor.push(labelFor(form, "sign", sign));
    });
    if (answers.areas.length > 1 || answers.areas.indexOf("all-over") >= 0) {
      reasons.see_doctor.push("It is in more than one part of your body.");
    }
    var level = ["emergency", "urgent", "see_doctor"].filter(function (key) { return reasons[key].length; })[0];
    return { key: level || "self_care", reasons: level ? reasons[level] : [] };
  }

  /* Causes that fit, most likely first: more matching answers, then more common, then the
   * causes most focused on the body area picked (felt there rather than all over). */
  function rank(data, answers) {
    var fits = data.causes.map(function (cause) {
      var here = cause.areas.filter(function (area) { return answers.areas.indexOf(area) >= 0; }).length;
      var inArea = !answers.areas.length || here > 0 || cause.areas.indexOf("all-over") >= 0;
      var matches = cause.signs.filter(function (sign) { return answers.signs.indexOf(sign) >= 0; }).length;
      return { cause: cause, inArea: inArea, matches: matches, focus: here / cause.areas.length };
    }).filter(function (fit) { return fit.inArea; });
    if (answers.signs.length) {
      var matching = fits.filter(function (fit) { return fit.matches > 0; });
      if (matching.length) fits = matching;
    }
    return fits.sort(function (a, b) {
      return (b.matches - a.matches) || (b.cause.commonness - a.cause.commonness) ||
        (b.focus - a.focus) || a.cause.title.localeCompare(b.cause.title);
    });
  }

  function careCard(level, heading, items) {
    var card = el("div", { "class": "care care--" + level.replace("_", "-") }, [el("h3", {}, [heading])]);
    if (items.length) {
      card.appendChild(el("ul", {}, items.map(function (item) { return el("li", {}, [item]); })));
    }
    return card;
  }

  function show(data, form, results) {
    var answers = {
      flags: picked(form, "flag"),
      areas: picked(form, "area"),
      signs: picked(form, "sign"),
      duration: (picked(form, "duration")[0] || "")
    };
    var care = careLevel(data, form, answers);
    var levels = {};
    data.levels.forEach(function (level) { levels[level.key] = level; });
    var heading = el("h2", { id: "navigator-results-heading", tabindex: "-1" }, ["What may fit, and what to do"]);
    var parts = [heading];

    var emergency = levels.emergency;
    if (care.key === "emergency") {
      parts.push(careCard("emergency", emergency.label + ": " + emergency.action, care.reasons));
    } else {
      parts.push(careCard("emergency", emergency.label + ": " + emergency.action,
        data.red_flags.filter(function (flag) { return flag.level === "emergency"; })
          .map(function (flag) { return flag.label; })));
      if (care.key === "self_care") {
        parts.push(el("p", { "class": "navigator-level" }, [
          el("strong", {}, ["Care level: self-care."]),
          " What you picked does not point to a need for a doctor now. Most twitches like this are harmless and fade. See a doctor if it lasts more than 2 weeks, or if new signs appear."]));
      } else {
        var level = levels[care.key];
        parts.push(careCard(care.key, level.label + ": " + level.action, care.reasons));
      }
    }
    results.setAttribute("data-level", care.key);

    var fits = rank(data, answers);
    var shown = fits.slice(0, 8);
    parts.push(el("p", {}, [
      el("strong", {}, ["This is not a diagnosis. "]),
      shown.length ? "These causes fit what you picked. The most likely come first." :
        "No cause fits everything you picked. Try fewer answers, or browse all causes."]));
    var list = el("ol", { "class": "navigator-causes" }, shown.map(function (fit) {
      var link = el("a", { href: form.getAttribute("data-base") + fit.cause.url }, [fit.cause.title]);
      return el("li", { "data-id": fit.cause.id }, [
        link, " (" + fit.cause.how_common + "): " + fit.cause.summary]);
    }));
    parts.push(list);
    if (fits.length > shown.length) {
      parts.push(el("p", {}, [(fits.length - shown.length) + " more causes fit less well. ",
        el("a", { href: form.getAttribute("data-base") + "causes/" }, ["See all causes"]), "."]));
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
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(mount);
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
