/*
 * KbSearchLexicon: the index terms a query word stands for.
 *
 * The lexicon is every index term in order with its document frequency:
 * prefixes and endings are ranges of it, and lunr's token set of all of them
 * (built on the first unknown word) finds typos. A word stands
 * for its key and folded form; the word being typed for its completions;
 * every content word for the keys sharing its stem (neighbours, siblings) and
 * the compounds it ends; and only a word the index does not know, for terms
 * one or two typos away and the completions of its stem's prefix. Apart
 * from those, a content word has the derivational relatives of its key
 * (family()), which scoring.js counts without letting them change the
 * word's weight. An unknown word may also be split into its two known
 * parts (compound()), and when nothing matches at all, closest() names the
 * most similar term.
 *
 *   var lexicon = KbSearchLexicon.create(payload, lunr, KbMorphology, m, fuzzyMin)
 *   lexicon.expand(word)       // -> {terms: {term: boost}, related: {term: boost}}
 */
(function (root) {
  "use strict";

  var PREFIX_BOOST = 0.5;   // a completion of the word being typed
  var PREFIX_LIMIT = 40;    // most completions of a short prefix (the most frequent)
  // and at most this many documents in their postings together (the first
  // completion always counts): on a large site a short prefix such as Estonian
  // "kli" stands for dozens of the most frequent words, whose postings were
  // 200 kB gzipped in 20 shards for one keystroke (benchmarks/search_typing.py).
  // A budget in documents, not a share of the site, keeps what a keystroke
  // fetches the same on a site ten times larger. 5,000 rather than 20,000
  // (1,000-article corpus, typed at 150 ms/key, the benchmark's 30 queries):
  // 551 -> 394 requests, the longest word 32 -> 23 requests (session 7).
  // A small site never reaches it (40 completions of 100 documents each).
  var PREFIX_DOCUMENTS = 5000;
  // The word being typed is completed from this many letters on: "o" or "ob"
  // would stand for the most frequent words of the site, whose postings and
  // result texts a visitor downloads only to type the next letter.
  var PREFIX_MIN = 3;
  var FUZZY_BOOST = 0.5;    // a word one edit away from an unknown word (a typo)
  var NEIGHBOUR_BOOST = 0.4;  // a key sharing the stem (see neighbours())
  var NEIGHBOUR_MIN = 4;
  var COMMON_SHARE = 0.25;  // see expand()
  var COMMON_MIN_DOCUMENTS = 2000;
  var NEIGHBOUR_SHARE = 0.6;
  var NEIGHBOUR_STEM = 0.5;
  var SIBLING_ENDING = 4;
  var COMPOUND_BOOST = 0.3;  // a compound that ends in the word (see compounds())
  // A lemma of the word's derivational family (the table's `families`:
  // samoobsluzny -> samoobsluha), below the word's own forms and its stem
  // neighbours, scored apart from them (see family()).
  var FAMILY_BOOST = 0.3;
  // Shortest part of a compound, one for both directions: the head a word's
  // compounds add (kliendi + teenindus) and either part of a word split in
  // two (toote + teadmised, compound()).
  var COMPOUND_PART = 4;
  var DIGIT = /\p{Nd}/u;
  var FUZZY2_MIN = 8;       // an unknown word this long also matches with two typos
  var STEM_PREFIX_MIN = 5;  // shortest stem prefix tried for an unknown word
  var STEM_PREFIX_SHARE = 0.6;
  var STEM_PREFIX_BOOST = 0.4;
  var SUGGEST_MIN = 0.5;    // least letter-pair similarity of a "did you mean" word
  var SUGGEST_LENGTH = 4;   // shortest word offered a "did you mean" replacement

  /*
   * `payload`: {terms (sorted), df, count, functionWords}; `m`: the
   * morphology core made from the payload's table (KbMorphology.create);
   * `fuzzyMin`: the shortest word matched with one typo (option fuzzy_min_length).
   */
  /* lunr.TokenSet#toArray's order: depth first, a term before its extensions, greater letters first. */
  function automatonOrder(a, b) {
    if (b.startsWith(a)) return -1;
    if (a.startsWith(b)) return 1;
    return a < b ? 1 : -1;
  }

  function create(payload, lunr, Morphology, m, fuzzyMin) {
    var terms = payload.terms;
    var df = payload.df;
    var count = payload.count;
    var functionWords = Object.create(null);
    (payload.functionWords || []).forEach(function (w) { functionWords[w] = true; });
    var positions = Object.create(null);
    for (var t = 0; t < terms.length; t++) positions[terms[t]] = t;
    // lunr's automaton of every term matches typos (fuzzy()); building it was
    // half of loading the index, so it is built the first time a word is
    // unknown. Prefixes and endings are read from the sorted terms instead
    // (startingWith, endingWith), in the order the automaton gave them.
    var tokenSet = null;
    function automaton() { return tokenSet || (tokenSet = lunr.TokenSet.fromArray(terms)); }
    function hasTerm(term) { return positions[term] !== undefined; }

    /*
     * Index terms a word stands for, with their boost (`terms`): its key and
     * folded form; for the word being typed, the terms its folded form
     * begins; keys sharing its stem; and only for a word the index does not
     * know at all, terms one edit away (a typo). Apart from them, its
     * derivational relatives the index has (`related`, see family()).
     */
    function expand(word) {
      var terms = Object.create(null), related = Object.create(null);
      var out = { terms: terms, related: related };
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
      if (word.prefix && !common && Morphology.cpLength(word.fold) >= PREFIX_MIN) {
        completions(word.fold).forEach(add(PREFIX_BOOST));
      }
      var known = Object.keys(terms).length > 0;
      // A function word stands for itself (and, being typed, its completions).
      if (word.func) return out;
      // A word still being typed that is not yet a word of the site stands
      // for its completions: the stem relatives and compounds of the key the
      // rules give a fragment ("kliend") are other words' postings, fetched
      // for a list the next letter replaces. So when that key is a word of
      // the site: "kliendit" (on its way to klienditeenindus) keys to
      // kliendi, whose neighbours (kliendile, kliendiga, kliendid, ...) are
      // among the most frequent words (seven term shards, 150 kB gz for one
      // keystroke at 10,000 articles).
      if (word.prefix && known && (!forms.some(hasTerm) || isFragment(word.fold))) return out;
      if (!common) neighbours(word.key, add(NEIGHBOUR_BOOST));
      if (!common) compounds(word.key, add(COMPOUND_BOOST));
      if (!known && !DIGIT.test(word.fold)) {
        fuzzy(forms, 1, fuzzyMin, add(FUZZY_BOOST));
        if (!Object.keys(terms).length) fuzzy(forms, 2, FUZZY2_MIN, add(FUZZY_BOOST * FUZZY_BOOST));
        if (!Object.keys(terms).length) stemPrefix(word.key, add(STEM_PREFIX_BOOST));
      }
      if (!common) family(word.key, terms, related);
      return out;
    }

    /*
     * The key's derivational relatives (the rule table's `families`:
     * samoobsluzny -> samoobsluha, zwrocic -> zwrot) that the index has and
     * the word's own expansions lack. They are kept apart (`related`):
     * scoring.js adds their score to the word's but counts neither them in the
     * word's weight nor their boost in its query norm, so a frequent relative
     * (reklamovat -> reklamacia) does not make the word itself weigh less
     * against the query's other words. Work per word: the table's pairs.
     */
    function family(key, terms, related) {
      m.relatives(key).forEach(function (term) {
        if (terms[term] === undefined && functionWords[term] !== true && hasTerm(term)) related[term] = FAMILY_BOOST;
      });
    }

    /* Terms `distance` edits away from a form at least `min` letters long. */
    function fuzzy(forms, distance, min, add) {
      forms.forEach(function (form) {
        if (Morphology.cpLength(form) < min) return;
        automaton().intersect(lunr.TokenSet.fromFuzzyString(form, distance)).toArray().forEach(add);
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
      if (Morphology.cpLength(text) < COMPOUND_PART || DIGIT.test(text)) return null;
      var key = m.key(text), fold = m.fold(text);
      if (hasTerm(key)) return { text: text, key: key, fold: fold };
      if (hasTerm(fold)) return { text: text, key: fold, fold: fold };
      return null;
    }

    /* A word as two known words (the split with the longer shorter part), or null. */
    function compound(word) {
      var chars = Array.from(word.fold), best = null, bestShort = 0;
      for (var i = COMPOUND_PART; i <= chars.length - COMPOUND_PART; i++) {
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
      startingWith(key).forEach(function (term) {
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
        startingWith(key.slice(0, n)).forEach(function (term) {
          // For a key the index has, a term of about its length is more often
          // another inflected spelling (the exact field's `reklamacji`) than a
          // derivation; it would outrank the exact form the visitor typed.
          if (term === key || term.length > n + SIBLING_ENDING) return;
          if (!known || Math.abs(term.length - length) >= 2) add(term);
        });
      }
    }

    /*
     * The compounds a word ends, a ranking signal (teenindus ->
     * klienditeenindus): a head of at least COMPOUND_PART letters in front.
     * The other direction, a compound and its parts, is a variant of the
     * query (compound(), used by query.js's variants()): a section holding
     * both parts then covers the word, one holding the last part half of it.
     */
    function compounds(key, add) {
      var length = key.length;
      if (length < COMPOUND_PART || DIGIT.test(key)) return;
      endingWith(key).forEach(function (term) {
        if (term.length >= length + COMPOUND_PART) add(term);
      });
    }

    /* Terms that begin with what is typed; the most frequent ones when there are many. */
    function completions(prefix) {
      var terms = startingWith(prefix);
      var documents = 0;
      terms.forEach(function (term) { documents += frequency(term); });
      if (terms.length <= PREFIX_LIMIT && documents <= PREFIX_DOCUMENTS) return terms;
      var ranked = terms
        .map(function (term) { return [term, frequency(term)]; })
        .sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })
        .slice(0, PREFIX_LIMIT);
      // The most frequent first, while their postings stay within the budget.
      var out = [], total = 0;
      for (var i = 0; i < ranked.length && (i === 0 || total + ranked[i][1] <= PREFIX_DOCUMENTS); i++) {
        out.push(ranked[i][0]);
        total += ranked[i][1];
      }
      return out;
    }

    function frequency(term) {
      return df[positions[term]];
    }

    /*
     * Terms that begin with `prefix` (itself included), found by bisecting
     * the sorted terms (the index sorts them as JavaScript compares
     * strings), in the order lunr's automaton listed them for "prefix*": a
     * term before its extensions, otherwise the greater first.
     */
    function startingWith(prefix) {
      var out = [];
      for (var i = firstFrom(prefix); i < terms.length && terms[i].startsWith(prefix); i++) out.push(terms[i]);
      return out.sort(automatonOrder);
    }

    /* Position of the first term not below `prefix` (bisecting the sorted terms). */
    function firstFrom(prefix) {
      var lo = 0, hi = terms.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
      }
      return lo;
    }

    /*
     * Whether a folded word is not a word of the site but begins one
     * ("szkol", "klienditee"): typed, it is most likely on its way to a
     * longer word. The exact fields index the folded form of every word of
     * titles, headings and section texts as written, so this reads the
     * terms alone.
     */
    function isFragment(fold) {
      if (hasTerm(fold)) return false;
      var at = firstFrom(fold);
      return at < terms.length && terms[at].startsWith(fold);
    }

    /* Terms that end in `ending` (itself included), in the same order. */
    function endingWith(ending) {
      var out = [];
      for (var i = 0; i < terms.length; i++) if (terms[i].endsWith(ending)) out.push(terms[i]);
      return out.sort(automatonOrder);
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

    return {
      hasTerm: hasTerm,
      isFragment: isFragment,
      position: function (term) { return positions[term]; },
      expand: expand,
      startingWith: startingWith,
      endingWith: endingWith,
      compound: compound,
      closest: closest
    };
  }

  // PREFIX_MIN is shared: the engine lists a shorter word being typed by page title.
  var api = { create: create, PREFIX_MIN: PREFIX_MIN };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root) root.KbSearchLexicon = api;
})(typeof self !== "undefined" ? self : typeof globalThis !== "undefined" ? globalThis : this);
