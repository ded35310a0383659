/*
 * KbMorphology: the browser twin of plugins/kb_generator/morphology (Python).
 *
 * Classic script: works in a page, in a web worker (importScripts) and in
 * node (module.exports). Keys must be byte-identical to the Python side;
 * tests/morphology/test_parity.py holds them equal.
 *
 *   var m = KbMorphology.create(table, lexicon, bridge, terms); // table: rules.py browser_table()
 *   m.keys("Obsłudze klientów")                                 // ["obsluga", "klient"]
 *
 * A missing table gives the generic pipeline (lowercase + fold, no stemming).
 */
(function (root) {
  "use strict";

  // Same combining-mark ranges as plugins/kb_generator/morphology/tokens.py (MARK_RANGES).
  var MARKS = "\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f";
  // The classes hold ranges of combining marks on purpose (a letter and its marks are one word).
  // eslint-disable-next-line no-misleading-character-class
  var WORD = new RegExp("[\\p{L}\\p{N}][\\p{L}\\p{N}" + MARKS + "]*", "gu");
  // eslint-disable-next-line no-misleading-character-class
  var MARK = new RegExp("[" + MARKS + "]+", "g");
  var LETTERS = { "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe" };
  var LETTER = /[łđøßæœ]/g;
  var DIGIT = /\p{Nd}/u;
  var ABBREVIATION_MAX = 6;

  /* Length in code points, as Python's len(). */
  function cpLength(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n++;
      else {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
        n++;
      }
    }
    return n;
  }

  /* Words: runs of letters/digits (+ combining marks); offsets in UTF-16 units. */
  function tokenize(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  var NOT_PRINTABLE_ASCII = /[^\u0020-\u007e]/;

  var foldedCache = new Map();  // text with other than printable ASCII -> its fold

  function fold(text) {
    // NFKD leaves printable ASCII as it is, with no marks or letters to replace:
    // most words of a text take this path (normalize() is the slow part, and
    // its result is kept: a text's words with diacritics recur).
    if (!NOT_PRINTABLE_ASCII.test(text)) return text.toLowerCase();
    var hit = foldedCache.get(text);
    if (hit !== undefined) return hit;
    hit = text
      .normalize("NFKD")
      .toLowerCase()
      .replace(MARK, "")
      .replace(LETTER, function (c) { return LETTERS[c]; });
    if (foldedCache.size > 65536) foldedCache.clear();
    foldedCache.set(text, hit);
    return hit;
  }

  function isAbbreviation(word) {
    var n = cpLength(word);
    return n >= 2 && n <= ABBREVIATION_MAX &&
      word === word.toUpperCase() && word !== word.toLowerCase();
  }

  /*
   * A step's rules as the build ships them (rules.py browser_step): one string
   * of "suffix,keep,added[,min_stem]" entries sorted by suffix and joined by
   * spaces, binary-searched where it is, with the longest suffix's length
   * beside it. Only where each entry starts is indexed: an object of every
   * rule cost the Polish table 30-40 ms of the worker's start; searching
   * without the index made the first screen's lookups slower than indexing.
   */
  function compileStep(step) {
    var packed = step.rules;
    if (typeof packed !== "string" || typeof step.max_length !== "number") {
      throw new Error("KbMorphology: a step's rules must come packed (rules.py browser_table)");
    }
    var starts = [];
    for (var at = 0; at < packed.length;) {
      starts.push(at);
      var end = packed.indexOf(" ", at);
      at = end < 0 ? packed.length : end + 1;
    }
    return { packed: packed, starts: starts, maxLen: step.max_length };
  }

  /* Order of `suffix` against the suffix of the entry at `start` (which ends at the entry's first comma). */
  function compareSuffix(packed, start, suffix) {
    for (var i = 0; ; i++) {
      var a = i < suffix.length ? suffix.charCodeAt(i) : -1;
      var b = packed.charCodeAt(start + i);
      if (b === 44) b = -1;  // ","
      if (a !== b) return a - b;
      if (a === -1) return 0;
    }
  }

  /* The rule for exactly `suffix` ({replacement, minStem}), or undefined. */
  function ruleFor(step, suffix) {
    var packed = step.packed, starts = step.starts;
    var lo = 0, hi = starts.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var order = compareSuffix(packed, starts[mid], suffix);
      if (order > 0) lo = mid + 1;
      else if (order < 0) hi = mid - 1;
      else {
        var fields = packed.slice(starts[mid] + suffix.length + 1,
                                  mid + 1 < starts.length ? starts[mid + 1] - 1 : packed.length).split(",");
        return { replacement: suffix.slice(0, +fields[0]) + fields[1], minStem: fields.length > 2 ? +fields[2] : 0 };
      }
    }
    return undefined;
  }

  function compile(table) {
    var steps = [];
    var raw = (table && table.steps) || [];
    for (var i = 0; i < raw.length; i++) {
      steps.push(compileStep(raw[i]));
    }
    return {
      minLength: table && table.min_length ? table.min_length : Infinity,
      exceptions: (table && table.exceptions) || {},
      steps: steps,
      families: (table && table.families) || []
    };
  }

  /* One step: the longest matching suffix that leaves a long enough stem (_apply_step). */
  function applyStep(step, word) {
    var length = cpLength(word);
    for (var n = Math.min(step.maxLen, word.length); n > 0; n--) {
      var rule = ruleFor(step, word.slice(-n));
      if (rule !== undefined && length - n >= rule.minStem) return word.slice(0, -n) + rule.replacement;
    }
    return word;
  }

  function exception(t, word) {
    return Object.prototype.hasOwnProperty.call(t.exceptions, word) ? t.exceptions[word] : word;
  }

  /* The rule interpreter: mirrors apply_table() in stemmer.py. */
  function applyTable(t, word) {
    word = exception(t, word);
    if (cpLength(word) < t.minLength) return word;
    for (var s = 0; s < t.steps.length; s++) word = applyStep(t.steps[s], word);
    return word;
  }

  /*
   * Lemma guesses, best first: applyTable's, then each shorter matching word
   * end of the first step, then the word itself (guesses() in stemmer.py);
   * a later guess shorter than the table's min_length is skipped.
   */
  function guesses(t, word) {
    word = exception(t, word);
    var length = cpLength(word);
    if (length < t.minLength || !t.steps.length) return [word];
    var first = t.steps[0];
    var found = [];
    for (var n = Math.min(first.maxLen, word.length); n > 0; n--) {
      var rule = ruleFor(first, word.slice(-n));
      if (rule !== undefined && length - n >= rule.minStem) found.push(word.slice(0, -n) + rule.replacement);
    }
    found.push(word);
    var out = [];
    found.forEach(function (guess) {
      for (var s = 1; s < t.steps.length; s++) guess = applyStep(t.steps[s], guess);
      if (out.indexOf(guess) < 0 && (!out.length || cpLength(guess) >= t.minLength)) out.push(guess);
    });
    return out;
  }

  /*
   * lexicon: site forms -> site key (the build's dictionary lemmas the rules
   * miss); bridge: rule key -> the site key it most often stands for. Both
   * come from Analyzer.browser_tables() in stemmer.py. terms (optional): the
   * index's terms; a word whose best guess is not among them tries its later
   * guesses (browser_key() in stemmer.py).
   */
  function create(table, lexicon, bridge, terms) {
    var t = compile(table);
    var lex = lexicon || {};
    var links = bridge || {};
    var known = terms ? new Set(terms) : null;
    var own = Object.prototype.hasOwnProperty;
    var cache = new Map();

    function browserKey(word) {
      var folded = [];
      guesses(t, word).forEach(function (g) {
        var f = fold(g);
        if (folded.indexOf(f) < 0) folded.push(f);
      });
      var best = folded[0];
      if (own.call(links, best)) return links[best];
      if (known === null || known.has(best)) return best;
      for (var i = 1; i < folded.length; i++) {
        if (own.call(links, folded[i])) return links[folded[i]];
        if (known.has(folded[i])) return folded[i];
      }
      return best;
    }

    function stem(word) {
      if (isAbbreviation(word)) return word.toLowerCase();
      word = word.toLowerCase();
      if (DIGIT.test(word)) return word;
      return applyTable(t, word);
    }

    function key(word) {
      var hit = cache.get(word);
      if (hit !== undefined) return hit;
      var lowered = word.toLowerCase();
      if (isAbbreviation(word) || DIGIT.test(lowered)) {
        hit = fold(lowered);
      } else if (own.call(lex, lowered)) {
        hit = lex[lowered];
      } else {
        hit = browserKey(lowered);
      }
      if (cache.size > 65536) cache.clear();
      cache.set(word, hit);
      return hit;
    }

    function keys(text) {
      return tokenize(text).map(function (tok) { return key(tok.text); });
    }

    /*
     * Other keys of a key's derivational family, in table order: one ending
     * of a `families` pair swapped for the other, both ways, when min_stem
     * code points stay before it (relatives() in stemmer.py). Search keeps
     * those the index has, scored apart from the word's own terms (family()
     * in search/assets/lexicon.js).
     */
    function relatives(k) {
      var out = [], length = cpLength(k);
      t.families.forEach(function (family) {
        [[family[0], family[1]], [family[1], family[0]]].forEach(function (pair) {
          if (!k.endsWith(pair[0]) || length - pair[0].length < family[2]) return;
          var relative = k.slice(0, k.length - pair[0].length) + pair[1];
          if (relative !== k && out.indexOf(relative) < 0) out.push(relative);
        });
      });
      return out;
    }

    return {
      locale: table && table.locale,
      tokenize: tokenize,
      fold: fold,
      stem: stem,
      key: key,
      keys: keys,
      relatives: relatives
    };
  }

  var api = { create: create, tokenize: tokenize, fold: fold, cpLength: cpLength };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbMorphology = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
