/*
 * Small kb-search payloads for the unit tests, made the way index.py makes
 * them in shape (terms in order, df, flat postings [ref, field, weight]),
 * with the generic morphology (lowercase and fold) and a weight of 1 per
 * field and term: enough to test how the modules use a payload, not BM25.
 */
import modules from "./modules.cjs";

const { Morphology } = modules;
export const FIELDS = ["title", "text"];
export const OPTIONS = { fuzzy_min: 5, excerpt: 80, max_results: 20 };

/* `docs`: [{l, t, x, p?}] (p: the ref of the page a section belongs to, else itself). */
export function makePayload(docs, extra = {}) {
  const m = Morphology.create(null);
  const postings = new Map();
  docs.forEach((doc, ref) => {
    [doc.t, doc.x].forEach((text, field) => {
      const seen = new Set();
      for (const token of m.tokenize(text)) {
        const key = m.key(token.text);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!postings.has(key)) postings.set(key, []);
        postings.get(key).push(ref, field, 1);
      }
    });
  });
  const terms = [...postings.keys()].sort();
  return {
    format: 2, locale: "und", table: null, lexicon: {}, bridge: {},
    options: OPTIONS, synonyms: [], fields: FIELDS, count: docs.length,
    parents: docs.map((doc, ref) => (doc.p === undefined ? ref : doc.p)),
    terms,
    df: terms.map(term => new Set(postings.get(term).filter((_, i) => i % 3 === 0)).size),
    postings: terms.map(term => postings.get(term)),
    docs: docs.map(doc => ({ l: doc.l, t: doc.t, x: doc.x })),
    functionWords: [], glossary: [], fallback: [], messages: {},
    ...extra,
  };
}

export const morphology = Morphology.create(null);

/* A payload's postings as a term shard carries them (index.py's postings.compact). */
export function compacted(postings) {
  return postings.map(flat => flat.map((value, i) => {
    if (i % 3 === 2) return Math.round(value * 1000);
    return i % 3 === 0 ? value - (i ? flat[i - 3] : 0) : value;
  }));
}
