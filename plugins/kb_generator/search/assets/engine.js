/*
 * KbSearch: queries a prebuilt kb-search index (plugins/kb_generator/search/index.py).
 *
 * Classic script: bundled in front of worker.js at build time after lunr.js,
 * morphology.js and its sibling modules (the order of SCRIPTS in
 * plugins/kb_generator/search/plugin.py), or required in node, where it
 * requires the siblings itself.
 *
 *   var engine = KbSearch.create(payload, { suggest: true }, lunr, KbMorphology, load)
 *   engine.search("reklamacjami")   // -> Promise<{ items: SearchItem[][], suggest: [...] }>
 *   engine.configure({ suggest: false })  // Material's options, when they come after the index
 *
 * The modules, in the order a query meets them:
 *   query.js         the query's words (function words marked), its variants
 *                    (glossary synonyms, split compounds), the glossary term it names
 *   lexicon.js       the index terms each word stands for (prefixes, stems, typos, compounds)
 *                    and, apart, its derivational relatives
 *   shards.js        postings and document texts, fetched shard by shard (`load("t3")`)
 *   scoring.js       lunr.js's score from our postings, and the rank of a document
 *   presentation.js  Material's result items: excerpts, <mark>, the definition card,
 *                    "did you mean" and the fallback pages
 * This file ties them together: a query expands its words against the
 * lexicon, loads the shards of exactly those terms, ranks documents per
 * variant, groups them by page and loads the texts of the results it shows.
 *
 * Documents are ranked by how much of the query they cover (rarer words weigh
 * more), then by lunr's score, so every word beats some words. Glossary names
 * act as synonyms: a query naming a term is also run with the term's other names.
 * Function words (the language's stop words) help ranking but never decide
 * it: a document that meets nothing but function words is not shown. A query
 * that names a glossary term starts with a definition card (the term's entry
 * with its definition); otherwise the glossary page never outranks a section
 * whose heading holds every content word. When nothing matches, the answer is
 * a "did you mean" line with the closest words of the site and the language's
 * fallback pages, never an empty list.
 */
