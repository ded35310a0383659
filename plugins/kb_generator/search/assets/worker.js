/*
 * kb-search worker: Material for MkDocs' search worker protocol in front of
 * a prebuilt per-language lunr index (see plugins/kb_generator/search/README section in
 * the project README).
 *
 * Material posts SETUP {config, docs, options} with `config` taken verbatim
 * from <locale>/search/search_index.json; its `kb` entry names the index
 * to load, relative to this worker. lunr.js, morphology.js and engine.js
 * are bundled in front of this file at build time (one request). We answer
 * READY once the index (or, for a large site, its lexicon) is loaded, then
 * every QUERY (the raw text of the search box) with exactly one RESULT, in
 * order: a query may wait for shards, so messages are answered through one
 * promise chain.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var engine = null;
  var queue = Promise.resolve();  // setup, then each query, strictly in order

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("cannot load " + url + ": HTTP " + response.status);
      return response.json();
    });
  }

  /*
   * Where shards are ("{name}" replaced by t<n> or d<n>): SETUP's `kb.shards`.
   * An engine made before SETUP waits for it only when a query needs a shard.
   */
  var shardUrl = null;
  var markConfigured = null;
  var whenConfigured = new Promise(function (resolve) { markConfigured = resolve; });

  function load(name) {
    return whenConfigured.then(function () {
      if (!shardUrl) throw new Error("search_index.json names no shards");
      return fetchJson(shardUrl.replace("{name}", name));
    });
  }

  function build(payload) {
    if (!self.KbSearch) throw new Error("kb-search: engine.js is not bundled in front of the worker");
    return self.KbSearch.create(payload, {}, self.lunr, self.KbMorphology, load);
  }

  /*
   * The page names its language's index in the worker's URL fragment
   * ("worker.js?v=...#../../pl/search/kb_index.json?v=..."), so the index
   * is fetched, and the engine made from it, as soon as the worker starts,
   * while Material still fetches search_index.json to send SETUP (which came
   * up to 70 ms after the index had arrived, at page open). SETUP's own
   * `kb.index` stays the reference; the early engine is used only when it
   * was made from the same file, and gets SETUP's options then.
   */
  var early = null;
  var hint = self.location && self.location.hash ? decodeURIComponent(self.location.hash.slice(1)) : "";
  if (hint) {
    early = { url: hint, engine: fetchJson(hint).then(build) };
    early.engine.catch(function () {});  // SETUP fetches it again
  }

  function engineFor(url) {
    if (!early || early.url !== url) return fetchJson(url).then(build);
    return early.engine.catch(function () { return fetchJson(url).then(build); });
  }

  function setup(data) {
    var kb = data && data.config && data.config.kb;
    if (!kb || !kb.index) {
      return Promise.reject(new Error("search_index.json has no kb-search configuration"));
    }
    shardUrl = kb.shards || null;
    markConfigured();
    return engineFor(kb.index).then(function (made) {
      made.configure(data.options || {});
      engine = made;
    });
  }

  /* Prepare highlighting in small slices between messages, while idle. */
  function warm() {
    if (engine && engine.warm(20)) setTimeout(warm, 0);
  }

  /*
   * Material sends every keystroke. A query a newer one superseded before its
   * turn is not run; one superseded while it waited for its postings stops
   * before fetching texts (engine.search's `stale`, null). Neither is left
   * unanswered: it gets the newer query's RESULT, in order, so Material still
   * receives one RESULT per QUERY and shows the newest.
   */
  var latest = 0;  // number of the newest query received
  var owed = 0;    // superseded queries still waiting for a RESULT

  function answer(query, stale) {
    if (!engine) return { items: [] };
    return Promise.resolve()
      .then(function () { return engine.search(query, stale); })
      .catch(function (error) {
        console.warn("kb-search: query failed: " + query, error);
        return { items: [] };
      });
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    switch (message.type) {
      case SETUP:
        queue = queue
          .then(function () { return setup(message.data); })
          .catch(function (error) {
            // Without READY the box would stay on "Initializing search";
            // answer READY and return no results instead.
            console.error("kb-search: setup failed", error);
            engine = null;
          })
          .then(function () {
            self.postMessage({ type: READY });
            setTimeout(warm, 0);
          });
        break;
      case QUERY: {
        var number = ++latest;
        var stale = function () { return number !== latest; };
        queue = queue
          .then(function () { return stale() ? null : answer(message.data, stale); })
          .then(function (result) {
            if (result === null) { owed += 1; return; }
            for (; owed >= 0; owed--) self.postMessage({ type: RESULT, data: result });
            owed = 0;
          });
        break;
      }
      default:
        break;
    }
  });
})();
