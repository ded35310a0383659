// kb-search's engine under node on uncut and cut term shards of one language, the same queries:
// node benchmarks/cut_agreement.cjs INDEX.json UNCUT_DIR CUT_DIR QUERIES.json   (QUERIES: [query, ...])
// Text shards always come from UNCUT_DIR. Prints one JSON line: {queries, first, overlap4}.
// `python benchmarks/cut_agreement.py` runs it for each variant.
"use strict";
const fs = require("fs"), path = require("path");
const M = require(path.join(__dirname, "..", "tests", "search", "assets", "modules.cjs"));

const [indexPath, uncutDir, cutDir, queriesPath] = process.argv.slice(2);
const payload = JSON.parse(fs.readFileSync(indexPath, "utf8"));
const queries = JSON.parse(fs.readFileSync(queriesPath, "utf8"));

function engineOn(termDir) {
  const load = (name) => Promise.resolve(JSON.parse(fs.readFileSync(
    path.join(name.startsWith("t") ? termDir : uncutDir, name + ".json"), "utf8")));
  return M.KbSearch.create(payload, {}, M.lunr, M.Morphology, load);
}

const pagesOf = (result) => (result.items || []).map((group) => group[0].location.split("#")[0]);

(async () => {
  const uncut = engineOn(uncutDir), cut = engineOn(cutDir);
  let first = 0, overlap = 0;
  for (const query of queries) {
    const a = await uncut.search(query), b = await cut.search(query);
    const firstOf = (result) => (result.items && result.items[0] ? result.items[0][0].location : null);
    if (firstOf(a) === firstOf(b)) first += 1;
    const screenA = pagesOf(a).slice(0, 4), screenB = new Set(pagesOf(b).slice(0, 4));
    overlap += screenA.length ? screenA.filter((page) => screenB.has(page)).length / screenA.length : 1;
  }
  console.log(JSON.stringify({ queries: queries.length, first, overlap4: overlap / queries.length }));
})().catch((error) => { console.error(error); process.exit(1); });