(function (root) {
  "use strict";

  /* A sibling module: bundled in front of this file (a global), or required in node. */
  function sibling(name, file) {
    return root && root[name] ? root[name] : require("./" + file);
  }

  var Query = sibling("KbSearchQuery", "query.js");
  var Lexicon = sibling("KbSearchLexicon", "lexicon.js");
  var Shards = sibling("KbSearchShards", "shards.js");
  var Scoring = sibling("KbSearchScoring", "scoring.js");
  var Presentation = sibling("KbSearchPresentation", "presentation.js");

  var MAX_SECTIONS = 8;     // sections shown per page (Material folds all but the best)
  // Results whose texts are fetched: those on the first screen. Material's
  // result panel shows four pages (the fourth in part) at 1280x720 and on a
  // 390x844 phone; the rest are listed by page title and location (the
  // index's `heads`), without their sections' texts.
  var SCREEN = 4;
  // Results whose texts a word being typed fetches when it only begins words
  // of the site ("szkol", see screenOf): the first, with its sections and
  // excerpt, so the best section stays one click away if typing stops there.
  var FRAGMENT_SCREEN = 1;
  // A word being typed shorter than this is listed by page title (screenOf):
  // the letters from which the lexicon completes it.
  var TITLES_BELOW = Lexicon.PREFIX_MIN;
  var VARIANT = 0.9;        // a synonym's results rank just below the query as typed
  var DIGIT = /\p{Nd}/u;
  var OPTIONS = ["fuzzy_min", "excerpt", "max_results"];

  /*
   * The index's options. The build always writes them from kb-search's
   * config (plugins/kb_generator/search/config.py), the one place of their
   * defaults: an index without them is an error, not a second set of defaults.
   */
  function settingsOf(payload) {
    var settings = payload.options || {};
    OPTIONS.forEach(function (name) {
      if (typeof settings[name] !== "number") throw new Error("kb-search: the index has no options." + name);
    });
    return settings;
  }

  function create(payload, options, lunrLib, morphologyLib, load) {
    var lunr = lunrLib || root.lunr;
    var Morphology = morphologyLib || root.KbMorphology;
    var m = Morphology.create(payload.table, payload.lexicon, payload.bridge, payload.terms);
    var settings = settingsOf(payload);
    var excerptLength = settings.excerpt;
    var maxResults = settings.max_results;
    var parents = payload.parents;
    var count = payload.count;
    var store = Shards.createStore(payload, load);
    var postings = store.postings;
    var docs = store.docs;
    var lexicon = Lexicon.create(payload, lunr, Morphology, m, settings.fuzzy_min);
    var index = { postings: postings, position: lexicon.position, count: count };
    var suggest = !!(options && options.suggest);
    var synonyms = payload.synonyms || [];
    var functionWords = Query.functionWords(payload.functionWords, m);
    var definitions = payload.glossary || [];
    var glossaryPages = Object.create(null);
    definitions.forEach(function (d) { glossaryPages[parents[d.r]] = true; });
    var fallbackPages = payload.fallback || [];
    var messages = payload.messages || {};
    var analysed = new Array(count);  // doc -> {title: tokens, text: tokens}, on demand
    var heads = null;  // page ref -> {l, t}; without them (older or test payloads) every result is on screen
    if (payload.heads) {
      heads = Object.create(null);
      for (var h = 0; h < payload.heads.length; h += 3) heads[payload.heads[h]] = { l: payload.heads[h + 1], t: payload.heads[h + 2], x: "" };
    }
    var screen = heads ? SCREEN : Infinity;
    var pageRefs = heads ? payload.heads.filter(function (_, i) { return i % 3 === 0; }) : [];
    var titleWords = null;  // page ref -> the folded words of its title, on first use (titlesStarting)
    var headTitles = Object.create(null);  // page ref -> its title from the heads, analysed (headTitle)

    var sharded = !payload.docs;  // texts come shard by shard

    /*
     * Results whose texts a query fetches (evaluate() also shows, for the
     * others on screen, the texts already loaded). One or two letters still
     * being typed are the start of a longer word far more often than a word
     * of their own (Slovak "z", Polish "od", Estonian "et": words nearly
     * every page holds), and so is a query of function words only ("jak",
     * "kas on"), a question on its way: the next key replaces their list, so
     * on a sharded index it is given by page title, without fetching four
     * text shards. A word being typed that is not a word of the site but
     * begins one ("szkol", "klienditee") is most likely on its way too: only
     * its first result gets its texts (FRAGMENT_SCREEN). Two letters typed
     * in capitals are an abbreviation (CX, MB): a word of its own, with its
     * texts, as is any word followed by a space, a word of the site
     * ("szkolenie") and a word nothing begins (an inflection the site
     * lacks, a typo).
     */
    function screenOf(list) {
      var last = list[list.length - 1];
      if (!sharded) return screen;
      if (starting(last) || last.asContent) return 0;
      return last.prefix && lexicon.isFragment(last.fold) ? Math.min(FRAGMENT_SCREEN, screen) : screen;
    }

    /*
     * One or two letters being typed, alone, on a sharded index: the pages
     * whose title holds a word they begin, in site order, from the heads the
     * lexicon carries, with nothing fetched. Ranking them by postings meant
     * fetching those of the site's most frequent words (Polish "w", "z", or
     * "on", the key of "j") for a list the next letter replaces. Null when
     * the rule does not apply (two capitals, a definition card, a word
     * followed by a space) or no title has such a word: postings decide then.
     */
    function titlesStarting(raw, list) {
      var word = list[0];
      if (!sharded || !heads || list.length !== 1 || !starting(word) || Query.definitionFor(list, definitions)) return null;
      if (!titleWords) {
        titleWords = Object.create(null);
        pageRefs.forEach(function (ref) {
          titleWords[ref] = m.tokenize(heads[ref].t).map(function (t) { return m.fold(t.text); });
        });
      }
      var items = [], first = null;
      for (var i = 0; i < pageRefs.length && items.length < maxResults; i++) {
        var found = Object.create(null), matched = false;
        titleWords[pageRefs[i]].forEach(function (fold) {
          if (fold.startsWith(word.fold)) found[fold] = matched = true;
        });
        if (!matched) continue;
        var head = heads[pageRefs[i]], title = headTitle(pageRefs[i]);
        first = first || title;
        items.push([Presentation.item(head, { title: title, text: [] }, found, 1, list, list, excerptLength)]);
      }
      if (!items.length) return null;
      var result = { items: items };
      if (suggest) result.suggest = Presentation.suggestion(raw, list, function () { return first; });
      return result;
    }

    /* A word being typed that is most likely the start of a longer one (see screenOf). */
    function starting(word) {
      if (!word.prefix) return false;
      var letters = Morphology.cpLength(word.fold);
      var abbreviation = letters === TITLES_BELOW - 1 && word.text !== word.text.toLowerCase();
      return letters < TITLES_BELOW && !abbreviation;
    }

    /*
     * The words a query searches. After other words, the start of the next
     * one ("czas o") is left out until it has TITLES_BELOW letters or a
     * space: the results stay those of the words before it, whose postings
     * and texts are loaded, instead of fetching the postings of "o".
     */
    function searchedWords(raw) {
      var list = Query.words(raw, m, functionWords);
      if (list.length > 1 && sharded && starting(list[list.length - 1])) list.pop();
      return list;
    }

    /* A page's title as the heads give it, analysed once (results below the first screen, titlesStarting). */
    function headTitle(ref) {
      var a = headTitles[ref];
      if (!a) a = headTitles[ref] = Presentation.analyse(m, heads[ref].t);
      return a;
    }

    function analysis(ref) {
      var a = analysed[ref];
      if (!a) a = analysed[ref] = { title: Presentation.analyse(m, docs[ref].t), text: Presentation.analyse(m, docs[ref].x) };
      return a;
    }

    /* A word's expansions and relatives, once per query (cache.terms, cache.related) and its scores (cache.runs). */
    function termsOf(word, cache) {
      var id = Query.wordId(word);
      if (!cache.terms[id]) {
        var expanded = lexicon.expand(word);
        cache.terms[id] = expanded.terms;
        cache.related[id] = expanded.related;
      }
      return cache.terms[id];
    }

    /* A word's derivational relatives the index has (lexicon.js), scored apart from its own terms. */
    function relatedOf(word, cache) {
      termsOf(word, cache);
      return cache.related[Query.wordId(word)];
    }

    function run(word, cache) {
      var id = Query.wordId(word);
      var scored = cache.runs[id];
      if (!scored) {
        scored = cache.runs[id] = Scoring.score(index, termsOf(word, cache), relatedOf(word, cache));
        scored.weight = Scoring.weight(scored.matches, count);
      }
      return scored;
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
     * `stale` (optional): true once a newer query superseded this one; then
     * the search stops before fetching texts and resolves to null.
     */
    function search(raw, stale) {
      var list = searchedWords(String(raw || ""));
      if (!list.length) return Promise.resolve({ items: [] });
      var titled = titlesStarting(String(raw), list);
      if (titled) return Promise.resolve(titled);
      var cache = { terms: Object.create(null), related: Object.create(null), runs: Object.create(null) };
      // A word the index does not know may be two it knows (tooteteadmised = toote + teadmised).
      var all = [list].concat(Query.variants(list, synonyms, function (word) {
        return Object.keys(termsOf(word, cache)).length ? null : lexicon.compound(word);
      }));
      var shards = Object.create(null);
      all.forEach(function (variant) {
        variant.concat(list).forEach(function (word) {
          for (var term in termsOf(word, cache)) shards[store.termShard(lexicon.position(term))] = true;
          for (var relative in relatedOf(word, cache)) shards[store.termShard(lexicon.position(relative))] = true;
        });
      });
      return store.ensure("t", Object.keys(shards).map(Number)).then(function () {
        return stale && stale() ? null : evaluate(raw, list, all, cache);
      });
    }

    /* Rank with every needed posting loaded; load the texts of the results shown. */
    function evaluate(raw, list, all, cache) {
      var best = new Float64Array(count);  // ref -> rank in its best variant
      var bestVariant = new Int32Array(count).fill(-1);
      var content = new Uint8Array(count);  // ref -> meets a content word in some variant
      var anyContent = false;
      function runOf(word) { return run(word, cache); }
      var rankings = all.map(function (variant, v) {
        var ranked = Scoring.rank(variant, list, runOf, count);
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
      var card = Query.definitionFor(list, definitions);

      var shown = Object.create(null), onScreen = Object.create(null), screenful = screenOf(list);
      ranked.forEach(function (group, i) {
        if (i >= screen) return;
        var shards = group.refs.concat([group.parent]).map(store.docShard);
        // Below screenful, a result on screen whose texts an earlier query loaded keeps them.
        if (i >= screenful && !shards.every(function (n) { return store.has("d", n); })) return;
        group.onScreen = true;
        onScreen[group.refs[0]] = true;
        shards.forEach(function (n) { shown[n] = true; });
      });
      if (card) [card.r, parents[card.r]].forEach(function (ref) { shown[store.docShard(ref)] = true; });
      return store.ensure("d", Object.keys(shown).map(Number)).then(function () {
        // The glossary's group moves down only among the results on screen, whose headings are loaded.
        ranked = Presentation.glossaryInPlace(ranked, function (parent) { return glossaryPages[parent]; },
                                              function (ref) { return onScreen[ref] === true && headingHoldsAll(ref, list, cache); });
        return present(raw, list, ranked, { rank: best, variant: bestVariant }, all, rankings, cache, card);
      });
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

    function present(raw, list, ranked, best, all, rankings, cache, card) {
      function shownItem(ref) {
        var v = best.variant[ref];
        if (v < 0) return Presentation.item(docs[ref], analysis(ref), Object.create(null), 0, [], [], excerptLength);
        return Presentation.item(docs[ref], analysis(ref), matchedTerms(ref, rankings, cache), best.rank[ref],
                                 all[v], matchedWords(all[v], ref, cache), excerptLength);
      }
      var items = [];
      if (card) {
        // The definition card replaces the glossary page's group (its other entries).
        ranked = ranked.filter(function (group) { return group.parent !== parents[card.r]; });
        var top = ranked.length ? ranked[0].top : 0;
        items.push([Presentation.definitionItem(docs[card.r], card.d, top + 1, messages), shownItem(parents[card.r])]);
      }
      function headItem(group) {
        var ref = group.refs[0], v = best.variant[ref], head = heads[group.parent];
        var a = { title: headTitle(group.parent), text: [] };
        return Presentation.item(head, a, matchedTerms(ref, rankings, cache), best.rank[ref],
                                 all[v], matchedWords(all[v], ref, cache), excerptLength);
      }
      items = items.concat(ranked.map(function (group) {
        if (!group.onScreen) return [headItem(group)];
        var out = group.refs.map(shownItem);
        // Material groups by page and expects the page's own entry in the group.
        if (group.refs.indexOf(group.parent) < 0) out.push(shownItem(group.parent));
        return out;
      }));
      var result = { items: items };
      if (suggest) {
        result.suggest = Presentation.suggestion(String(raw), list, function () {
          if (!ranked.length) return null;
          // A result listed by page title: complete from that title.
          if (!ranked[0].onScreen) return headTitle(ranked[0].parent);
          var a = analysis(ranked[0].refs[0]);
          return a.title.concat(a.text);
        });
      }
      return result;
    }

    /*
     * Nothing met a content word: the closest words of the site ("did you
     * mean", a link that searches for them) and the fallback pages.
     */
    function deadEnd(list, cache) {
      var typed = list.filter(function (word) { return !word.func; });
      var replaced = typed.map(function (word) {
        if (Object.keys(termsOf(word, cache)).length || DIGIT.test(word.fold)) return null;
        return lexicon.closest(word.fold);
      });
      var termShards = Object.create(null), firstDocs = [];
      replaced.forEach(function (term) { if (term) termShards[store.termShard(lexicon.position(term))] = true; });
      return store.ensure("t", Object.keys(termShards).map(Number)).then(function () {
        var shown = Object.create(null);
        replaced.forEach(function (term, i) {
          firstDocs[i] = term ? postings[lexicon.position(term)][0] : -1;
          if (term) shown[store.docShard(firstDocs[i])] = true;
        });
        fallbackPages.forEach(function (ref) { shown[store.docShard(ref)] = true; });
        return store.ensure("d", Object.keys(shown).map(Number));
      }).then(function () {
        var items = [];
        var changed = false;
        var words = typed.map(function (word, i) {
          if (!replaced[i]) return word.text;
          changed = true;
          return surfaceOf(replaced[i], firstDocs[i]) || replaced[i];
        });
        var note = Presentation.escapeHtml(messages.noMatch || "");
        var missing = Object.create(null);
        typed.forEach(function (word) { missing[word.text.toLowerCase()] = false; });
        if (changed) {
          items.push([Presentation.suggestionItem(words.join(" "), note, messages)]);
          note = "";
        }
        fallbackPages.forEach(function (ref) {
          items.push([Presentation.fallbackItem(docs[ref], analysis(ref), note, missing, excerptLength)]);
          note = "";
        });
        return { items: items };
      });
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
     * Analyse up to `size` more documents for highlighting (the worker
     * calls this while idle, so the first query does not pay for it).
     * Returns false when every document is done.
     */
    var warmed = 0;
    function warm(size) {
      for (var end = Math.min(count, warmed + size); warmed < end; warmed++) if (docs[warmed]) analysis(warmed);
      return warmed < count;
    }

    /* Material's options (SETUP), for an engine made before they came. */
    function configure(newOptions) {
      suggest = !!(newOptions && newOptions.suggest);
    }

    return { search: search, warm: warm, configure: configure };
  }

  var api = { create: create };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbSearch = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
