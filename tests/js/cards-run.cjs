// Run the search box's warning-sign matcher (overrides/assets/javascripts/warning-signs.js) under
// Node, on a built site's assets/warning-signs.json: the same code the page runs, without a page.
//
//   node tests/js/cards-run.cjs <warning-signs.js> <site folder> [language]  < queries (one JSON string a line)
//
// Prints one JSON line per query: {query, sign: the id of the card shown, or null, level}.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");

const [script, root, language = "en"] = process.argv.slice(2);
global.document = { currentScript: null, documentElement: { lang: language } };
// The page loads the search worker's file for its stemmer (window.searchStem); here, the same file.
global.window = { searchStem: require(path.resolve(path.dirname(script), "search-worker.js")).stemIn };
const cards = require(path.resolve(script));
cards.use(JSON.parse(fs.readFileSync(path.join(root, "assets", "warning-signs.json"), "utf8")));

(async () => {
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const query = JSON.parse(line);
    const sign = cards.match(query);
    process.stdout.write(JSON.stringify({ query, sign: sign ? sign.id : null, level: sign ? sign.level : null }) + "\n");
  }
})();
