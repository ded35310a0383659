// Unit tests of plugins/kb_generator/search/assets/lexicon.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import modules from "./modules.cjs";
import { makePayload } from "./payload.mjs";

const { Lexicon, Query, Morphology, lunr } = modules;

const payload = makePayload([
  { l: "a/", t: "Klienditeenindus", x: "Teenindus ja tooteteadmised, toote kohta teadmised." },
  { l: "b/", t: "Reklamacja", x: "Reklamacje reklamacji zamówienie zamówienia." },
  { l: "c/", t: "Samoobslužnosť", x: "Kuidas ja miks: muuta muutmine, kaebus kaebused." },
], { functionWords: ["kuidas", "ja"] });
const m = Morphology.create(null);
const lexicon = Lexicon.create(payload, lunr, Morphology, m, 5);
const words = q => Query.words(q, m, Query.functionWords(payload.functionWords, m));
const expand = q => words(q).map(w => lexicon.expand(w).terms);

test("a known word stands for itself at full weight", () => {
  const [terms] = expand("reklamacja ");
  assert.equal(terms.reklamacja, 1);
  assert.ok(lexicon.hasTerm("reklamacja") && !lexicon.hasTerm("xyz"));
  assert.equal(payload.terms[lexicon.position("reklamacja")], "reklamacja");
});

test("a fragment is not a word of the site but begins one", () => {
  assert.ok(lexicon.isFragment("reklamac") && lexicon.isFragment("zamowieni"));
  assert.ok(!lexicon.isFragment("reklamacja"));  // a word of the site
  assert.ok(!lexicon.isFragment("reklamacjami") && !lexicon.isFragment("xyz"));  // nothing begins with them
});

test("the word being typed stands for its completions, a typed-out one does not", () => {
  assert.ok("reklamacje" in expand("reklam")[0]);
  assert.equal(expand("zam")[0].zamowienie, 0.5);
  assert.deepEqual(Object.keys(expand("zam ")[0]), []);
});

test("a word being typed is completed from three letters on, not from one or two", () => {
  // "z" or "za" would stand for the most frequent words of a big site: their
  // postings and result texts would be downloaded only to type the next letter.
  assert.deepEqual(Object.keys(expand("z")[0]), []);
  assert.deepEqual(Object.keys(expand("za")[0]), []);
  assert.ok("zamowienie" in expand("zam")[0]);
});

test("a short prefix stands for its most frequent completions only while their postings stay small", () => {
  // As on a large site: every completion of "rekl" meets 15,000 documents.
  const big = { ...payload, df: payload.terms.map(term => (term.startsWith("reklamac") ? 15000 : 1)) };
  const completions = Object.keys(Lexicon.create(big, lunr, Morphology, m, 5).expand(words("rekl")[0]).terms);
  assert.deepEqual(completions, ["reklamacja"]);  // the first always counts; a second would pass 5,000
  assert.deepEqual(Object.keys(expand("rekl")[0]).sort(), ["reklamacja", "reklamacje", "reklamacji"]);
});

test("keys sharing a stem and compounds are ranking signals below the word itself", () => {
  const [muutmine, kaebus] = expand("muutmine kaebus ");
  assert.ok(muutmine.muuta > 0 && muutmine.muuta < 1);  // a verbal noun and its verb
  assert.ok(kaebus.kaebused > 0 && kaebus.kaebused < 1);  // a key and a longer one it begins
  const [teenindus] = expand("teenindus ");
  assert.ok(teenindus.klienditeenindus > 0 && teenindus.klienditeenindus < 1);
  // The other way round is a variant of the query (compound()), not an expansion.
  assert.equal(expand("tooteteadmised ")[0].teadmised, undefined);
});

test("a word still being typed stands for its completions only until it is a word of the site", () => {
  // "muutm" is no word of the site: the key the rules give that fragment
  // would bring its stem relatives (muuta) along, for a list the next letter replaces.
  assert.deepEqual(Object.keys(expand("muutm")[0]), ["muutmine"]);
  assert.ok(expand("muutmine")[0].muuta > 0);
  // Typed out, or a word of the site while still being typed, it has them again.
  assert.ok(expand("teenindus ")[0].klienditeenindus > 0);
  assert.ok(expand("teenindus")[0].klienditeenindus > 0);
  // A fragment nothing begins with is still an unknown word: typos and stems apply.
  assert.ok("reklamacja" in expand("reklamacka")[0]);
});

