/*
 * Driver of tests/morphology/parity.py: morphology.js as the browser runs it.
 *
 *   node twin_driver.cjs <morphology.js> < {table, lexicon, bridge, terms, words, texts, relatives}
 *
 * Writes the twin's stems, keys, folds and tokens (offsets in code points), and
 * the derivational relatives of each key in `relatives`.
 */
"use strict";
const fs = require("fs");
const M = require(process.argv[2]);
const p = JSON.parse(fs.readFileSync(0, "utf8"));
const m = M.create(p.table, p.lexicon, p.bridge, p.terms);
const cp = (s, i) => M.cpLength(s.slice(0, i));
process.stdout.write(JSON.stringify({
  stems: p.words.map(m.stem),
  keys: p.words.map(m.key),
  folds: p.words.map(m.fold),
  tokens: p.texts.map((t) => m.tokenize(t).map((k) => [k.text, cp(t, k.start), cp(t, k.end)])),
  relatives: (p.relatives || []).map(m.relatives),
}));
