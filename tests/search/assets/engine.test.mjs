// Unit tests of plugins/kb_generator/search/assets/engine.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import modules from "./modules.cjs";
import { compacted, makePayload, OPTIONS } from "./payload.mjs";

const { KbSearch, lunr, Morphology } = modules;

const PAGES = [
  { l: "zwroty/", t: "Zwroty", x: "Zwroty i reklamacje.", p: 0 },
  { l: "zwroty/#karta", t: "Zwrot na kartę", x: "Zwrot pieniędzy na kartę trwa 14 dni.", p: 0 },
  { l: "kontakt/", t: "Kontakt", x: "Jak się z nami skontaktować: telefon.", p: 2 },
  { l: "slownik/", t: "Słownik", x: "", p: 3 },
  { l: "slownik/#nps", t: "NPS", x: "Wskaźnik lojalności.", p: 3 },
];
const payload = () => makePayload(PAGES, {
  functionWords: ["jak", "na", "z", "się"],
  glossary: [{ r: 4, d: "Wskaźnik lojalności klientów.", n: [[["nps", "nps"]]] }],
  fallback: [2],
  messages: { definition: "Definicja", didYouMean: "Czy chodziło o", noMatch: "Nic nie pasuje." },
});
const locations = result => result.items.map(group => group.map(item => item.location));

test("the public API is create(), and an engine only searches, warms and takes Material's options", () => {
  assert.deepEqual(Object.keys(KbSearch), ["create"]);
  assert.deepEqual(Object.keys(KbSearch.create(payload(), {}, lunr, Morphology)).sort(), ["configure", "search", "warm"]);
});

test("options configured after creation are those a search uses (an engine made before SETUP)", async () => {
  const engine = KbSearch.create(payload(), {}, lunr, Morphology);
  assert.equal((await engine.search("zwro")).suggest, undefined);
  engine.configure({ suggest: true });
  assert.ok(Array.isArray((await engine.search("zwro")).suggest));
  engine.configure({ suggest: false });
  assert.equal((await engine.search("zwro")).suggest, undefined);
});

test("results are Material's groups: one per page, its own entry included, best first", async () => {
  const result = await KbSearch.create(payload(), {}, lunr, Morphology).search("zwrot karta");
  assert.deepEqual(locations(result)[0], ["zwroty/#karta", "zwroty/"]);
  assert.ok(result.items[0][0].score > result.items[0][1].score);
  assert.equal(result.items[0][0].title, "<mark>Zwrot</mark> na <mark>kartę</mark>");  // karta being typed
});

test("a query naming a glossary term starts with the definition card", async () => {
  const result = await KbSearch.create(payload(), {}, lunr, Morphology).search("NPS");
  assert.equal(result.items[0][0].location, "slownik/#nps");
  assert.match(result.items[0][0].text, /kb-search-definition/);
});

test("nothing matching: did you mean and the fallback pages, never an empty list", async () => {
  const result = await KbSearch.create(payload(), {}, lunr, Morphology).search("lteefon");  // two edits: no typo match, but close
  assert.deepEqual(locations(result), [["?q=telefon"], ["kontakt/"]]);
  assert.deepEqual(await KbSearch.create(payload(), {}, lunr, Morphology).search("  "), { items: [] });
});

test("an unknown compound finds the section holding both its parts first, then its last part", async () => {
  const pages = [
    { l: "a/", t: "Teadmised", x: "Teadmised on olulised." },
    { l: "b/", t: "Oskused", x: "Teadmised toote kohta ja toote omadused." },
    { l: "c/", t: "Muu", x: "Midagi muud." },
  ];
  const result = await KbSearch.create(makePayload(pages), {}, lunr, Morphology).search("tooteteadmised");
  assert.deepEqual(locations(result), [["b/"], ["a/"]]);
});

