/*
 * KbSearch: queries a prebuilt kb-search index (plugins/kb_generator/search/index.py).
 *
 * Classic script: loaded by worker.js with importScripts, or required in
 * node by the tests. Needs lunr.js 2.3.9 and KbMorphology (morphology.js).
 *
 *   var engine = KbSearch.create(payload, { suggest: true }, lunr, KbMorphology, load)
 *   engine.search("reklamacjami")   // -> Promise<{ items: SearchItem[][], suggest: [...] }>
 *
 * The payload is either one file (postings and documents inline) or a
 * lexicon: every term in order with its document frequency, and where the
 * term shards and document shards start; `load("t3")` / `load("d0")`
 * fetch a shard. A query first expands its words against the lexicon (lunr's
 * token set of every term), loads the shards of exactly those terms, scores
 * documents as lunr.js's query() would (score(), tested against it), and
 * loads the document texts of the results it shows.
 *
 * A query is tokenized and normalised exactly like the indexed text (the
 * morphology core), then each word becomes one lunr query over the terms it
 * stands for (see expansions()). Documents are ranked by how much of the
 * query they cover (rarer words weigh more), then by lunr's score, so every
 * word beats some words. Glossary names act as synonyms: a query naming a
 * term is also run with the term's other names.
 *
 * Function words (the language's stop words: question words, prepositions,
 * particles) help ranking but never decide it: in coverage one weighs a tenth
 * of a content word, meeting them adds a small bonus, and a document that meets
 * nothing but function words is not shown. A query that names a glossary term starts with
 * a definition card (the term's entry with its definition); otherwise the
 * glossary page never outranks a section whose heading holds every content
 * word. A word the index does not know is tried with two typos (long words),
 * split into two known words (compounds) and by the prefix of its stem; when
 * still nothing matches, the answer is a "did you mean" line with the closest
 * words of the site and the language's fallback pages, never an empty list.
 */
