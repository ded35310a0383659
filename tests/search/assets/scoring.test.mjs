// Unit tests of plugins/kb_generator/search/assets/scoring.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import modules from "./modules.cjs";
import unpacking from "./unpack.cjs";
import { makePayload } from "./payload.mjs";

const { Scoring, lunr } = modules;

const payload = makePayload([
  { l: "a/", t: "Reklamacja towaru", x: "Jak złożyć reklamację towaru w sklepie." },
  { l: "b/", t: "Zwrot", x: "Zwrot pieniędzy na kartę w ciągu 14 dni." },
  { l: "c/", t: "Kontakt", x: "Reklamacja telefonicznie i zwrot w sklepie." },
]);
payload.postings = payload.postings.map(flat => flat.map((v, i) => (i % 3 === 2 ? 0.5 + ((flat[i - 2] + v) % 3) : v)));
const positions = new Map(payload.terms.map((term, i) => [term, i]));
const index = { postings: payload.postings, position: term => positions.get(term), count: payload.count };

test("score() gives lunr.js's query() scores for boosted term clauses", () => {
  const lunrIndex = lunr.Index.load(unpacking.unpack(payload));
  for (const boosts of [{ reklamacja: 1 }, { reklamacja: 1, zwrot: 0.5, sklepie: 0.3 }, { zwrot: 1, nieznane: 2 }]) {
    const ours = Scoring.score(index, boosts);
    const theirs = lunrIndex.query(q => Object.keys(boosts).forEach(
      term => q.term(term, { usePipeline: false, boost: boosts[term] })));
    assert.deepEqual(ours.refs.map(String).sort(), theirs.map(r => r.ref).sort());
    for (const r of theirs) {
      assert.ok(Math.abs(ours.scores[Number(r.ref)] - r.score) < 1e-9, JSON.stringify(boosts));
      assert.deepEqual(ours.termsAt(Number(r.ref)).sort(), Object.keys(r.matchData.metadata).sort());
    }
    assert.equal(ours.matches, theirs.length);
  }
});

test("a word's relatives add their documents and scores, not its norm or its matches", () => {
  const own = Scoring.score(index, { reklamacja: 1 });
  const withRelative = Scoring.score(index, { reklamacja: 1 }, { zwrot: 0.3 });
  // zwrot: documents 1 (only through the relative) and 2 (both).
  assert.deepEqual(withRelative.refs.slice().sort(), [0, 1, 2]);
  assert.equal(withRelative.matches, own.matches);
  assert.equal(withRelative.scores[0], own.scores[0]);
  assert.ok(withRelative.scores[2] > own.scores[2] && withRelative.scores[1] > 0);
  assert.deepEqual(withRelative.termsAt(1), ["zwrot"]);
  // A word whose own terms the index lacks is met through its relatives alone, as its own terms would be.
  const only = Scoring.score(index, { nieznane: 1 }, { zwrot: 0.3 });
  const plain = Scoring.score(index, { zwrot: 1 });
  assert.equal(only.matches, plain.matches);
  assert.ok(Math.abs(only.scores[1] - plain.scores[1]) < 1e-12);
});

test("a rarer word weighs more", () => {
  assert.ok(Scoring.weight(1, 100) > Scoring.weight(50, 100));
  assert.ok(Scoring.weight(100, 100) > 0);
});

/* A run of one word: the documents it meets (ref -> lunr score). */
function runOf(hits, count, weight) {
  const scores = new Float64Array(count), seen = new Uint8Array(count);
  Object.entries(hits).forEach(([ref, s]) => { scores[ref] = s; seen[ref] = 1; });
  return { scores, seen, refs: Object.keys(hits).map(Number), matches: Object.keys(hits).length, weight };
}

test("met alike, every word beats some words, whatever the score", () => {
  const words = [{ key: "a", unit: 0, span: 1 }, { key: "b", unit: 1, span: 1 }];
  const runs = { a: runOf({ 0: 3, 1: 3 }, 2, 1), b: runOf({ 0: 3 }, 2, 1) };
  const ranked = Scoring.rank(words, words, word => runs[word.key], 2);
  assert.ok(ranked.rank[0] > ranked.rank[1] + 1000);
  assert.deepEqual(Array.from(ranked.content), [1, 1]);
});