test("max_results from the index limits the pages, and there is no default of the engine's own", async () => {
  const many = Array.from({ length: 30 }, (_, n) => ({ l: `p${n}/`, t: `Strona ${n}`, x: "Zwrot pieniędzy." }));
  const limited = makePayload(many, { options: { ...OPTIONS, max_results: 7 } });
  assert.equal((await KbSearch.create(limited, {}, lunr, Morphology).search("zwrot")).items.length, 7);
  const missing = { ...OPTIONS };
  delete missing.max_results;
  assert.throws(() => KbSearch.create(makePayload(many, { options: missing }), {}, lunr, Morphology),
                /options\.max_results/);
});

test("warm() analyses documents in slices until every one is done", () => {
  const engine = KbSearch.create(payload(), {}, lunr, Morphology);
  assert.equal(engine.warm(3), true);
  assert.equal(engine.warm(3), false);
});

test("a search superseded while its postings load stops before fetching texts (null)", async () => {
  // A sharded payload: postings and texts come through load(), which lists what it was asked for.
  const full = payload();
  const sharded = { ...full, termShards: [0], docShards: [0] };
  delete sharded.postings;
  delete sharded.docs;
  const asked = [];
  const load = name => { asked.push(name); return Promise.resolve(name[0] === "t" ? compacted(full.postings) : full.docs); };
  let newer = false;
  const engine = KbSearch.create(sharded, {}, lunr, Morphology, load);
  const pending = engine.search("zwrot", () => newer);
  newer = true;  // the next keystroke arrives while the term shard loads
  assert.equal(await pending, null);
  assert.deepEqual(asked, ["t0"]);
  assert.ok(locations(await engine.search("zwrot", () => false))[0].includes("zwroty/"));
  assert.deepEqual(asked, ["t0", "d0"]);
});

/*
 * Pages "p<n>/" titled "Strona <n>" with `text(n)`, in one file ({full, heads}) and
 * sharded one document shard per page ({sharded, load, asked}): what load() was
 * asked for shows which texts a search needed.
 */
function pagesByShard(count, text, title = n => `Strona ${n}`, extra = {}) {
  const many = Array.from({ length: count }, (_, n) => ({ l: `p${n}/`, t: title(n), x: text(n) }));
  const full = makePayload(many, extra);
  const heads = many.flatMap((doc, ref) => [ref, doc.l, doc.t]);
  const sharded = { ...full, heads, termShards: [0], docShards: many.map((_, ref) => ref) };
  delete sharded.postings;
  delete sharded.docs;
  const asked = [];
  const load = name => {
    asked.push(name);
    return Promise.resolve(name === "t0" ? compacted(full.postings) : [full.docs[Number(name.slice(1))]]);
  };
  return { full, heads, sharded, load, asked };
}

test("texts are fetched for the first screen of results; the rest are listed by page title", async () => {
  const { full, heads, sharded, load, asked } = pagesByShard(30, n => `Zwrot pieniędzy ${n}.`);
  const result = await KbSearch.create(sharded, {}, lunr, Morphology, load).search("zwrot");
  assert.equal(result.items.length, 20);  // max_results pages listed
  assert.equal(asked.filter(name => name.startsWith("d")).length, 4);  // the pages on the first screen
  const below = result.items.slice(4);
  assert.ok(below.every(group => group.length === 1 && group[0].text === "" && /^p\d+\/$/.test(group[0].location)));
  assert.match(below[0][0].title, /^Strona \d+$/);
  assert.ok(result.items.slice(0, 4).every(group => group[0].text.includes("<mark>Zwrot</mark>")));
  // The same payload in one file lists the same results.
  const single = await KbSearch.create({ ...full, heads }, {}, lunr, Morphology).search("zwrot");
  assert.deepEqual(single, result);
});

