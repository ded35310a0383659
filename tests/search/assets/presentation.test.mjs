// Unit tests of plugins/kb_generator/search/assets/presentation.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import modules from "./modules.cjs";
import { morphology as m } from "./payload.mjs";

const { Presentation: P } = modules;
const terms = (...keys) => Object.fromEntries(keys.map(k => [k, true]));

test("escapeHtml escapes every character that could open markup or end an attribute", () => {
  assert.equal(P.escapeHtml(`<a href="x" onclick='y'>&</a>`),
               "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
});

test("highlight marks matched words and escapes the rest", () => {
  const text = "Kod <b>rabatowy</b> & kod";
  assert.equal(P.highlight(text, P.analyse(m, text), 0, text.length, terms("kod")),
               "<mark>Kod</mark> &lt;b&gt;rabatowy&lt;/b&gt; &amp; <mark>kod</mark>");
});

test("an excerpt of a long text is cut around its densest matches, on word boundaries", () => {
  const text = "Wstęp bez znaczenia. ".repeat(10) + "Tutaj zwrot pieniędzy i zwrot karty. " + "Koniec tekstu. ".repeat(10);
  const out = P.excerpt(text, P.analyse(m, text), terms("zwrot"), 60);
  assert.ok(out.startsWith("… ") && out.endsWith(" …"), out);
  assert.ok(out.includes("<mark>zwrot</mark> pieniędzy i <mark>zwrot</mark>"), out);
  assert.ok(out.length < 60 + 40);
  assert.equal(P.excerpt("Krótki tekst.", P.analyse(m, "Krótki tekst."), terms(), 60), "Krótki tekst.");
});

test("an item passes on the matched words and the query words it lacks", () => {
  const doc = { l: "a/#x", t: "Zwrot", x: "Zwrot pieniędzy na kartę." };
  const a = { title: P.analyse(m, doc.t), text: P.analyse(m, doc.x) };
  const list = [{ text: "Zwrot" }, { text: "gotówka" }, { text: "na", func: true }];
  const out = P.item(doc, a, terms("zwrot"), 12.5, list, [list[0]], 80);
  assert.deepEqual({ ...out, terms: { ...out.terms } }, { location: "a/#x", title: "<mark>Zwrot</mark>",
                          text: "<mark>Zwrot</mark> pieniędzy na kartę.", score: 12.5,
                          terms: { zwrot: true, "gotówka": false } });
});

test("the suggestion completes the word being typed from the best result", () => {
  const tokens = P.analyse(m, "Zwrot pieniędzy");
  const typing = [{ text: "pieni", prefix: true }];
  assert.deepEqual(P.suggestion("zwrot Pieni", typing, () => tokens), ["Pieniędzy"]);
  assert.deepEqual(P.suggestion("zwrot pieni ", [{ text: "pieni", prefix: false }], () => tokens), []);
  assert.deepEqual(P.suggestion("pieni", typing, () => null), []);
});

test("the glossary's group moves below every group whose heading holds every word", () => {
  const groups = [10, 20, 30, 40].map(parent => ({ parent, refs: [parent + 1] }));
  const holds = new Set([21, 31]);
  const out = P.glossaryInPlace(groups, parent => parent === 10, ref => holds.has(ref));
  assert.deepEqual(out.map(g => g.parent), [20, 30, 10, 40]);
  assert.equal(P.glossaryInPlace(groups, () => false, () => true), groups);
});

test("the definition card, the did-you-mean line and a fallback page escape what they print", () => {
  const card = P.definitionItem({ l: "g/#nps", t: "NPS <b>", x: "" }, "Ukazovateľ <lojality> & ochoty.", 3,
                                { definition: "Definícia" });
  assert.equal(card.title, '<span class="kb-search-definition__label">Definícia:</span> NPS &lt;b&gt;');
  assert.equal(card.text, '<p class="kb-search-definition">Ukazovateľ &lt;lojality&gt; &amp; ochoty.</p>');
  const line = P.suggestionItem("telefon <x>", "Nič.", { didYouMean: "Mysleli ste" });
  assert.equal(line.location, "?q=telefon%20%3Cx%3E");
  assert.equal(line.title, 'Mysleli ste: <span class="kb-search-suggestion">telefon &lt;x&gt;</span>?');
  assert.equal(line.text, '<p class="kb-search-fallback">Nič.</p>');
  const doc = { l: "faq/", t: "FAQ & <more>", x: "Odpowiedzi." };
  const page = P.fallbackItem(doc, { title: [], text: P.analyse(m, doc.x) }, "Nic.", { ivr: false }, 80);
  assert.deepEqual(page, { location: "faq/", title: "FAQ &amp; &lt;more&gt;",
                           text: '<p class="kb-search-fallback">Nic.</p>Odpowiedzi.', score: 0, terms: { ivr: false } });
});
