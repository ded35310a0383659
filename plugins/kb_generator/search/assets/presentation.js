/*
 * KbSearchPresentation: results as Material for MkDocs renders them.
 *
 * Material's worker protocol wants groups of items (one group per page, the
 * page's own entry among them), each {location, title, text, score, terms}:
 * title and text are HTML, so everything from the index is escaped here and
 * only our <mark>, card and suggestion markup is added. `terms` are the words
 * passed on for highlighting on the target page (true) and the query words a
 * result lacks (false, shown struck through).
 *
 * Documents are analysed (tokenized with their key and folded form) once,
 * by the engine; these functions take the tokens.
 */
(function (root) {
  "use strict";

  var MAX_TERMS = 6;        // words passed on for highlighting on the target page

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* Tokens of a stored text with their key and folded form (`m`: the morphology core). */
  function analyse(m, text) {
    return m.tokenize(text).map(function (t) {
      return {
        start: t.start, end: t.end, text: t.text, lower: t.text.toLowerCase(),
        key: m.key(t.text), fold: m.fold(t.text)
      };
    });
  }

  /* `text` from `from` to `to`, escaped, with the tokens whose key or fold is in `terms` in <mark>. */
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
  function excerpt(text, tokens, terms, excerptLength) {
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

  /* One result: a stored document {l, t, x}, its analysis {title, text} and what matched it. */
  function item(doc, a, found, score, list, matched, excerptLength) {
    return {
      location: doc.l,
      title: highlight(doc.t, a.title, 0, doc.t.length, found),
      text: excerpt(doc.x, a.text, found, excerptLength),
      score: score,
      terms: itemTerms(a, found, list, matched)
    };
  }

  /* A completion of the last word as typed, from the tokens of the best result (`bestTokens()`, null for none). */
  function suggestion(raw, list, bestTokens) {
    var last = list[list.length - 1];
    if (!last || !last.prefix) return [];
    var tokens = bestTokens();
    if (!tokens) return [];
    var typed = raw.slice(raw.length - last.text.length);
    var lower = typed.toLowerCase();
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i].text;
      if (t.length > typed.length && t.toLowerCase().startsWith(lower)) {
        return [typed + t.slice(typed.length)];
      }
    }
    return [];
  }

  /* The glossary page's group moved below every group led by a heading with all content words. */
  function glossaryInPlace(ranked, isGlossary, headingHoldsAll) {
    var at = ranked.findIndex(function (group) { return isGlossary(group.parent); });
    if (at < 0) return ranked;
    var below = at;
    for (var i = at + 1; i < ranked.length; i++) {
      if (headingHoldsAll(ranked[i].refs[0])) below = i;
    }
    if (below === at) return ranked;
    var out = ranked.slice();
    var glossary = out.splice(at, 1)[0];
    out.splice(below, 0, glossary);
    return out;
  }

  /* The card: the term's entry (a link to it), labelled, with its definition. */
  function definitionItem(doc, definition, score, messages) {
    return {
      location: doc.l,
      title: '<span class="kb-search-definition__label">' + escapeHtml(messages.definition || "Definition") +
        ":</span> " + escapeHtml(doc.t),
      text: '<p class="kb-search-definition">' + escapeHtml(definition) + "</p>",
      score: score,
      terms: {}
    };
  }

  /* "Did you mean" `text`: a link that searches for it, with the note that nothing matched. */
  function suggestionItem(text, note, messages) {
    return {
      location: "?q=" + encodeURIComponent(text),
      title: escapeHtml(messages.didYouMean || "Did you mean") + ': <span class="kb-search-suggestion">' +
        escapeHtml(text) + "</span>?",
      text: note ? '<p class="kb-search-fallback">' + note + "</p>" : "",
      score: 0,
      terms: {}
    };
  }

  /* A fallback page (FAQ, contact), its note first when no suggestion carried it; `missing`: the query's words. */
  function fallbackItem(doc, a, note, missing, excerptLength) {
    var text = excerpt(doc.x, a.text, Object.create(null), excerptLength);
    if (note) text = '<p class="kb-search-fallback">' + note + "</p>" + text;
    return { location: doc.l, title: escapeHtml(doc.t), text: text, score: 0, terms: missing };
  }

  var api = {
    escapeHtml: escapeHtml, analyse: analyse, highlight: highlight, excerpt: excerpt, item: item,
    suggestion: suggestion, glossaryInPlace: glossaryInPlace, definitionItem: definitionItem,
    suggestionItem: suggestionItem, fallbackItem: fallbackItem
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbSearchPresentation = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
