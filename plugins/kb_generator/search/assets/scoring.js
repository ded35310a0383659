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
 *   var scored = KbSearchScoring.score({postings, position, count}, {term: boost}, {relative: boost})
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
   * `related` (optional): the word's derivational relatives (lexicon.js's
   * family()). Their scores add to the word's, but the query norm and
   * `matches` (the word's weight in rank()) come from its own terms, as
   * if the relatives were not asked for: a relative found on many pages
   * (reklamovat -> reklamacia) would otherwise make the word weigh less
   * than the query's other words, and a page meeting one of those only
   * weakly (a stem neighbour in its heading) would pass the answer (Slovak
   * held-out-2: "ako dlho môžem reklamovať pokazený tovar").
   */
  function score(index, boosts, related) {
    var postings = index.postings, position = index.position, count = index.count;
    var own = Object.keys(boosts), relatives = related ? Object.keys(related) : [];
    var list = own.concat(relatives);
    // Like lunr, only terms the index has count in the query vector; a
    // word's relatives only when none of its own terms is there.
    var norm = vectorLength(own, boosts, position) || vectorLength(relatives, related, position);
    // Typed arrays over all documents: a common word meets most of them,
    // and an object per document was most of a first query's time (GC).
    var scores = new Float64Array(count);
    var seen = new Uint8Array(count);
    var refs = [], matches = 0;
    for (var j = 0; j < list.length; j++) {
      var term = list[j], isOwn = j < own.length;
      var boost = (isOwn ? boosts[term] : related[term]) / norm, flat = postings[position(term)];
      if (!flat) continue;
      for (var k = 0; k < flat.length; k += 3) {
        var ref = flat[k];
        // Own terms come first: a document first met by a relative is met by nothing else of the word.
        if (!seen[ref]) { seen[ref] = 1; refs.push(ref); if (isOwn) matches++; }
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
    // The word's weight counts the documents its own terms meet (its relatives' only when it has none).
    return { scores: scores, seen: seen, refs: refs, matches: matches || refs.length, termsAt: termsAt };
  }

  /* Length of the query vector of `terms` (their boosts), over the terms the index has. */
  function vectorLength(terms, boosts, position) {
    var sum = 0;
    for (var i = 0; i < terms.length; i++) if (position(terms[i]) !== undefined) sum += boosts[terms[i]] * boosts[terms[i]];
    return Math.sqrt(sum);
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
        var s = scored.scores[ref];
        sums[ref] += s;
        covered[ref] += share * s / (s + STRENGTH_HALF);
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
