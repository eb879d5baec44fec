/* Glossary tooltips. Glossary words on a page are <abbr title="meaning"> elements (the built
 * HTML works without this script: the browser shows the title on hover). This script shows the
 * meaning on hover, on tap and on keyboard focus, in one shared tooltip, as WCAG 1.4.13 asks:
 * it stays while the pointer is over the word or the tooltip, and Escape closes it.
 *
 * It replaces the theme's `content.tooltips`, which sets up every <abbr> on page load and was
 * the largest cost in Lighthouse's Total Blocking Time. Here the listeners sit on the document,
 * so the work on load is one small loop, whatever the number of glossary words. */
(function () {
  "use strict";
  var tip = null;      // the shared tooltip element, made on first use
  var current = null;  // the <abbr> it belongs to
  var hideTimer = 0;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "glossary-tooltip";
      tip.className = "glossary-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { hideSoon(); });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function show(abbr) {
    clearTimeout(hideTimer);
    if (current === abbr) return;
    hide();
    var box = tooltip();
    box.textContent = abbr.dataset.meaning;
    box.hidden = false;
    var word = abbr.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.min(Math.max(8, word.left + word.width / 2 - width / 2),
                        document.documentElement.clientWidth - width - 8);
    box.style.left = Math.max(8, left) + window.scrollX + "px";
    box.style.top = word.bottom + window.scrollY + 6 + "px";
    abbr.setAttribute("aria-describedby", box.id);
    current = abbr;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!current) return;
    current.removeAttribute("aria-describedby");
    tooltip().hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);  // time to move the pointer onto the tooltip
  }

  function glossaryWord(target) {
    return target instanceof Element ? target.closest("article abbr[data-meaning]") : null;
  }

  /* Each page (also after instant navigation): make the words focusable, and move the meaning
   * out of `title` so the browser's own tooltip does not show as well. A word inside a link is
   * not made focusable: the Tab key would stop on the link and then on the word in it. */
  function prepare() {
    hide();
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      abbr.dataset.meaning = abbr.title;
      abbr.removeAttribute("title");
      if (!abbr.closest("a")) abbr.tabIndex = 0;
    });
  }

  document.addEventListener("mouseover", function (event) {
    var abbr = glossaryWord(event.target);
    if (abbr) show(abbr);
  });
  document.addEventListener("mouseout", function (event) {
    if (glossaryWord(event.target) && current) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var abbr = glossaryWord(event.target);
    if (abbr) show(abbr); else if (current) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (glossaryWord(event.target)) hide();
  });
  document.addEventListener("click", function (event) {
    var abbr = glossaryWord(event.target);
    if (abbr) show(abbr);
    else if (current && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", hide);

  if (typeof document$ !== "undefined") document$.subscribe(prepare);
  else prepare();
})();
