/*
 * KbSearchScoring: how well documents answer a query.
 *
 * score() is lunr.js's score of one query of boosted terms, computed straight
 * from kb-search's postings (each term's documents with their BM25 weight per
 * field). rank() orders documents for one variant of a query: by how much of
 * the query they cover (rarer words weigh more, a function word a tenth of a
 * content word, and a word counts by how strongly the document meets it:
 * in a heading nearly fully, once in body text about half; a function word
 * up to twice its tenth where it is met as strongly as anywhere on the site,
 * as in a FAQ question worded like the query), then a small bonus for the
 * function words met, then lunr's score; a document that meets no content
 * word is marked for dropping.
 *
 *   var scored = KbSearchScoring.score({postings, position, count}, {term: boost})
 *   scored.scores[ref], scored.refs, scored.termsAt(ref)
 */
(function (root) {
  "use strict";

  var SCORE_HALF = 20;      // the lunr score that fills half of the score part of a rank
  var FUNCTION_SHARE = 0.1;  // a function word's weight in coverage, against a content word's 1
  var FUNCTION_TIER = 300;   // and a bonus for meeting them (every content word is worth up to 10000)
  // A function word met anywhere counts its share; met as strongly as its
  // strongest match on the site (its lunr score against the best), up to
  // FUNCTION_STRONG times that again. "czy", "jedno", "może" in the FAQ
  // question "Czy jedna zła rozmowa może…?" say more than the same words
  // scattered through body text; lunr's score alone hides that, since a
  // common word's score is small even in a heading.
  var FUNCTION_STRONG = 1;
  // How strongly a document meets a word: its lunr score for the word s
  // counts s / (s + STRENGTH_HALF) of the word's weight in coverage. Met once
  // in body text (a score of 2 to 4) about half; in a heading or FAQ question
  // (20 and more) nearly all; through a weak relative only (a 0.4 stem
  // neighbour in the text, below 1) a little.
  var STRENGTH_HALF = 4;

  /*
   * lunr.js's score of one query of boosted term clauses, straight from the
   * postings: lunr's query() sums, over a document's fields, the dot
   * product of the query vector (each term's boost) with the field vector
   * (each term's BM25 weight), divided by the query vector's length. The
   * same sum over the postings of the query's terms gives the same numbers
   * (tests compare it with lunr.Index#query) without building lunr's
   * inverted index, field vectors and match data for every document a
   * common word meets: {scores and seen (by ref), refs, matches, termsAt(ref)}.
   */
  function score(index, boosts) {
    var postings = index.postings, position = index.position, count = index.count;
    var list = Object.keys(boosts);
    var norm = 0;
    // Like lunr, only terms the index has count in the query vector.
    for (var i = 0; i < list.length; i++) if (position(list[i]) !== undefined) norm += boosts[list[i]] * boosts[list[i]];
    norm = Math.sqrt(norm);
    // Typed arrays over all documents: a common word meets most of them,
    // and an object per document was most of a first query's time (GC).
    var scores = new Float64Array(count);
    var seen = new Uint8Array(count);
    var refs = [];
    for (var j = 0; j < list.length; j++) {
      var term = list[j], boost = boosts[term] / norm, flat = postings[position(term)];
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
        var flat = postings[position(list[t])];
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

  /* A word's best lunr score over the documents it meets (kept on its run). */
  function strongest(scored) {
    if (scored.strongest === undefined) {
      var top = 0;
      for (var i = 0; i < scored.refs.length; i++) top = Math.max(top, scored.scores[scored.refs[i]]);
      scored.strongest = top;
    }
    return scored.strongest;
  }

  /* A word's weight in coverage: rarer words (fewer `matches` among `count` documents) weigh more. */
  function weight(matches, count) {
    return Math.log(1 + count / (1 + matches));
  }

  /*
   * Rank documents for one variant of the query: {refs, rank (by ref)}.
   * Coverage is measured against the words as typed: a synonym that
   * replaced some of them stands for their weight, covered in proportion
   * to how many of its own words matched.
   */
  function rank(variant, typed, run, count) {
    var weights = typed.map(function (word) { return word.func ? 0 : run(word).weight; });
    var functionWeights = typed.map(function (word) { return word.func ? run(word).weight : 0; });
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
    var functionMet = new Float64Array(count), functionStrength = new Float64Array(count);
    var refs = [];
    variant.forEach(function (word) {
      var scored = run(word), size = sizes[word.unit];
      var share = unitWeights[word.unit] / size, functionShare = unitFunctionWeights[word.unit] / size;
      for (var i = 0; i < scored.refs.length; i++) {
        var ref = scored.refs[i];
        if (!seen[ref]) { seen[ref] = 1; refs.push(ref); }
        sums[ref] += scored.scores[ref];
        covered[ref] += share * scored.scores[ref] / (scored.scores[ref] + STRENGTH_HALF);
        if (functionShare > 0) {
          var top = strongest(scored);
          functionMet[ref] += functionShare;
          functionStrength[ref] += functionShare * (top > 0 ? FUNCTION_STRONG * scored.scores[ref] / top : 0);
        }
      }
    });
    var ranks = new Float64Array(count), content = new Uint8Array(count);
    for (var j = 0; j < refs.length; j++) {
      var r = refs[j];
      // How strongly function words are met counts only beside a content word:
      // a document meeting nothing else stays where it was (and is dropped).
      var functionCovered = functionMet[r] + (covered[r] > 0 ? functionStrength[r] : 0);
      // Coverage first (a word by its weight and how strongly it is met; a
      // function word weighs a tenth, up to twice that met strongly), then a
      // small bonus for the function words met, lunr's score
      // last, in a range Material still tells apart at the two decimals it
      // renders. Documents that meet no content word are dropped (engine.js).
      var coverage = (covered[r] + FUNCTION_SHARE * functionCovered) / (total + FUNCTION_SHARE * functionTotal);
      ranks[r] = 10000 * coverage + (functionTotal > 0 ? FUNCTION_TIER * functionCovered / functionTotal : 0) +
        100 * sums[r] / (sums[r] + SCORE_HALF);
      content[r] = covered[r] > 0 ? 1 : 0;
    }
    return { refs: refs, rank: ranks, content: content, variant: variant };
  }

  var api = { score: score, weight: weight, rank: rank };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbSearchScoring = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
