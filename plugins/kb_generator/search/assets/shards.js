/*
 * KbSearchShards: where kb-search's postings and document texts live in the
 * browser, and how missing ones are fetched.
 *
 * A payload is either one file (postings and documents inline) or a lexicon
 * naming where each term shard and document shard starts; `load("t3")` /
 * `load("d0")` fetches one shard. A term shard's postings are compacted
 * (document gaps, weights in thousandths: `expand`). The store keeps what arrived in two arrays
 * indexed by term position and document ref, so the other modules read them
 * without knowing how they came.
 *
 *   var store = KbSearchShards.createStore(payload, load)
 *   store.ensure("t", [store.termShard(position)]).then(...)  // store.postings[position]
 */
(function (root) {
  "use strict";

  /* Position of the run (shard) that holds item `at`, given each run's first position. */
  function shardOf(starts, at) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /*
   * A term's postings as a term shard carries them, [document gap, field,
   * weight x 1000, ...] (index.py's postings.compact), back to the flat
   * [document, field, weight, ...] of a single-file payload: the same numbers.
   */
  function expand(packed) {
    if (!Array.isArray(packed)) return expandCut(packed);
    var out = new Array(packed.length), document = 0;
    for (var i = 0; i < packed.length; i += 3) {
      document += packed[i];
      out[i] = document; out[i + 1] = packed[i + 1]; out[i + 2] = packed[i + 2] / 1000;
    }
    return out;
  }

  /*
   * A cut term (postings.py's `cut`: a term met in more documents than the
   * build's `ranked_documents_per_term`): its first part {f} expanded as
   * above, and its rest, bands of documents by weight, each as runs
   * [skip, take, ...] {r} with the band's weight {w}, merged in among them in
   * document order, each with field -1. The rest never ranks above the first
   * part on this term, and every document the term meets is still met.
   */
  function expandCut(cut) {
    var first = expand(cut.f), last = -1;
    // The rest's weight by document (-1: not in the rest): the bands' runs
    // are laid out on one array and read back in document order, without
    // sorting a pair per document (Polish `obsługa` at 1,000 articles, 14,064
    // postings: 13 -> 8 ms cold under node).
    cut.r.forEach(function (runs) {
      var document = 0;
      for (var at = 0; at < runs.length; at += 2) document += runs[at] + runs[at + 1];
      if (document - 1 > last) last = document - 1;
    });
    var weightOf = new Float64Array(last + 1).fill(-1);
    cut.r.forEach(function (runs, band) {
      var document = 0, weight = cut.w[band] / 1000;
      for (var at = 0; at < runs.length; at += 2) {
        document += runs[at];
        for (var end = document + runs[at + 1]; document < end; document++) weightOf[document] = weight;
      }
    });
    var out = [], i = 0;
    for (var d = 0; d <= last; d++) {
      if (weightOf[d] < 0) continue;
      while (i < first.length && first[i] < d) { out.push(first[i], first[i + 1], first[i + 2]); i += 3; }
      out.push(d, -1, weightOf[d]);
    }
    for (; i < first.length; i += 3) out.push(first[i], first[i + 1], first[i + 2]);
    return out;
  }

  function createStore(payload, load) {
    var postings = new Array(payload.terms.length);
    var docs = new Array(payload.count);
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
            if (kind === "t") addPostings(starts[n], list.map(expand)); else addDocs(starts[n], list);
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

    return {
      postings: postings,
      docs: docs,
      ensure: ensure,
      /* Whether shard `n` of a kind has arrived (a query may use it without fetching). */
      has: function (kind, n) { return loaded[kind][n] === true; },
      termShard: function (position) { return shardOf(termStarts, position); },
      docShard: function (ref) { return shardOf(docStarts, ref); }
    };
  }

  var api = { shardOf: shardOf, expand: expand, createStore: createStore };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbSearchShards = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