test("a word met in a heading covers more than one met once in body text or through a relative", () => {
  const words = [{ key: "a", unit: 0, span: 1 }];
  // Lunr scores: 30 (the word in a heading), 3 (once in the text), 0.8 (a stem neighbour in the text).
  const ranked = Scoring.rank(words, words, () => runOf({ 0: 30, 1: 3, 2: 0.8 }, 3, 1), 3);
  assert.ok(ranked.rank[0] > ranked.rank[1] + 1000 && ranked.rank[1] > ranked.rank[2] + 1000);
  assert.ok(Math.abs(ranked.rank[1] - (10000 * 3 / 7 + 100 * 3 / 23)) < 1e-6);  // s / (s + 4) of the weight
});

test("function words help but never decide: a document meeting only them has no content", () => {
  const words = [{ key: "jak", func: true, unit: 0, span: 1 }, { key: "kod", unit: 1, span: 1 }];
  const runs = { jak: runOf({ 0: 9, 1: 9 }, 3, 1), kod: runOf({ 1: 1, 2: 1 }, 3, 1) };
  const ranked = Scoring.rank(words, words, word => runs[word.key], 3);
  assert.equal(ranked.content[0], 0);
  assert.ok(ranked.rank[1] > ranked.rank[2] && ranked.rank[2] > ranked.rank[0]);
});

test("function words met as strongly as anywhere (a FAQ question worded like the query) count up to twice", () => {
  // "czy może ... klient": doc 0 holds both function words in its question (lunr 20, 25: each
  // word's best on the site), doc 1 the same words scattered through its text (2, 2.5); both
  // meet the content word alike, doc 2 holds the content word more strongly but no function word.
  const words = [{ key: "czy", func: true, unit: 0, span: 1 }, { key: "moze", func: true, unit: 1, span: 1 },
                 { key: "klient", unit: 2, span: 1 }];
  const runs = {
    czy: runOf({ 0: 20, 1: 2 }, 3, 1), moze: runOf({ 0: 25, 1: 2.5 }, 3, 1), klient: runOf({ 0: 4, 1: 4, 2: 5 }, 3, 1),
  };
  const ranked = Scoring.rank(words, words, word => runs[word.key], 3);
  assert.ok(ranked.rank[0] > ranked.rank[1] && ranked.rank[0] > ranked.rank[2]);
  // Coverage: klient at half strength (0.5), function words at a tenth of 2 (question) or of 1.1 (text).
  const coverage = (covered, functions) => (covered + 0.1 * functions) / (1 + 0.1 * 2);
  assert.ok(Math.abs(ranked.rank[0] - (10000 * coverage(0.5, 4) + 300 * 4 / 2 + 100 * 49 / 69)) < 1e-6);
  assert.ok(Math.abs(ranked.rank[1] - (10000 * coverage(0.5, 2.2) + 300 * 2.2 / 2 + 100 * 8.5 / 28.5)) < 1e-6);
  assert.equal(ranked.content[0] + ranked.content[1] + ranked.content[2], 3);
});

test("a synonym standing for two typed words covers their weight in proportion", () => {
  const typed = [{ key: "cx", unit: 0, span: 1 }, { key: "tips", unit: 1, span: 1 }];
  const variant = [{ key: "customer", unit: 0, span: 1 }, { key: "experience", unit: 0, span: 1 }, typed[1]];
  const runs = {
    cx: runOf({}, 2, 2), tips: runOf({ 0: 4, 1: 4 }, 2, 1),
    customer: runOf({ 0: 4, 1: 4 }, 2, 1), experience: runOf({ 0: 4 }, 2, 1),
  };
  const ranked = Scoring.rank(variant, typed, word => runs[word.key], 2);
  assert.ok(ranked.rank[0] > ranked.rank[1]);
  // Met at half strength (score 4): half of cx's weight (2) and all of tips's (1), halved.
  assert.ok(Math.abs(ranked.rank[1] - (10000 * (1 + 1) / 2 / 3 + 100 * 8 / 28)) < 1e-6);
});
