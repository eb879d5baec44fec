// Run the site's search worker (overrides/assets/javascripts/search-worker.js) under Node, on a
// generated docs/ or built site/ folder, through the same messages Material's search box sends.
//
//   node tests/js/search-run.cjs <worker.js> <site or docs folder>  < queries (one JSON string a line)
//
// Prints one JSON line per query: {query, pages: [page paths in result order], bytes: {file: size}}
// (``bytes``: what the worker fetched for that query that it had not fetched before).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const readline = require("readline");

const [workerFile, root] = process.argv.slice(2);
const base = "http://site.test/";
let fetched = {};
let listener = null;
const answers = [];
const sandbox = {
  URL, Promise, Set, Map, Math, JSON, Object, Array, String, Number, Error, console,
  fetch: (url) => {
    const u = new URL(url);
    const rel = decodeURIComponent(u.pathname.slice(1));
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) return Promise.resolve({ ok: false, status: 404, json: () => Promise.reject(new Error("404")) });
    const body = fs.readFileSync(file);
    fetched[rel] = body.length;
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(JSON.parse(body.toString("utf8"))) });
  },
};
sandbox.self = {
  location: { href: base + "assets/javascripts/search-worker.js" },
  postMessage: (message) => answers.push(message),
  addEventListener: (type, fn) => { if (type === "message") listener = fn; },
};
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), sandbox, { filename: workerFile });

function send(message) { listener({ data: message }); }
function next() {
  return new Promise((resolve) => {
    const poll = () => (answers.length ? resolve(answers.shift()) : setImmediate(poll));
    poll();
  });
}

(async () => {
  send({ type: 0, data: { config: {}, docs: [], options: { suggest: true } } });
  const ready = await next();
  if (ready.type !== 1) throw new Error("no READY");
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const query = JSON.parse(line);
    fetched = {};
    send({ type: 2, data: query });
    const answer = await next();
    const pages = answer.data.items.map((group) => group[0].location);
    process.stdout.write(JSON.stringify({ query, pages, bytes: fetched, items: answer.data.items.slice(0, 3) }) + "\n");
  }
})();
