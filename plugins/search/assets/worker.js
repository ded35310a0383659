/*
 * kb-search worker: Material for MkDocs' search worker protocol in front of
 * a prebuilt per-language lunr index (see plugins/search/README section in
 * the project README).
 *
 * Material posts SETUP {config, docs, options} with `config` taken verbatim
 * from <locale>/search/search_index.json; its `kb` entry names the scripts
 * and the index to load, relative to this worker. We answer READY once the
 * index is loaded, then every QUERY (the raw text of the search box) with
 * exactly one RESULT, in order. A classic worker: importScripts is sync.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var engine = null;

  function setup(data) {
    var kb = data && data.config && data.config.kb;
    if (!kb || !kb.index || !kb.scripts) {
      return Promise.reject(new Error("search_index.json has no kb-search configuration"));
    }
    try {
      importScripts.apply(self, kb.scripts);
    } catch (error) {
      return Promise.reject(error);
    }
    return fetch(kb.index)
      .then(function (response) {
        if (!response.ok) throw new Error("cannot load " + kb.index + ": HTTP " + response.status);
        return response.json();
      })
      .then(function (payload) {
        engine = self.KbSearch.create(payload, data.options || {}, self.lunr, self.KbMorphology);
      });
  }

  /* Prepare highlighting in small slices between messages, while idle. */
  function warm() {
    if (engine && engine.warm(20)) setTimeout(warm, 0);
  }

  function answer(query) {
    if (!engine) return { items: [] };
    try {
      return engine.search(query);
    } catch (error) {
      console.warn("kb-search: query failed: " + query, error);
      return { items: [] };
    }
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    switch (message.type) {
      case SETUP:
        setup(message.data)
          .catch(function (error) {
            // Without READY the box would stay on "Initializing search";
            // answer READY and return no results instead.
            console.error("kb-search: setup failed", error);
            engine = null;
          })
          .then(function () {
            self.postMessage({ type: READY });
            warm();
          });
        break;
      case QUERY:
        self.postMessage({ type: RESULT, data: answer(message.data) });
        break;
      default:
        break;
    }
  });
})();