test("an unknown word tries one typo, two in a long word, then its stem's prefix", () => {
  assert.ok("reklamacja" in expand("reklamacka ")[0]);
  assert.ok("samoobsluznost" in expand("samobsluznostt ")[0]);
  assert.ok("samoobsluznost" in expand("samoobsluha ")[0]);
  assert.deepEqual(Object.keys(expand("qwertyuiop ")[0]), []);
});

test("a content word never stands for a function word", () => {
  const [kuidasx] = expand("kuidasx ");
  assert.equal(kuidasx.kuidas, undefined);
});

test("an unknown word is split into the two known words it is made of", () => {
  assert.deepEqual(lexicon.compound(words("kohtateadmised ")[0]).map(p => p.key), ["kohta", "teadmised"]);
  assert.equal(lexicon.compound(words("kohtaxyzabc ")[0]), null);
});

test("closest() names the most similar term for a did-you-mean line", () => {
  assert.equal(lexicon.closest("reklamajca"), "reklamacja");
  assert.equal(lexicon.closest("ab"), null);
  assert.equal(lexicon.closest("zzzzzzzz"), null);
});

test("prefixes and endings come from the sorted terms in lunr's automaton order", () => {
  // The same terms, in the same order, as lunr.TokenSet's "prefix*" and "*ending"
  // (the expansions, and so the order scores are summed in, stay the same).
  const terms = [...payload.terms, "klient", "klienci", "klienta", "klientka", "teenus", "teenused"].sort();
  const big = { ...payload, terms, df: terms.map(() => 1) };
  const own = Lexicon.create(big, lunr, Morphology, m, 5);
  const automaton = lunr.TokenSet.fromArray(terms);
  const listed = pattern => automaton.intersect(lunr.TokenSet.fromString(pattern)).toArray();
  for (const term of terms) {
    for (let n = 1; n <= term.length; n++) {
      assert.deepEqual(own.startingWith(term.slice(0, n)), listed(term.slice(0, n) + "*"));
      assert.deepEqual(own.endingWith(term.slice(-n)), listed("*" + term.slice(-n)));
    }
  }
  assert.deepEqual(own.startingWith("zzz"), []);
});

test("lunr's automaton is built only when a word is unknown (typos)", () => {
  let built = 0;
  const fromArray = list => { built++; return lunr.TokenSet.fromArray(list); };
  const counting = { ...lunr, TokenSet: { ...lunr.TokenSet, fromArray } };
  const own = Lexicon.create(payload, counting, Morphology, m, 5);
  own.expand(words("reklam")[0]);
  own.expand(words("teenindus ")[0]);
  assert.equal(built, 0);
  assert.ok("reklamacja" in own.expand(words("reklamacka ")[0]).terms);
  own.expand(words("zamowinie ")[0]);
  assert.equal(built, 1);
});

test("a lemma of the word's derivational family the index has is a relative, apart from its expansions", () => {
  // The table's `families` pairs endings (kb-morphology learn --families):
  // samoobsluzny (the adjective) meets samoobsluha (the noun) and back.
  const table = { locale: "sk", min_length: 3, steps: [], families: [["ha", "zny", 4], ["ost", "y", 4]] };
  const family = makePayload([
    { l: "a/", t: "Samoobsluha", x: "Samoobsluha šetrí čas." },
    { l: "b/", t: "Slovník", x: "samoobsluzny kanal" },
  ]);
  const sk = Morphology.create(table);
  const own = Lexicon.create(family, lunr, Morphology, sk, 5);
  const expandSk = q => Query.words(q, sk, Query.functionWords([], sk)).map(w => own.expand(w));
  const [adjective] = expandSk("samoobslužný ");
  const plain = object => ({ ...object });
  assert.deepEqual(plain(adjective.terms), { samoobsluzny: 1 });
  assert.deepEqual(plain(adjective.related), { samoobsluha: 0.3 });
  assert.deepEqual(plain(expandSk("samoobsluha ")[0].related), { samoobsluzny: 0.3 });
  // Only relatives the index has: samoobsluznost is no term of this site.
  assert.ok(sk.relatives("samoobsluzny").includes("samoobsluznost"));
  // expand()'s terms are the word's own terms alone.
  const [word] = Query.words("samoobslužný ", sk, Query.functionWords([], sk));
  assert.deepEqual(plain(own.expand(word).terms), { samoobsluzny: 1 });
  // Without the table's families the two words stay apart.
  const bare = Morphology.create({ ...table, families: [] });
  const [alone] = Query.words("samoobslužný ", bare, Query.functionWords([], bare))
    .map(w => Lexicon.create(family, lunr, Morphology, bare, 5).expand(w));
  assert.deepEqual(plain(alone.related), {});
});
