// Run the search box's warning card (overrides/assets/javascripts/warning-signs.js) under Node, on a
// built site: the same code the page runs, without a page. As on the page, the search worker's file
// runs first in page mode (document.currentScript set), giving the card window.searchStem and
// window.searchSign, which read the site's index from the folder.
//
//   node tests/js/cards-run.cjs <warning-signs.js> <site folder> [language]  < queries (one JSON string a line)
//
// Prints one JSON line per query: {query, sign: the id of the card shown, or null, level}.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const readline = require("readline");

const [script, root, language = "en"] = process.argv.slice(2);
const base = "http://site.test/";
const page = {
  URL, Promise, Set, Map, Math, JSON, Object, Array, String, Number, Error, console,
  fetch: (url) => {
    const file = path.join(root, decodeURIComponent(new URL(url).pathname.slice(1)));
    if (!fs.existsSync(file)) return Promise.resolve({ ok: false, status: 404, json: () => Promise.reject(new Error("404")) });
    const body = fs.readFileSync(file, "utf8");
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(JSON.parse(body)) });
  },
  document: { currentScript: { src: base + "assets/javascripts/search-worker.js" }, documentElement: { lang: language } },
};
page.window = page;
page.self = page;
vm.createContext(page);
const worker = path.resolve(path.dirname(script), "search-worker.js");
vm.runInContext(fs.readFileSync(worker, "utf8"), page, { filename: worker });

global.document = { currentScript: null, documentElement: { lang: language } };
global.window = { searchStem: page.searchStem, searchSign: page.searchSign };
const cards = require(path.resolve(script));
cards.use(JSON.parse(fs.readFileSync(path.join(root, "assets", "warning-signs.json"), "utf8")));

(async () => {
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const query = JSON.parse(line);
    const sign = await cards.choose(query);
    process.stdout.write(JSON.stringify({ query, sign: sign ? sign.id : null, level: sign ? sign.level : null }) + "\n");
  }
})();