(function (root) {
  "use strict";

  var PREFIX_BOOST = 0.5;   // a completion of the word being typed
  var PREFIX_LIMIT = 40;    // most completions of a short prefix (the most frequent)
  var MAX_SECTIONS = 8;     // sections shown per page (Material folds all but the best)
  var FUZZY_BOOST = 0.5;    // a word one edit away from an unknown word (a typo)
  var NEIGHBOUR_BOOST = 0.4;  // a key sharing the stem (see neighbours())
  var NEIGHBOUR_MIN = 4;
  var COMMON_SHARE = 0.25;  // see expansions()
  var COMMON_MIN_DOCUMENTS = 2000;
  var NEIGHBOUR_SHARE = 0.6;
  var NEIGHBOUR_STEM = 0.5;
  var SIBLING_ENDING = 4;
  var COMPOUND_BOOST = 0.3;  // a compound and its last part (see compounds())
  var COMPOUND_PART = 5;    // shortest part of a compound that finds it, or that it finds (compounds())
  var SCORE_HALF = 20;      // the lunr score that fills half of the score part of a rank
  var VARIANT = 0.9;        // a synonym's results rank just below the query as typed
  var MAX_VARIANTS = 8;
  var MAX_TERMS = 6;        // words passed on for highlighting on the target page
  var DIGIT = /\p{Nd}/u;
  var FUNCTION_SHARE = 0.1;  // a function word's weight in coverage, against a content word's 1
  var FUNCTION_TIER = 300;   // and a bonus for meeting them (every content word is worth up to 10000)
  var FUZZY2_MIN = 8;       // an unknown word this long also matches with two typos
  var STEM_PREFIX_MIN = 5;  // shortest stem prefix tried for an unknown word
  var STEM_PREFIX_SHARE = 0.6;
  var STEM_PREFIX_BOOST = 0.4;
  var SPLIT_PART = 4;       // shortest part of an unknown word split in two (tooteteadmised = toote + teadmised)
  var SUGGEST_MIN = 0.5;    // least letter-pair similarity of a "did you mean" word
  var SUGGEST_LENGTH = 4;   // shortest word offered a "did you mean" replacement

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /*
   * The serialized lunr index of a single-file payload (unpack() in
   * plugins/kb_generator/search/index.py): plain lunr.js, for tests and comparisons.
   */
  function unpack(payload) {
    var fields = payload.fields;
    var vectors = Object.create(null);
    var inverted = payload.terms.map(function (term, i) {
      var posting = { _index: i };
      fields.forEach(function (field) { posting[field] = {}; });
      var flat = payload.postings[i];
      for (var k = 0; k < flat.length; k += 3) {
        var ref = flat[k], field = fields[flat[k + 1]];
        posting[field][ref] = {};
        (vectors[field + "/" + ref] || (vectors[field + "/" + ref] = [])).push(i, flat[k + 2]);
      }
      return [term, posting];
    });
    var fieldVectors = Object.keys(vectors).map(function (ref) { return [ref, vectors[ref]]; });
    return { version: "2.3.9", fields: fields, fieldVectors: fieldVectors, invertedIndex: inverted, pipeline: [] };
  }

  /* Position of the run (shard) that holds item `at`, given each run's first position. */
  function shardOf(starts, at) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function create(payload, options, lunrLib, morphologyLib, load) {
    var lunr = lunrLib || root.lunr;
    var Morphology = morphologyLib || root.KbMorphology;
    var m = Morphology.create(payload.table, payload.lexicon, payload.bridge);
    var terms = payload.terms;
    var df = payload.df;
    var parents = payload.parents;
    var count = payload.count;
    var positions = Object.create(null);
    for (var t = 0; t < terms.length; t++) positions[terms[t]] = t;
    // lunr's token set of every term expands prefixes and typos; the postings
    // of the terms loaded so far are kept as they come (see score()).
    var tokenSet = lunr.TokenSet.fromArray(terms);
    var postings = new Array(terms.length);
    var docs = new Array(count);
    var termStarts = payload.termShards || [0];
    var docStarts = payload.docShards || [0];
    var loaded = { t: [], d: [] };  // shard number -> true, or the pending promise

    function addPostings(start, list) {
      for (var i = 0; i < list.length; i++) postings[start + i] = list[i];
    }

    function addDocs(start, list) {
      for (var i = 0; i < list.length; i++) docs[start + i] = list[i];
    }

    if (payload.postings) {
      addPostings(0, payload.postings);
      addDocs(0, payload.docs);
      loaded.t[0] = loaded.d[0] = true;
    }

    /* Load the shards (numbers) of one kind ("t" or "d") not loaded yet. */
    function ensure(kind, numbers) {
      var pending = [];
      numbers.forEach(function (n) {
        if (loaded[kind][n] === true) return;
        if (!loaded[kind][n]) {
          var starts = kind === "t" ? termStarts : docStarts;
          loaded[kind][n] = load(kind + n).then(function (list) {
            if (kind === "t") addPostings(starts[n], list); else addDocs(starts[n], list);
            loaded[kind][n] = true;
          }, function (error) {
            loaded[kind][n] = undefined;  // try again with the next query
            throw error;
          });
        }
        pending.push(loaded[kind][n]);
      });
      return Promise.all(pending);
    }
    var settings = payload.options || {};
    var fuzzyMin = settings.fuzzy_min || 5;
    var excerptLength = settings.excerpt || 180;
    var maxResults = settings.max_results || 50;
    var suggest = !!(options && options.suggest);
    var synonyms = payload.synonyms || [];
    var functionWords = Object.create(null);
    (payload.functionWords || []).forEach(function (w) { functionWords[w] = true; });
    var definitions = payload.glossary || [];
    var glossaryPages = Object.create(null);
    definitions.forEach(function (d) { glossaryPages[parents[d.r]] = true; });
    var fallbackPages = payload.fallback || [];
    var messages = payload.messages || {};
    var analysed = new Array(docs.length);  // doc -> {title: tokens, text: tokens}, on demand
    function hasTerm(term) { return positions[term] !== undefined; }

    /* Tokens of a stored text with their key and folded form (once per doc). */
    function analyse(text) {
      return m.tokenize(text).map(function (t) {
        return {
          start: t.start, end: t.end, text: t.text, lower: t.text.toLowerCase(),
          key: m.key(t.text), fold: m.fold(t.text)
        };
      });
    }

    function analysis(ref) {
      var a = analysed[ref];
      if (!a) a = analysed[ref] = { title: analyse(docs[ref].t), text: analyse(docs[ref].x) };
      return a;
    }

    /* Query words: what the indexer would have produced for the same text. */
    function words(raw) {
      var tokens = m.tokenize(raw);
      var typing = tokens.length > 0 && tokens[tokens.length - 1].end === raw.length;
      var seen = Object.create(null);
      var out = [];
      tokens.forEach(function (t, i) {
        var word = {
          text: t.text, key: m.key(t.text), fold: m.fold(t.text),
          prefix: typing && i === tokens.length - 1, unit: 0, span: 1
        };
        word.func = functionWords[word.fold] === true;
        var id = word.key + "\u0000" + word.fold + "\u0000" + word.prefix;
        if (!seen[id]) { seen[id] = true; word.unit = out.length; out.push(word); }
      });
      // A query of function words only ("jak", "kas on") is all content.
      if (out.every(function (word) { return word.func; })) out.forEach(function (word) { word.func = false; });
      return out;
    }

    /*
     * Index terms a word stands for, with their boost: its key and folded
     * form; for the word being typed, the terms its folded form begins;
     * keys sharing its stem; and only for a word the index does not know at
     * all, terms one edit away (a typo).
     */
    function expansions(word) {
      var terms = Object.create(null);
      function add(boost) {
        return function (term) {
          // A content word never stands for a function word (nehovorí is not "neho").
          if (!word.func && functionWords[term] === true) return;
          if (!(terms[term] >= boost)) terms[term] = boost;
        };
      }
      var forms = word.key === word.fold ? [word.key] : [word.key, word.fold];
      forms.forEach(function (form) { if (hasTerm(form)) terms[form] = 1; });
      // On a big site, a word whose own key already meets a large share of
      // the documents: its completions and stem neighbours would only re-score
      // documents it meets anyway, and they are the largest postings there are.
      var common = count >= COMMON_MIN_DOCUMENTS && hasTerm(word.key) &&
        df[positions[word.key]] >= count * COMMON_SHARE;
      if (word.prefix && !common) completions(word.fold).forEach(add(PREFIX_BOOST));
      var known = Object.keys(terms).length > 0;
      // A function word stands for itself (and, being typed, its completions).
      if (word.func) return terms;
      if (!common) neighbours(word.key, add(NEIGHBOUR_BOOST));
      if (!common) compounds(word.key, add(COMPOUND_BOOST));
      if (!known && !DIGIT.test(word.fold)) {
        fuzzy(forms, 1, fuzzyMin, add(FUZZY_BOOST));
        if (!Object.keys(terms).length) fuzzy(forms, 2, FUZZY2_MIN, add(FUZZY_BOOST * FUZZY_BOOST));
        if (!Object.keys(terms).length) stemPrefix(word.key, add(STEM_PREFIX_BOOST));
      }
      return terms;
    }

    /* Terms `distance` edits away from a form at least `min` letters long. */
    function fuzzy(forms, distance, min, add) {
      forms.forEach(function (form) {
        if (Morphology.cpLength(form) < min) return;
        tokenSet.intersect(lunr.TokenSet.fromFuzzyString(form, distance)).toArray().forEach(add);
      });
    }

    /*
     * The completions of the longest prefix of an unknown key that has any
     * (samoobsluha -> samoobslu* -> samoobslužnosť), down to STEM_PREFIX_SHARE
     * of the key and never below STEM_PREFIX_MIN letters.
     */
    function stemPrefix(key, add) {
      var length = key.length;
      var shortest = Math.max(STEM_PREFIX_MIN, Math.ceil(length * STEM_PREFIX_SHARE));
      for (var n = length - 1; n >= shortest; n--) {
        var found = completions(key.slice(0, n));
        if (found.length) { found.forEach(add); return; }
      }
    }

    /* A known index form of a part of a compound: its key or its folded form. */
    function knownPart(text) {
      if (Morphology.cpLength(text) < SPLIT_PART || DIGIT.test(text)) return null;
      var key = m.key(text), fold = m.fold(text);
      if (hasTerm(key)) return { text: text, key: key, fold: fold };
      if (hasTerm(fold)) return { text: text, key: fold, fold: fold };
      return null;
    }

    /* An unknown word as two known words (the split with the longer shorter part), or null. */
    function compound(word) {
      var chars = Array.from(word.fold), best = null, bestShort = 0;
      for (var i = SPLIT_PART; i <= chars.length - SPLIT_PART; i++) {
        var shorter = Math.min(i, chars.length - i);
        if (shorter <= bestShort) continue;
        var left = knownPart(chars.slice(0, i).join("")), right = left && knownPart(chars.slice(i).join(""));
        if (left && right) { best = [left, right]; bestShort = shorter; }
      }
      return best;
    }

    /*
     * Keys that share a stem with this one (inflection and derivation the
     * rules leave apart, such as Estonian uudiskiri/uudiskirja,
     * muutmine/muuta or Slovak zrušiť/zrušenie): keys that extend this one
     * by a little (the shorter keeps NEIGHBOUR_SHARE of the longer), and
     * stems this one extends (down to NEIGHBOUR_STEM of its length: a
     * verbal noun against its verb). Never below NEIGHBOUR_MIN letters.
     */
    function neighbours(key, add) {
      var length = key.length;
      if (length < NEIGHBOUR_MIN || DIGIT.test(key)) return;
      var longest = Math.floor(length / NEIGHBOUR_SHARE);
      expand(key + "*", function (term) {
        if (term.length > length && term.length <= longest) add(term);
      });
      var shortest = Math.max(NEIGHBOUR_MIN, Math.ceil(length * NEIGHBOUR_STEM));
      for (var n = length - 1; n >= shortest; n--) {
        if (hasTerm(key.slice(0, n))) add(key.slice(0, n));
      }
      siblings(key, shortest, hasTerm(key), add);
    }

    /*
     * Keys are lemmas, so a derivational family differs in its ending, not
     * by a prefix: Estonian tagastamine/tagastama, Slovak vrátenie/vrátiť.
     * Terms that share all but the last SIBLING_ENDING letters of the key
     * and end in at most as many letters of their own (a ranking signal:
     * NEIGHBOUR_BOOST).
     */
    function siblings(key, shortest, known, add) {
      var length = key.length;
      for (var n = length - 1; n >= Math.max(shortest, length - SIBLING_ENDING); n--) {
        expand(key.slice(0, n) + "*", function (term) {
          // For a key the index has, a term of about its length is more often
          // another inflected spelling (the exact field's `reklamacji`) than a
          // derivation; it would outrank the exact form the visitor typed.
          if (term === key || term.length > n + SIBLING_ENDING) return;
          if (!known || Math.abs(term.length - length) >= 2) add(term);
        });
      }
    }

    /*
     * Compounds, a ranking signal: a word finds the compounds it ends
     * (teenindus -> klienditeenindus) and a compound finds its last part
     * (tooteteadmised -> teadmised). Parts of at least COMPOUND_PART letters.
     */
    function compounds(key, add) {
      var length = key.length;
      if (length < COMPOUND_PART || DIGIT.test(key)) return;
      expand("*" + key, function (term) {
        if (term.length >= length + COMPOUND_PART - 2 && term.slice(-length) === key) add(term);
      });
      for (var n = COMPOUND_PART - 2; n <= length - COMPOUND_PART; n++) {
        if (hasTerm(key.slice(n))) add(key.slice(n));
      }
    }

    /* Terms that begin with what is typed; the most frequent ones when there are many. */
    function completions(prefix) {
      var terms = tokenSet.intersect(lunr.TokenSet.fromString(prefix + "*")).toArray();
      if (terms.length <= PREFIX_LIMIT) return terms;
      return terms
        .map(function (term) { return [term, frequency(term)]; })
        .sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })
        .slice(0, PREFIX_LIMIT)
        .map(function (pair) { return pair[0]; });
    }

    function frequency(term) {
      return df[positions[term]];
    }

    function expand(pattern, add) {
      tokenSet.intersect(lunr.TokenSet.fromString(pattern)).toArray().forEach(add);
    }

    /*
     * lunr.js's score of one query of boosted term clauses, straight from the
     * postings: lunr's query() sums, over a document's fields, the dot
     * product of the query vector (each term's boost) with the field vector
     * (each term's BM25 weight), divided by the query vector's length. The
     * same sum over the postings of the query's terms gives the same numbers
     * (tests compare it with lunr.Index#query) without building lunr's
     * inverted index, field vectors and match data for every document a
     * common word meets: ref -> {score, terms}.
     */
    function score(boosts) {
      var list = Object.keys(boosts);
      var norm = 0;
      // Like lunr, only terms the index has count in the query vector.
      for (var i = 0; i < list.length; i++) if (hasTerm(list[i])) norm += boosts[list[i]] * boosts[list[i]];
      norm = Math.sqrt(norm);
      // Typed arrays over all documents: a common word meets most of them,
      // and an object per document was most of a first query's time (GC).
      var scores = new Float64Array(count);
      var seen = new Uint8Array(count);
      var refs = [];
      for (var j = 0; j < list.length; j++) {
        var term = list[j], boost = boosts[term] / norm, flat = postings[positions[term]];
        if (!flat) continue;
        for (var k = 0; k < flat.length; k += 3) {
          var ref = flat[k];
          if (!seen[ref]) { seen[ref] = 1; refs.push(ref); }
          scores[ref] += boost * flat[k + 2];
        }
      }
      /* Terms of the query with a posting for `ref` (postings are in document order). */
      function termsAt(ref) {
        var out = [];
        for (var t = 0; t < list.length; t++) {
          var flat = postings[positions[list[t]]];
          if (!flat) continue;
          var lo = 0, hi = flat.length / 3 - 1;
          while (lo <= hi) {
            var mid = (lo + hi) >> 1, at = flat[mid * 3];
            if (at < ref) lo = mid + 1; else if (at > ref) hi = mid - 1; else { out.push(list[t]); break; }
          }
        }
        return out;
      }
      return { scores: scores, seen: seen, refs: refs, matches: refs.length, termsAt: termsAt };
    }

    /* score() as ref -> {score, terms} (tests compare it with lunr.js's query()). */
    function scoreMap(boosts) {
      var scored = score(boosts);
      var hits = Object.create(null);
      scored.refs.forEach(function (ref) {
        hits[ref] = { score: scored.scores[ref], terms: scored.termsAt(ref) };
      });
      return { hits: hits, matches: scored.matches };
    }

    /* One query per word: its scores, and the word's weight. */
    function runWord(word, terms) {
      var scored = score(terms);
      // Rarer words weigh more in "how much of the query a document covers".
      scored.weight = Math.log(1 + count / (1 + scored.matches));
      return scored;
    }

    function wordId(word) { return word.key + "\u0000" + word.fold + "\u0000" + word.prefix; }

    /* A word's expansions, once per query (cache.terms) and its lunr results (cache.runs). */
    function termsOf(word, cache) {
      var id = wordId(word);
      return cache.terms[id] || (cache.terms[id] = expansions(word));
    }

    function run(word, cache) {
      var id = wordId(word);
      return cache.runs[id] || (cache.runs[id] = runWord(word, termsOf(word, cache)));
    }

    /*
     * Rank documents for one variant of the query: {refs, rank (by ref)}.
     * Coverage is measured against the words as typed: a synonym that
     * replaced some of them stands for their weight, covered in proportion
     * to how many of its own words matched.
     */
    function rank(variant, typed, cache) {
      var weights = typed.map(function (word) { return word.func ? 0 : run(word, cache).weight; });
      var functionWeights = typed.map(function (word) { return word.func ? run(word, cache).weight : 0; });
      function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
      var total = sum(weights), functionTotal = sum(functionWeights);
      if (!(total + functionTotal > 0)) total = 1;
      var sizes = typed.map(function () { return 0; });
      var unitWeights = typed.map(function () { return 0; });
      var unitFunctionWeights = typed.map(function () { return 0; });
      variant.forEach(function (word) {
        sizes[word.unit] += 1;
        unitWeights[word.unit] = sum(weights.slice(word.unit, word.unit + word.span));
        unitFunctionWeights[word.unit] = sum(functionWeights.slice(word.unit, word.unit + word.span));
      });
      var sums = new Float64Array(count), covered = new Float64Array(count), seen = new Uint8Array(count);
      var functionCovered = new Float64Array(count);
      var refs = [];
      variant.forEach(function (word) {
        var scored = run(word, cache), size = sizes[word.unit];
        var share = unitWeights[word.unit] / size, functionShare = unitFunctionWeights[word.unit] / size;
        for (var i = 0; i < scored.refs.length; i++) {
          var ref = scored.refs[i];
          if (!seen[ref]) { seen[ref] = 1; refs.push(ref); }
          sums[ref] += scored.scores[ref];
          covered[ref] += share;
          functionCovered[ref] += functionShare;
        }
      });
      var ranks = new Float64Array(count), content = new Uint8Array(count);
      for (var j = 0; j < refs.length; j++) {
        var r = refs[j];
        // Coverage first (every word above some; a function word weighs a
        // tenth), then a small bonus for the function words met, lunr's score
        // last, in a range Material still tells apart at the two decimals it
        // renders. Documents that meet no content word are dropped (evaluate).
        var coverage = (covered[r] + FUNCTION_SHARE * functionCovered[r]) / (total + FUNCTION_SHARE * functionTotal);
        ranks[r] = 10000 * coverage + (functionTotal > 0 ? FUNCTION_TIER * functionCovered[r] / functionTotal : 0) +
          100 * sums[r] / (sums[r] + SCORE_HALF);
        content[r] = covered[r] > 0 ? 1 : 0;
      }
      return { refs: refs, rank: ranks, content: content, variant: variant };
    }

    /* Words of a variant that matched a document. */
    function matchedWords(variant, ref, cache) {
      return variant.filter(function (word) { return run(word, cache).seen[ref] === 1; });
    }

    /* Index terms that matched a shown document, over every variant of the query. */
    function matchedTerms(ref, rankings, cache) {
      var found = Object.create(null);
      rankings.forEach(function (ranked) {
        matchedWords(ranked.variant, ref, cache).forEach(function (word) {
          run(word, cache).termsAt(ref).forEach(function (term) { found[term] = true; });
        });
      });
      return found;
    }

    /*
     * The query as typed, plus the same query with each glossary name swapped
     * for its synonyms, and with each unknown word split into two known ones.
     */
    function variants(list, cache) {
      var out = [];
      list.forEach(function (word, i) {
        if (word.func || DIGIT.test(word.fold) || Object.keys(termsOf(word, cache)).length) return;
        var parts = compound(word);
        if (!parts) return;
        var split = parts.map(function (part) {
          return { text: part.text, key: part.key, fold: part.fold, prefix: false, unit: i, span: 1 };
        });
        out.push(list.slice(0, i).concat(split, list.slice(i + 1)));
      });
      for (var g = 0; g < synonyms.length && out.length < MAX_VARIANTS; g++) {
        var names = synonyms[g];
        for (var n = 0; n < names.length; n++) {
          var name = names[n];
          for (var i = 0; i + name.length <= list.length; i++) {
            var same = true;
            for (var j = 0; j < name.length && same; j++) same = list[i + j].key === name[j][0];
            if (!same) continue;
            for (var o = 0; o < names.length && out.length < MAX_VARIANTS; o++) {
              if (o === n) continue;
              var swapped = names[o].map(function (pair) {
                return { text: pair[1], key: pair[0], fold: pair[1], prefix: false, synonym: true,
                         unit: i, span: name.length };
              });
              out.push(list.slice(0, i).concat(swapped, list.slice(i + name.length)));
            }
          }
        }
      }
      return out;
    }

    function highlight(text, tokens, from, to, terms) {
      var html = "";
      var at = from;
      for (var i = 0; i < tokens.length; i++) {
        var t = tokens[i];
        if (t.start < from || t.end > to) continue;
        if (!(terms[t.key] || terms[t.fold])) continue;
        html += escapeHtml(text.slice(at, t.start)) + "<mark>" + escapeHtml(t.text) + "</mark>";
        at = t.end;
      }
      return html + escapeHtml(text.slice(at, to));
    }

    /* The part of a text around its densest matches, escaped, matches in <mark>. */
    function excerpt(text, tokens, terms) {
      if (text.length <= excerptLength) return highlight(text, tokens, 0, text.length, terms);
      var hits = tokens.filter(function (t) { return terms[t.key] || terms[t.fold]; });
      var start = 0;
      if (hits.length) {
        var best = 0, bestCount = -1;
        for (var i = 0; i < hits.length; i++) {
          var seen = Object.create(null), count = 0;
          for (var j = i; j < hits.length && hits[j].end <= hits[i].start + excerptLength * 0.75; j++) {
            if (!seen[hits[j].key]) { seen[hits[j].key] = true; count++; }
          }
          if (count > bestCount) { best = i; bestCount = count; }
        }
        start = Math.max(0, hits[best].start - Math.floor(excerptLength / 4));
      }
      var first = tokens.find(function (t) { return t.start >= start; });
      start = start === 0 || !first ? 0 : first.start;
      var end = start;
      for (var k = 0; k < tokens.length; k++) {
        if (tokens[k].start < start) continue;
        if (tokens[k].end - start > excerptLength) break;
        end = tokens[k].end;
      }
      if (end === start) end = Math.min(text.length, start + excerptLength);
      var tail = text.slice(end).match(/^[^\s\p{L}\p{N}]*/u)[0];  // closing punctuation
      end += tail.length;
      return (start > 0 ? "… " : "") + highlight(text, tokens, start, end, terms) +
        (end < text.length ? " …" : "");
    }

    /* Words of a document to pass on (true) and query words it lacks (false). */
    function itemTerms(a, found, list, matched) {
      var out = Object.create(null);
      var count = 0;
      var tokens = a.title.concat(a.text);
      for (var i = 0; i < tokens.length && count < MAX_TERMS; i++) {
        var t = tokens[i];
        if ((found[t.key] || found[t.fold]) && !out[t.lower]) {
          out[t.lower] = true;
          count++;
        }
      }
      list.forEach(function (word) {
        if (word.synonym || word.func || matched.indexOf(word) >= 0) return;
        var typed = word.text.toLowerCase();
        if (!(typed in out)) out[typed] = false;
      });
      return out;
    }

    function item(ref, found, score, list, matched) {
      var doc = docs[ref];
      var a = analysis(ref);
      return {
        location: doc.l,
        title: highlight(doc.t, a.title, 0, doc.t.length, found),
        text: excerpt(doc.x, a.text, found),
        score: score,
        terms: itemTerms(a, found, list, matched)
      };
    }

    /* A completion of the last word as typed, taken from the best result. */
    function suggestion(raw, list, best) {
      var last = list[list.length - 1];
      if (!last || !last.prefix || best === undefined) return [];
      var typed = raw.slice(raw.length - last.text.length);
      var lower = typed.toLowerCase();
      var a = analysis(best);
      var tokens = a.title.concat(a.text);
      for (var i = 0; i < tokens.length; i++) {
        var t = tokens[i].text;
        if (t.length > typed.length && t.toLowerCase().startsWith(lower)) {
          return [typed + t.slice(typed.length)];
        }
      }
      return [];
    }

    function search(raw) {
      var list = words(String(raw || ""));
      if (!list.length) return Promise.resolve({ items: [] });
      var cache = { terms: Object.create(null), runs: Object.create(null) };
      var all = [list].concat(variants(list, cache));
      var shards = Object.create(null);
      all.forEach(function (variant) {
        variant.concat(list).forEach(function (word) {
          for (var term in termsOf(word, cache)) shards[shardOf(termStarts, positions[term])] = true;
        });
      });
      return ensure("t", Object.keys(shards).map(Number)).then(function () {
        return evaluate(raw, list, all, cache);
      });
    }

    /* Rank with every needed posting loaded; load the texts of the results shown. */
    function evaluate(raw, list, all, cache) {
      var best = new Float64Array(count);  // ref -> rank in its best variant
      var bestVariant = new Int32Array(count).fill(-1);
      var content = new Uint8Array(count);  // ref -> meets a content word in some variant
      var anyContent = false;
      var rankings = all.map(function (variant, v) {
        var ranked = rank(variant, list, cache);
        var factor = v > 0 ? VARIANT : 1;
        for (var i = 0; i < ranked.refs.length; i++) {
          var ref = ranked.refs[i], value = ranked.rank[ref] * factor;
          if (bestVariant[ref] < 0 || value > best[ref]) { best[ref] = value; bestVariant[ref] = v; }
          if (ranked.content[ref]) { content[ref] = 1; anyContent = true; }
        }
        return ranked;
      });

      var groups = Object.create(null);
      var order = [];
      for (var ref = 0; ref < count; ref++) {
        // A document that meets nothing but function words is never shown.
        if (bestVariant[ref] < 0 || !content[ref]) continue;
        var parent = parents[ref];
        if (!groups[parent]) { groups[parent] = []; order.push(parent); }
        groups[parent].push(ref);
      }
      if (!anyContent) return deadEnd(list, cache);
      var tops = order.map(function (parent) {
        var refs = groups[parent], top = refs[0];
        for (var i = 1; i < refs.length; i++) if (best[refs[i]] > best[top]) top = refs[i];
        return { parent: parent, top: best[top] };
      }).sort(function (a, b) { return b.top - a.top || a.parent - b.parent; }).slice(0, maxResults);
      var ranked = tops.map(function (group) {
        var refs = groups[group.parent]
          .sort(function (a, b) { return best[b] - best[a] || a - b; })
          .slice(0, MAX_SECTIONS);
        return { parent: group.parent, refs: refs, top: group.top };
      });
      var card = definitionFor(list);

      var shown = Object.create(null);
      ranked.forEach(function (group) {
        group.refs.concat([group.parent]).forEach(function (ref) { shown[shardOf(docStarts, ref)] = true; });
      });
      if (card) [card.r, parents[card.r]].forEach(function (ref) { shown[shardOf(docStarts, ref)] = true; });
      return ensure("d", Object.keys(shown).map(Number)).then(function () {
        ranked = glossaryInPlace(ranked, list, cache);
        return present(raw, list, ranked, { rank: best, variant: bestVariant }, all, rankings, cache, card);
      });
    }

    /*
     * The glossary term the query names, or null: a name (term, alias,
     * abbreviation) whose words appear in a row in the query, by key (any
     * inflected form) or as written, and cover every content word of the
     * query ("NPS", "čo je NPS", "marketingu szeptanego"). The longest name wins.
     */
    function definitionFor(list) {
      var contents = list.filter(function (word) { return !word.func; }).length;
      var found = null, foundWords = 0;
      definitions.forEach(function (definition) {
        definition.n.forEach(function (name) {
          for (var i = 0; i + name.length <= list.length; i++) {
            var same = true, covered = 0;
            for (var j = 0; j < name.length && same; j++) {
              var word = list[i + j];
              same = word.key === name[j][0] || word.fold === name[j][1];
              if (!word.func) covered++;
            }
            if (same && covered === contents && name.length > foundWords) { found = definition; foundWords = name.length; }
          }
        });
      });
      return found;
    }

    /* Whether a document's heading (or FAQ question) holds every content word of the query. */
    function headingHoldsAll(ref, list, cache) {
      var title = analysis(ref).title;
      return list.every(function (word) {
        if (word.func) return true;
        var terms = termsOf(word, cache);
        return title.some(function (t) { return terms[t.key] || terms[t.fold]; });
      });
    }

    /* The glossary page's group moved below every group led by a heading with all content words. */
    function glossaryInPlace(ranked, list, cache) {
      var at = ranked.findIndex(function (group) { return glossaryPages[group.parent]; });
      if (at < 0) return ranked;
      var below = at;
      for (var i = at + 1; i < ranked.length; i++) {
        if (headingHoldsAll(ranked[i].refs[0], list, cache)) below = i;
      }
      if (below === at) return ranked;
      var out = ranked.slice();
      var glossary = out.splice(at, 1)[0];
      out.splice(below, 0, glossary);
      return out;
    }

    function present(raw, list, ranked, best, all, rankings, cache, card) {
      function shownItem(ref) {
        var v = best.variant[ref];
        if (v < 0) return item(ref, Object.create(null), 0, [], []);
        return item(ref, matchedTerms(ref, rankings, cache), best.rank[ref], all[v],
                    matchedWords(all[v], ref, cache));
      }
      var items = [];
      if (card) {
        // The definition card replaces the glossary page's group (its other entries).
        ranked = ranked.filter(function (group) { return group.parent !== parents[card.r]; });
        var top = ranked.length ? ranked[0].top : 0;
        items.push([definitionItem(card, top + 1), shownItem(parents[card.r])]);
      }
      items = items.concat(ranked.map(function (group) {
        var out = group.refs.map(shownItem);
        // Material groups by page and expects the page's own entry in the group.
        if (group.refs.indexOf(group.parent) < 0) out.push(shownItem(group.parent));
        return out;
      }));
      var result = { items: items };
      if (suggest) result.suggest = suggestion(String(raw), list, ranked.length ? ranked[0].refs[0] : undefined);
      return result;
    }

    /* The card: the term's entry (a link to it), labelled, with its definition. */
    function definitionItem(card, score) {
      var doc = docs[card.r];
      return {
        location: doc.l,
        title: '<span class="kb-search-definition__label">' + escapeHtml(messages.definition || "Definition") +
          ":</span> " + escapeHtml(doc.t),
        text: '<p class="kb-search-definition">' + escapeHtml(card.d) + "</p>",
        score: score,
        terms: {}
      };
    }

    /*
     * Nothing met a content word: the closest words of the site ("did you
     * mean", a link that searches for them) and the fallback pages.
     */
    function deadEnd(list, cache) {
      var typed = list.filter(function (word) { return !word.func; });
      var replaced = typed.map(function (word) {
        if (Object.keys(termsOf(word, cache)).length || DIGIT.test(word.fold)) return null;
        return closest(word.fold);
      });
      var termShards = Object.create(null), firstDocs = [];
      replaced.forEach(function (term) { if (term) termShards[shardOf(termStarts, positions[term])] = true; });
      return ensure("t", Object.keys(termShards).map(Number)).then(function () {
        var shown = Object.create(null);
        replaced.forEach(function (term, i) {
          firstDocs[i] = term ? postings[positions[term]][0] : -1;
          if (term) shown[shardOf(docStarts, firstDocs[i])] = true;
        });
        fallbackPages.forEach(function (ref) { shown[shardOf(docStarts, ref)] = true; });
        return ensure("d", Object.keys(shown).map(Number));
      }).then(function () {
        var items = [];
        var changed = false;
        var words = typed.map(function (word, i) {
          if (!replaced[i]) return word.text;
          changed = true;
          return surfaceOf(replaced[i], firstDocs[i]) || replaced[i];
        });
        var note = escapeHtml(messages.noMatch || "");
        var missing = Object.create(null);
        typed.forEach(function (word) { missing[word.text.toLowerCase()] = false; });
        if (changed) {
          var text = words.join(" ");
          items.push([{
            location: "?q=" + encodeURIComponent(text),
            title: escapeHtml(messages.didYouMean || "Did you mean") + ': <span class="kb-search-suggestion">' +
              escapeHtml(text) + "</span>?",
            text: note ? '<p class="kb-search-fallback">' + note + "</p>" : "",
            score: 0,
            terms: {}
          }]);
          note = "";
        }
        fallbackPages.forEach(function (ref) {
          var doc = docs[ref];
          var a = analysis(ref);
          var text = excerpt(doc.x, a.text, Object.create(null));
          if (note) { text = '<p class="kb-search-fallback">' + note + "</p>" + text; note = ""; }
          items.push([{ location: doc.l, title: escapeHtml(doc.t), text: text, score: 0, terms: missing }]);
        });
        return { items: items };
      });
    }

    /*
     * The index term most like an unknown folded word (Dice's coefficient of
     * letter pairs), or null. One pass over the terms without allocating per
     * term beyond its pairs: it runs only when nothing matched.
     */
    function closest(fold) {
      var index = Object.create(null), wanted = [], pairs = 0;
      for (var i = 0; i + 1 < fold.length; i++) {
        var pair = fold.substr(i, 2);
        if (index[pair] === undefined) { index[pair] = wanted.length; wanted.push(0); }
        wanted[index[pair]]++;
        pairs++;
      }
      if (pairs < SUGGEST_LENGTH - 1) return null;
      var left = new Int32Array(wanted.length);
      var best = null, bestScore = SUGGEST_MIN, bestFrequency = 0;
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t];
        if (Math.abs(term.length - fold.length) > 3 || DIGIT.test(term)) continue;
        left.set(wanted);
        var common = 0;
        for (var j = 0; j + 1 < term.length; j++) {
          var at = index[term.substr(j, 2)];
          if (at !== undefined && left[at] > 0) { left[at]--; common++; }
        }
        var score = 2 * common / (pairs + term.length - 1);
        if (score > bestScore || (score === bestScore && best !== null && df[t] > bestFrequency)) {
          best = term; bestScore = score; bestFrequency = df[t];
        }
      }
      return best;
    }

    /* A term as written in a document that holds it (a key is a stem, not a word). */
    function surfaceOf(term, ref) {
      if (ref === undefined || ref < 0 || !docs[ref]) return null;
      var a = analysis(ref), tokens = a.title.concat(a.text);
      var exact = tokens.find(function (t) { return t.fold === term; });
      var stem = exact || tokens.find(function (t) { return t.key === term; });
      return stem ? stem.lower : null;
    }

    /*
     * Analyse up to `count` more documents for highlighting (the worker
     * calls this while idle, so the first query does not pay for it).
     * Returns false when every document is done.
     */
    var warmed = 0;
    function warm(size) {
      for (var end = Math.min(count, warmed + size); warmed < end; warmed++) if (docs[warmed]) analysis(warmed);
      return warmed < count;
    }

    return { search: search, warm: warm, words: words, expansions: expansions, rank: rank, scoreMap: scoreMap,
             docs: docs, loaded: loaded };
  }

  var api = { create: create, unpack: unpack, shardOf: shardOf, escapeHtml: escapeHtml };
  if (root) root.KbSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
