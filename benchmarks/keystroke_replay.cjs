// Every keystroke of typed queries replayed through kb-search's engine under node,
// on a built site: which shard files each prefix loads, and their gzipped bytes.
// `python benchmarks/keystroke_replay.py` runs it on the benchmark's queries; here:
// node benchmarks/keystroke_replay.cjs SITE QUERIES.json   (QUERIES: {locale: [query, ...]})
// VERBOSE=1 prints each keystroke's files. Output: one JSON line per query, then a summary line.
"use strict";
const fs = require("fs"), path = require("path"), zlib = require("zlib");
const M = require(path.join(__dirname, "..", "tests", "search", "assets", "modules.cjs"));

async function replay(dir, payload, query) {
  const loaded = [];
  let bytes = 0;
  const load = (name) => {
    const raw = fs.readFileSync(path.join(dir, "kb_index", name + ".json"));
    bytes += zlib.gzipSync(raw, { level: 6 }).length;
    loaded.push(name);
    return Promise.resolve(JSON.parse(raw));
  };
  const engine = M.KbSearch.create(payload, {}, M.lunr, M.Morphology, load);
  const keystrokes = [], words = [];
  let wordStart = 0, last = null;
  for (let i = 1; i <= query.length; i++) {
    const before = loaded.length;
    last = await engine.search(query.slice(0, i));
    keystrokes.push([query.slice(0, i), loaded.slice(before)]);
    if (query[i] === " " || i === query.length) { words.push(loaded.length - wordStart); wordStart = loaded.length; }
  }
  const top = ((last && last.items) || []).slice(0, 4).map((group) => group[0].location);
  return { query, requests: loaded.length, termShards: loaded.filter((n) => n[0] === "t").length,
           kbGzip: bytes / 1024, words, top, keystrokes };
}

(async () => {
  const [site, queriesFile] = process.argv.slice(2);
  const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
  for (const [locale, list] of Object.entries(queries)) {
    const dir = path.join(site, locale, "search");
    const payload = JSON.parse(fs.readFileSync(path.join(dir, "kb_index.json"), "utf8"));
    for (const query of list) {
      const result = await replay(dir, payload, query);
      if (!process.env.VERBOSE) delete result.keystrokes;
      console.log(JSON.stringify({ locale, ...result }));
    }
  }
})();
