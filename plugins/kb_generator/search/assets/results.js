/*
 * kb-search on the page, beside Material's search box.
 *
 * Say the answer aloud. Material renders the results of our worker but
 * announces nothing while one types; when the results start with a
 * definition card, or nothing matched and the panel offers "did you mean" and
 * the fallback pages, a polite status region reads that answer (the card's
 * term and definition, or the suggestion and the note), once per result.
 *
 * Search as the letter appears. Material reads the box on `keyup`, so a
 * query waits until the finger leaves the key (80-150 ms of a typist's
 * keystroke); the box's `input` event is passed on to Material as a keyup of
 * the box itself (not bubbling: nothing else on the page sees it), and
 * Material's own keyup then finds the value unchanged and sends nothing more.
 */
(function () {
  "use strict";

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* What to announce for the results now shown ("" for an ordinary list). */
  function answer(list) {
    var card = list.querySelector(".kb-search-definition");
    if (card) {
      var article = card.closest("article");
      return [text(article && article.querySelector("h2")), text(card)].join(" ").trim();
    }
    var suggestion = list.querySelector(".kb-search-suggestion");
    var note = list.querySelector(".kb-search-fallback");
    if (suggestion) return [text(suggestion.closest("h1, h2")), text(note)].join(" ").trim();
    return text(note);
  }

  /* Material sends the box's value to the worker on keyup: send it on input. */
  function searchOnInput() {
    var box = document.querySelector("[data-md-component=search-query]");
    if (!box) return;
    box.addEventListener("input", function () {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
    });
  }

  function announceAnswers() {
    var result = document.querySelector("[data-md-component=search-result]");
    var list = result && result.querySelector(".md-search-result__list");
    if (!list) return;
    var status = null, timer = 0, last = "";
    new MutationObserver(function () {
      clearTimeout(timer);
      // Results arrive keystroke by keystroke: speak once they settle.
      timer = setTimeout(function () {
        var now = answer(list);
        if (now === last) return;
        last = now;
        if (status) { status.textContent = now; return; }
        // Made when there is first something to say (a page without a search
        // has none), empty: screen readers announce changes of a region
        // already in the page, so the text follows a moment later.
        status = document.createElement("div");
        status.className = "kb-search-announce";
        status.setAttribute("role", "status");
        document.body.appendChild(status);  // outside the list Material redraws
        setTimeout(function () { status.textContent = last; }, 100);
      }, 400);
    }).observe(list, { childList: true });
  }

  function setup() {
    searchOnInput();
    announceAnswers();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
