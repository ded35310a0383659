/*
 * KbSearchQuery: what a query says, before any index is read.
 *
 * A query is tokenized and normalised exactly like the indexed text (the
 * morphology core, morphology.js): each word has its key (lemma-like stem),
 * its folded form, whether it is still being typed (the last word, no space
 * after it) and whether it is a function word of the language (question
 * words, prepositions, particles: they help ranking but never decide it).
 * Variants of the query swap a glossary name for its other names, or an
 * unknown word for the two known words it is made of.
 *
 *   var functionWords = KbSearchQuery.functionWords(payload.functionWords, m)
 *   var list = KbSearchQuery.words("jak złożyć rek", m, functionWords)
 */
(function (root) {
  "use strict";

  var MAX_VARIANTS = 8;     // most variants of one query (synonyms of glossary names)
  var DIGIT = /\p{Nd}/u;

  /*
   * The language's function words (the payload's folded list) as two
   * lookups: by folded form, and by key, so that an inflected form of a
   * listed word is one too (Polish `ilu` is a form of the listed `ile`).
   */
  function functionWords(list, m) {
    var out = { fold: Object.create(null), key: Object.create(null) };
    (list || []).forEach(function (w) { out.fold[w] = true; out.key[m.key(w)] = true; });
    return out;
  }

  /* The identity of a query word (the same word typed twice counts once). */
  function wordId(word) { return word.key + "\u0000" + word.fold + "\u0000" + word.prefix; }

  /* Query words: what the indexer would have produced for the same text. */
  function words(raw, m, functions) {
    var tokens = m.tokenize(raw);
    var typing = tokens.length > 0 && tokens[tokens.length - 1].end === raw.length;
    var seen = Object.create(null);
    var out = [];
    tokens.forEach(function (t, i) {
      var word = {
        text: t.text, key: m.key(t.text), fold: m.fold(t.text),
        prefix: typing && i === tokens.length - 1, unit: 0, span: 1
      };
      word.func = functions.fold[word.fold] === true || functions.key[word.key] === true;
      var id = wordId(word);
      if (!seen[id]) { seen[id] = true; word.unit = out.length; out.push(word); }
    });
    // A query of function words only ("jak", "kas on") is all content (`asContent`).
    if (out.every(function (word) { return word.func; })) {
      out.forEach(function (word) { word.func = false; word.asContent = true; });
    }
    return out;
  }

  /*
   * The glossary term the query names, or null: a name (term, alias,
   * abbreviation) whose words appear in a row in the query, by key (any
   * inflected form) or as written, and cover every content word of the
   * query ("NPS", "čo je NPS", "marketingu szeptanego"). The longest name wins.
   * `definitions`: the payload's glossary, {r: entry ref, d: definition, n: names as [key, fold] pairs}.
   */
  function definitionFor(list, definitions) {
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

  /*
   * The query as typed varied: each unknown word split into two known ones
   * (`split(word)`: the parts as {text, key, fold}, or null), and each
   * glossary name swapped for its synonyms (`synonyms`: groups of names,
   * each name a list of [key, fold] pairs). A replacement stands for the
   * words it replaced (`unit`, `span`) when coverage is counted.
   */
  function variants(list, synonyms, split) {
    var out = [];
    list.forEach(function (word, i) {
      if (word.func || DIGIT.test(word.fold)) return;
      var parts = split(word);
      if (!parts) return;
      var replaced = parts.map(function (part) {
        return { text: part.text, key: part.key, fold: part.fold, prefix: false, unit: i, span: 1 };
      });
      out.push(list.slice(0, i).concat(replaced, list.slice(i + 1)));
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

  var api = { words: words, wordId: wordId, functionWords: functionWords, definitionFor: definitionFor, variants: variants };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbSearchQuery = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