test("two letters still being typed are listed by page title; in capitals they are an abbreviation", async () => {
  const { sharded, load, asked } = pagesByShard(12, n => `Od razu zwrot na konto ${n}. CX ${n}.`);
  const engine = KbSearch.create(sharded, {}, lunr, Morphology, load);
  const typing = await engine.search("od");  // most likely the start of "odpowiedź"
  assert.ok(typing.items.length > 0 && typing.items.every(group => group.length === 1 && group[0].text === ""));
  assert.equal(asked.filter(name => name.startsWith("d")).length, 0);
  const abbreviation = await engine.search("CX");
  assert.ok(abbreviation.items.slice(0, 4).every(group => group[0].text.includes("<mark>CX</mark>")));
  assert.equal(asked.filter(name => name.startsWith("d")).length, 4);
});

test("after other words, the start of the next one waits for its third letter", async () => {
  const { sharded, load, asked } = pagesByShard(12, n => (n % 2 ? `Zwrot na konto ${n}.` : `Zwrot od razu ${n}.`));
  const engine = KbSearch.create(sharded, {}, lunr, Morphology, load);
  const zwrot = await engine.search("zwrot ");
  const fetched = asked.length;
  // "zwrot o": the results of "zwrot", nothing fetched for "o".
  assert.deepEqual(await engine.search("zwrot o"), zwrot);
  assert.deepEqual(await engine.search("zwrot od"), zwrot);
  assert.equal(asked.length, fetched);
  // With a space it is a word of the query: pages holding it come first.
  const od = await engine.search("zwrot od ");
  assert.match(od.items[0][0].text, /<mark>od<\/mark>/);
});

test("a single letter still being typed is listed by page title, without fetching texts", async () => {
  const { full, heads, sharded, load, asked } = pagesByShard(12, n => `Zwrot z konta ${n}.`);
  const engine = KbSearch.create(sharded, { suggest: true }, lunr, Morphology, load);
  const typing = await engine.search("z");  // the next letter replaces this list
  assert.deepEqual(asked, ["t0"]);
  assert.ok(typing.items.length > 0 && typing.items.every(group => group.length === 1 && group[0].text === ""));
  assert.ok(Array.isArray(typing.suggest));
  const typed = await engine.search("z ");  // a word of its own: the first screen gets its texts
  assert.equal(asked.filter(name => name.startsWith("d")).length, 4);
  assert.ok(typed.items.slice(0, 4).every(group => group[0].text.includes("<mark>z</mark>")));
  // In one file the texts are there: nothing to save, the first screen keeps them.
  const single = await KbSearch.create({ ...full, heads }, {}, lunr, Morphology).search("z");
  assert.ok(single.items.slice(0, 4).every(group => group[0].text.includes("<mark>z</mark>")));
});

const texts = asked => asked.filter(name => name.startsWith("d"));
const byTitle = result => result.items.length > 0 && result.items.every(group => group.length === 1 && group[0].text === "");

test("a word being typed that only begins words of the site fetches the first result's texts; loaded texts stay", async () => {
  const { sharded, load, asked } = pagesByShard(12, n => `Zwrot pieniędzy ${n}. Zwroty ${n}.`);
  const engine = KbSearch.create(sharded, {}, lunr, Morphology, load);
  const typing = await engine.search("zwro");  // on its way to "zwrot" or "zwroty"
  assert.deepEqual(texts(asked), ["d0"]);
  assert.match(typing.items[0][0].text, /<mark>Zwrot<\/mark>/);
  assert.ok(byTitle({ items: typing.items.slice(1) }));
  const word = await engine.search("zwrot");  // a word of the site: the first screen gets its texts
  assert.equal(texts(asked).length, 4);
  assert.ok(word.items.slice(0, 4).every(group => group[0].text.includes("<mark>Zwrot</mark>")));
  // Back to the fragment: the results whose texts are loaded keep them, nothing more is fetched.
  const back = await engine.search("zwro");
  assert.equal(texts(asked).length, 4);
  assert.ok(back.items.slice(0, 4).every(group => group[0].text !== ""));
  assert.ok(byTitle({ items: back.items.slice(4) }));
  // A word nothing begins (an inflection the site lacks) is a word of its own: its texts are fetched.
  const other = pagesByShard(12, n => `Zwrot pieniędzy ${n}. Zwroty ${n}.`);
  await KbSearch.create(other.sharded, {}, lunr, Morphology, other.load).search("zwrotem");
  assert.equal(texts(other.asked).length, 4);
});

