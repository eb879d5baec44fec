/* Glossary words on a page are <abbr> elements; the theme shows their meaning as a tooltip on
 * hover and tap. Making them focusable lets keyboard users read the tooltip too. */
document$.subscribe(function () {
  document.querySelectorAll("article abbr").forEach(function (abbr) {
    abbr.tabIndex = 0;
  });
});
