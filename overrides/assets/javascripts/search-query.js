/* Tidy what a reader types before Material's search runs it.
 *
 * Material adds a trailing wildcard to every word of a query, so short and common words
 * ("I", "do", "an", "when") match the start of unrelated words ("ice", "doctor",
 * "antibiotics"), and those matches outrank the words that matter. This script drops such
 * words from the query the page sends to the search worker (it keeps them if nothing else is
 * left). It runs in the reader's browser and sends nothing anywhere.
 */
(function () {
  "use strict";
  var QUERY = 2; /* Material's search worker message type for "run this query" */
  var STOP = new Set((
    "a about after again all also am an and any are as at be because been before but by can " +
    "cannot could did do does doing during for from get gets getting got had has have having he her " +
    "his how i if im in into is it its just me my no nor not of off on or our out should so some " +
    "than that the their them then there these they this to too up us very was we were what when " +
    "where which while who why will with would you your"
  ).split(" "));

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
      message = Object.assign({}, message, { data: tidy(message.data) });
    }
    var rest = Array.prototype.slice.call(arguments, 1);
    return post.apply(this, [message].concat(rest));
  };
})();
