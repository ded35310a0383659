// Unit tests of plugins/kb_generator/glossary/assets/glossary.js (run by `make test`: node --test),
// the shipped script unchanged in a jsdom page (tests/core/assets/page.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { page, shipped } from "../../core/assets/page.mjs";

const SOURCE = shipped("glossary/assets/glossary.js");
const BODY = `
  <p>Zapytaj o <a class="kb-term" href="../slowniczek/#nps" data-term="nps"
     data-definition="Wskaźnik lojalności klientów.">NPS</a> i
     <a class="kb-term" href="../slowniczek/#csat" data-term="csat"
     data-definition="<img src=x onerror=alert(1)> & satysfakcja">CSAT</a>.</p>
  <a id="other" href="../">Strona główna</a>`;

/* The page with glossary.js run, a viewport `width` wide (jsdom has no layout). */
function glossaryPage(width = 1000) {
  const view = page(BODY, {
    url: "https://kb.example.org/pl/akademia/",
    setup: window => Object.defineProperty(window.document.documentElement, "clientWidth", { value: width }),
  });
  view.window.eval(SOURCE);
  const [nps, csat] = view.document.querySelectorAll("a.kb-term");
  return { ...view, nps, csat, tip: () => view.document.getElementById("kb-term-preview") };
}

function fire(window, target, type, init = {}) {
  const event = new window.MouseEvent(type, { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/* Whether a click on `target` was kept from following the link (then stopped: jsdom does not navigate). */
function clickPrevented(window, target) {
  let prevented = null;
  const record = event => { prevented = event.defaultPrevented; event.preventDefault(); };
  window.document.addEventListener("click", record);
  fire(window, target, "click");
  window.document.removeEventListener("click", record);
  return prevented;
}

/* jsdom has no PointerEvent: a mouse event with the pointer's type, as the browser sends it. */
function pointerDown(window, target, pointerType) {
  const event = new window.MouseEvent("pointerdown", { bubbles: true, cancelable: true });
  Object.defineProperty(event, "pointerType", { value: pointerType });
  target.dispatchEvent(event);
}

test("hovering a term shows its definition as a tooltip the link is described by", () => {
  const { window, nps, tip } = glossaryPage();
  assert.equal(tip(), null, "no preview before it is needed");
  fire(window, nps, "mouseover");
  assert.equal(tip().getAttribute("role"), "tooltip");
  assert.equal(tip().hidden, false);
  assert.equal(tip().querySelector("strong").textContent, "NPS");
  assert.equal(tip().textContent, "NPS Wskaźnik lojalności klientów.");
  assert.equal(nps.getAttribute("aria-describedby"), "kb-term-preview");
});

test("a definition is shown as text: markup in it never becomes elements", () => {
  const { window, csat, tip } = glossaryPage();
  fire(window, csat, "mouseover");
  assert.equal(tip().querySelector("img"), null);
  assert.equal(tip().querySelector("span").textContent, " <img src=x onerror=alert(1)> & satysfakcja");
});

test("leaving a term hides the preview 200 ms later, unless the pointer moves onto it", () => {
  const { window, document, clock, nps, tip } = glossaryPage();
  fire(window, nps, "mouseover");
  fire(window, nps, "mouseout", { relatedTarget: document.body });
  clock.tick(199);
  assert.equal(tip().hidden, false);
  clock.tick(1);
  assert.equal(tip().hidden, true);
  assert.equal(nps.hasAttribute("aria-describedby"), false);

  fire(window, nps, "mouseover");
  fire(window, nps, "mouseout", { relatedTarget: tip() });
  tip().dispatchEvent(new window.MouseEvent("mouseenter"));
  clock.tick(1000);
  assert.equal(tip().hidden, false, "the preview stays while the pointer is on it");
  tip().dispatchEvent(new window.MouseEvent("mouseleave"));
  clock.tick(200);
  assert.equal(tip().hidden, true);
});

test("keyboard: focus shows the preview, Escape hides it at once, leaving hides it", () => {
  const { window, clock, nps, csat, tip } = glossaryPage();
  nps.focus();
  assert.equal(tip().hidden, false);
  window.document.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  assert.equal(tip().hidden, true);
  assert.equal(nps.hasAttribute("aria-describedby"), false);

  nps.focus();
  csat.focus();
  assert.equal(tip().querySelector("strong").textContent, "CSAT", "one preview, for the focused term");
  assert.equal(nps.hasAttribute("aria-describedby"), false, "only the shown term is described by it");
  assert.equal(csat.getAttribute("aria-describedby"), "kb-term-preview");
  csat.blur();
  clock.tick(200);
  assert.equal(tip().hidden, true);
  assert.equal(window.document.querySelectorAll("#kb-term-preview").length, 1);
});

test("the preview sits below the term and stays inside a narrow viewport", () => {
  const { window, nps, tip } = glossaryPage(400);
  nps.getBoundingClientRect = () => ({ left: 380, right: 410, top: 100, bottom: 120, width: 30, height: 20 });
  fire(window, nps, "mouseover");
  assert.equal(tip().style.maxWidth, "320px");
  assert.equal(tip().style.left, "72px", "400 - 320 - 8: pulled back from the right edge");
  assert.equal(tip().style.top, "126px");

  const phone = glossaryPage(300);
  phone.nps.getBoundingClientRect = () => ({ left: 2, right: 30, top: 0, bottom: 20, width: 28, height: 20 });
  fire(phone.window, phone.nps, "mouseover");
  assert.equal(phone.tip().style.maxWidth, "284px", "the viewport less 16 px");
  assert.equal(phone.tip().style.left, "8px");
});

test("touch: the first tap shows the definition instead of following the link, the second follows it", () => {
  const { window, document, nps, tip } = glossaryPage();
  pointerDown(window, nps, "touch");
  assert.equal(tip().hidden, false);
  assert.equal(clickPrevented(window, nps), true);
  pointerDown(window, nps, "touch");
  assert.equal(clickPrevented(window, nps), false);

  pointerDown(window, document.getElementById("other"), "touch");
  assert.equal(tip().hidden, true, "a tap elsewhere closes the preview");
  pointerDown(window, nps, "mouse");
  assert.equal(tip().hidden, true, "a mouse press is left to hover and click");
});
