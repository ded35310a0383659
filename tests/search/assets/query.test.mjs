// Unit tests of plugins/kb_generator/search/assets/query.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import modules from "./modules.cjs";

const { Query, Morphology } = modules;
const m = Morphology.create(null, { "reklamacji": "reklamacja", "reklamację": "reklamacja" });
const FUNCTION = Query.wordSet(["jak", "po", "w"]);

test("words are keyed and folded like the index, the last one being typed is a prefix", () => {
  const list = Query.words("Jak złożyć reklamację", m, FUNCTION);
  assert.deepEqual(list.map(w => [w.text, w.key, w.fold, w.prefix, w.func, w.unit]), [
    ["Jak", "jak", "jak", false, true, 0],
    ["złożyć", "zlozyc", "zlozyc", false, false, 1],
    ["reklamację", "reklamacja", "reklamacje", true, false, 2],
  ]);
  assert.equal(Query.words("reklamację ", m, FUNCTION)[0].prefix, false);  // a space: typed out
});

test("a word typed twice counts once, and a query of function words only is all content", () => {
  assert.deepEqual(Query.words("w reklamacji reklamację w", m, FUNCTION).map(w => w.text),
                   ["w", "reklamacji", "reklamację", "w"]);
  assert.deepEqual(Query.words("reklamacji reklamacji ", m, FUNCTION).map(w => w.text), ["reklamacji"]);
  assert.deepEqual(Query.words("jak po", m, FUNCTION).map(w => w.func), [false, false]);
  assert.deepEqual(Query.words("", m, FUNCTION), []);
});

test("wordId tells words apart by key, fold and whether they are typed", () => {
  const [a, b] = Query.words("reklamacji reklamację", m, FUNCTION);
  assert.notEqual(Query.wordId(a), Query.wordId(b));
  assert.equal(Query.wordId(a), Query.wordId({ ...a }));
});

const NPS = { r: 3, d: "Net Promoter Score.", n: [[["nps", "nps"]], [["net", "net"], ["promoter", "promoter"], ["score", "score"]]] };
const CX = { r: 4, d: "Customer experience.", n: [[["cx", "cx"]]] };

test("the glossary term named by every content word of the query, the longest name first", () => {
  const words = q => Query.words(q, m, Query.wordSet(["co", "je"]));
  assert.equal(Query.definitionFor(words("NPS"), [NPS, CX]), NPS);
  assert.equal(Query.definitionFor(words("co je NPS "), [NPS, CX]), NPS);
  assert.equal(Query.definitionFor(words("net promoter score"), [CX, NPS]), NPS);
  assert.equal(Query.definitionFor(words("jak liczyć NPS"), [NPS, CX]), null);  // asks more than the term
  assert.equal(Query.definitionFor(words("CX NPS"), [NPS, CX]), null);
});

test("variants split unknown words and swap glossary names for their synonyms", () => {
  const list = Query.words("tooteteadmised cx w", m, FUNCTION);
  const split = word => (word.fold === "tooteteadmised"
    ? [{ text: "toote", key: "toode", fold: "toote" }, { text: "teadmised", key: "teadmine", fold: "teadmised" }]
    : null);
  const synonyms = [[[["cx", "cx"]], [["customer", "customer"], ["experience", "experience"]]]];
  const out = Query.variants(list, synonyms, split);
  assert.equal(out.length, 2);
  assert.deepEqual(out[0].map(w => [w.key, w.unit, w.span]), [["toode", 0, 1], ["teadmine", 0, 1], ["cx", 1, 1], ["w", 2, 1]]);
  assert.deepEqual(out[1].map(w => [w.key, w.unit, w.span, !!w.synonym]),
                   [["tooteteadmised", 0, 1, false], ["customer", 1, 1, true], ["experience", 1, 1, true], ["w", 2, 1, false]]);
});

test("function words and numbers are never split", () => {
  const asked = [];
  Query.variants(Query.words("w 2024 abc", m, FUNCTION), [], word => { asked.push(word.text); return null; });
  assert.deepEqual(asked, ["abc"]);
});
