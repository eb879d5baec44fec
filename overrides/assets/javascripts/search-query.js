/* Tidy what a reader types before Material's search runs it.
 *
 * Material adds a trailing wildcard to every word of a query, so short and common words
 * ("I", "do", "an", "when") match the start of unrelated words ("ice", "doctor",
 * "antibiotics"), and those matches outrank the words that matter. This script drops such
 * words from the query the page sends to the search worker (it keeps them if nothing else is
 * left). It runs in the reader's browser and sends nothing anywhere.
 *
 * The words are the language's (content/locales/<language>.yaml, scripts.search_query): they come
 * in assets/warning-signs.json, which warning-signs.js loads when the search box is first used and
 * hands over with a "search-data" event, so no page load asks for anything more. A query sent
 * before they came goes as typed, and is sent again, tidied, when they come.
 */
(function () {
  "use strict";
  var QUERY = 2; /* Material's search worker message type for "run this query" */
  var STOP = null;  /* the stop words, once they have come */
  var untidied = null;  /* the last query sent before then, and the worker it went to */

  function tidy(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      var key = word.toLowerCase().replace(/['\u2019]s$/, "").replace(/[^a-z0-9]/g, "");
      return key.length > 1 && !STOP.has(key);
    });
    return (kept.length ? kept : words).join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (STOP) message = Object.assign({}, message, { data: tidy(message.data) });
      else untidied = { worker: this, message: message };
    }
    var rest = Array.prototype.slice.call(arguments, 1);
    return post.apply(this, [message].concat(rest));
  };

  document.addEventListener("search-data", function (event) {
    var words = event.detail && event.detail.query_stop_words;
    if (STOP || !words) return;
    STOP = new Set(words);
    var last = untidied;
    untidied = null;
    if (last && tidy(last.message.data) !== last.message.data) last.worker.postMessage(last.message);
  });
})();
