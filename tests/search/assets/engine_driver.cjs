/*
 * Driver of tests/search/node.py: the engine under node, as the worker runs it.
 *
 * Reads {payload, options, queries, raw, clauses, expand} on stdin and writes:
 * `results`, the engine's answer per query; for `raw` terms the plain lunr.js
 * results (ref, score) of one term clause; for `clauses` ({term: boost})
 * scoring.js's scores next to lunr.js's query() of the same boosted clauses,
 * [ref, score, matched terms] each; for `expand` queries, the index terms
 * each word expands to (lexicon.js).
 */
"use strict";
const fs = require("fs");
const { lunr, Morphology, Query, Lexicon, Shards, Scoring, KbSearch } = require("./modules.cjs");
const { unpack } = require("./unpack.cjs");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const payload = input.payload;
const engine = KbSearch.create(payload, input.options || {}, lunr, Morphology);
const index = lunr.Index.load(unpack(payload));
const m = Morphology.create(payload.table, payload.lexicon, payload.bridge, payload.terms);
const lexicon = Lexicon.create(payload, lunr, Morphology, m, payload.options.fuzzy_min);
const functionWords = Query.functionWords(payload.functionWords, m);
const store = Shards.createStore(payload);

function engineScores(boosts) {
  const scored = Scoring.score({ postings: store.postings, position: lexicon.position, count: payload.count }, boosts);
  return scored.refs.map(ref => [String(ref), scored.scores[ref], scored.termsAt(ref).sort()]);
}

(async () => {
  const results = [];
  for (const q of input.queries) results.push(await engine.search(q));
  process.stdout.write(JSON.stringify({
    results,
    raw: (input.raw || []).map(term => index.query(q => q.term(term, { usePipeline: false }))
      .map(r => [r.ref, r.score])),
    expansions: (input.expand || []).map(
      q => Query.words(q, m, functionWords).map(w => Object.keys(lexicon.expand(w).terms).sort())),
    clauses: (input.clauses || []).map(boosts => ({
      engine: engineScores(boosts),
      lunr: index.query(q => Object.keys(boosts).forEach(
        term => q.term(term, { usePipeline: false, boost: boosts[term] })))
        .map(r => [r.ref, r.score, Object.keys(r.matchData.metadata).sort()]),
    })),
  }));
})().catch(error => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