test("one or two letters being typed alone list the pages whose title has a word they begin, fetching nothing", async () => {
  const titles = ["Zwroty i reklamacje", "Kontakt", "Zamówienia", "Jak zwrócić towar"];
  const { sharded, load, asked } = pagesByShard(4, n => `Zwrot ${n}. ZW ${n}.`, n => titles[n]);
  const engine = KbSearch.create(sharded, { suggest: true }, lunr, Morphology, load);
  const z = await engine.search("z");
  assert.deepEqual(asked, []);
  assert.deepEqual(locations(z), [["p0/"], ["p2/"], ["p3/"]]);  // site order
  assert.equal(z.items[0][0].title, "<mark>Zwroty</mark> i reklamacje");
  assert.equal(z.items[0][0].text, "");
  assert.deepEqual(z.suggest, ["zwroty"]);
  assert.deepEqual(locations(await engine.search("zw")), [["p0/"], ["p3/"]]);  // zwrócić: folded
  assert.deepEqual(asked, []);
  // Two capitals are an abbreviation, ranked by its postings (as is a word no title has a word for).
  const abbreviation = await engine.search("ZW");
  assert.equal(asked[0], "t0");
  assert.match(abbreviation.items[0][0].text, /<mark>ZW<\/mark>/);
});

test("a query of function words only is listed by page title: a question is on its way", async () => {
  const { sharded, load, asked } = pagesByShard(12, n => `Jak zwrócić towar ${n}?`, undefined,
                                                { functionWords: ["jak", "na"] });
  const engine = KbSearch.create(sharded, {}, lunr, Morphology, load);
  assert.ok(byTitle(await engine.search("jak ")));
  assert.deepEqual(texts(asked), []);
  const question = await engine.search("jak zwrócić");
  assert.equal(texts(asked).length, 4);
  assert.match(question.items[0][0].text, /<mark>zwrócić<\/mark>/);
});

test("a word's derivational relatives find more pages but do not change what the word weighs", async () => {
  // Slovak held-out-2, "ako dlho môžem reklamovať pokazený tovar": reklamovat's
  // relative reklamacia is on many pages, and pokazeny (no word of the site)
  // meets a wrong section through its stem neighbour pokazit in the heading.
  // Were the relative counted in its word's weight, reklamovat would weigh as
  // little as a word on most pages, and that heading would put the wrong
  // section above the one answer that says "reklamovať".
  const families = [["ovat", "acia", 4], ["eny", "it", 4]];
  const pages = [
    { l: "lehoty/", t: "Reklamovať do dvoch rokov", x: "Reklamovať môžete do dvoch rokov." },
    { l: "pokazilo/", t: "Pokaziť", x: "Keď sa niečo pokazí." },
    ...Array.from({ length: 15 }, (_, n) => ({ l: `r${n}/`, t: `Strana ${n}`, x: "Reklamácia." })),
    ...Array.from({ length: 5 }, (_, n) => ({ l: `o${n}/`, t: `Iná ${n}`, x: "Niečo iné." })),
  ];
  const sk = makePayload(pages, { table: { locale: "sk", min_length: 3, steps: [], families } });
  const engine = KbSearch.create(sk, {}, lunr, Morphology);
  assert.equal(locations(await engine.search("reklamovať pokazený "))[0][0], "lehoty/");
  // The relative still finds its pages, below the word's own.
  const reklamovat = locations(await engine.search("reklamovať "));
  assert.equal(reklamovat[0][0], "lehoty/");
  assert.equal(reklamovat.length, 16);
  // Without the families only the word itself is met.
  const bare = KbSearch.create(makePayload(pages, { table: { locale: "sk", min_length: 3, steps: [] } }), {}, lunr, Morphology);
  assert.deepEqual(locations(await bare.search("reklamovať ")), [["lehoty/"]]);
});
