// Unit tests of plugins/kb_generator/answers/assets/answers.js (run by `make test`: node --test),
// the shipped script unchanged in a jsdom page (tests/core/assets/page.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { page, shipped } from "../../core/assets/page.mjs";

const SOURCE = shipped("answers/assets/answers.js");
const STRINGS = `<script id="__kb_answers" type="application/json">{"answer_copied": "Skopiowano odpowiedź",
  "copy_answer": "Kopiuj odpowiedź", "copy_link": "Kopiuj link", "link_copied": "Skopiowano link"}</script>`;
// As the build writes a FAQ page: answers wrapped in section.kb-answer, an old id kept before
// its renamed heading, a glossary's letter headings and the related pages' heading. (jsdom has
// no innerText, so the script reads textContent: the list keeps Python-Markdown's line breaks.)
const ARTICLE = `
  <div class="md-content"><article>
    <h1 id="kontakt">Kontakt</h1>
    <h2 id="intro">Zanim napiszesz<a class="headerlink" href="#intro">¶</a></h2>
    <p>Wstęp.</p>
    <section class="kb-answer" data-kb-answer="contact-hours">
      <span id="godziny" class="kb-renamed-id" data-kb-renamed-to="contact-hours"></span>
      <h2 data-kb-question="" id="contact-hours">W jakich godzinach pracują konsultanci?<a class="headerlink" href="#contact-hours">¶</a></h2>
      <p>Od poniedziałku do piątku, 8:00–20:00.</p>
      <ul>\n<li>Czat</li>\n<li>Telefon</li>\n</ul>
    </section>
    <h2 id="letter-a">A</h2>
    <div class="kb-related"><h2 id="related">Powiązane</h2></div>
  </article></div>`;
const URL = "https://kb.example.org/pl/pomoc/kontakt/";

/*
 * The page with answers.js run. `clipboard`: what navigator.clipboard.writeText
 * does ("ok", "refuse", or none: no async clipboard); `execCommand`: the
 * fallback's result. jsdom has neither, nor scrolling: stubbed as a browser has them.
 */
function answersPage({ strings = STRINGS, hash = "", clipboard = "ok", execCommand = true } = {}) {
  const record = { written: [], commands: [], scrolled: [] };
  const view = page(ARTICLE, {
    url: URL + hash,
    head: `<link rel="canonical" href="${URL}">${strings}`,
    setup: window => {
      window.isSecureContext = true;
      if (clipboard) {
        Object.defineProperty(window.navigator, "clipboard", { value: { writeText(text) {
          record.written.push(text);
          return clipboard === "ok" ? Promise.resolve() : Promise.reject(new Error("denied"));
        } } });
      }
      window.document.execCommand = command => {  // what is selected when the page copies
        const area = window.document.querySelector("textarea");
        const selected = area && area.selectionStart === 0 && area.selectionEnd === area.value.length;
        record.commands.push([command, selected ? area.value : null]);
        return execCommand;
      };
      window.HTMLElement.prototype.scrollIntoView = function () { record.scrolled.push(this.id); };
    },
  });
  view.window.eval(SOURCE);
  const status = view.document.querySelector(".kb-copy-status");
  return { ...view, record, status, button: (id, kind) =>
    view.document.getElementById(id).nextElementSibling.querySelector(`[data-kb-copy="${kind}"]`) };
}

/* Let the clipboard's promise settle, then the announcement's delay pass. */
async function settle(clock) {
  await new Promise(resolve => setImmediate(resolve));
  clock.tick(50);
}

test("every heading with an id gets Copy link; a FAQ answer also gets Copy answer, in the page's language", () => {
  const { document, button } = answersPage();
  const bars = [...document.querySelectorAll(".kb-actions")];
  assert.deepEqual(bars.map(bar => bar.previousElementSibling.id), ["intro", "contact-hours"],
                   "h1, letter headings and the related pages' heading are left alone");
  assert.equal(button("intro", "link").textContent, "Kopiuj link");
  assert.equal(button("intro", "answer"), null, "a section that is not a FAQ answer");
  assert.equal(button("contact-hours", "answer").textContent, "Kopiuj odpowiedź");
  assert.equal(button("contact-hours", "link").type, "button");
});

test("without the page's strings the buttons fall back to English", () => {
  const { button } = answersPage({ strings: "" });
  assert.equal(button("contact-hours", "link").textContent, "Copy link");
  assert.equal(button("contact-hours", "answer").textContent, "Copy answer");
});

test("Copy link copies the canonical address of the heading and announces it politely", async () => {
  const { window, clock, record, status, button } = answersPage({ hash: "#intro" });
  assert.equal(status.getAttribute("role"), "status");
  assert.equal(status.getAttribute("aria-live"), "polite");
  button("contact-hours", "link").dispatchEvent(new window.MouseEvent("click"));
  assert.deepEqual(record.written, [`${URL}#contact-hours`]);
  await settle(clock);
  assert.equal(status.textContent, "Skopiowano link");
});

test("Copy answer copies the question, the answer's text and its link, without the buttons", async () => {
  const { window, clock, record, status, button } = answersPage();
  button("contact-hours", "answer").dispatchEvent(new window.MouseEvent("click"));
  assert.deepEqual(record.written, [
    "W jakich godzinach pracują konsultanci?\n\nOd poniedziałku do piątku, 8:00–20:00.\n\nCzat\nTelefon" +
    `\n\n${URL}#contact-hours`,
  ]);
  await settle(clock);
  assert.equal(status.textContent, "Skopiowano odpowiedź");
});

test("without the async clipboard, or when it refuses, a selected textarea is copied instead", async () => {
  for (const clipboard of [null, "refuse"]) {
    const { window, document, clock, record, status, button } = answersPage({ clipboard });
    const focused = button("intro", "link");
    focused.focus();
    focused.dispatchEvent(new window.MouseEvent("click"));
    await settle(clock);
    assert.deepEqual(record.commands, [["copy", `${URL}#intro`]], String(clipboard));
    assert.equal(document.querySelector("textarea"), null, "the textarea is removed");
    assert.equal(document.activeElement, focused, "focus returns to the button");
    assert.equal(status.textContent, "Skopiowano link");
  }
});

test("nothing copied, nothing announced", async () => {
  const { window, clock, status, button } = answersPage({ clipboard: null, execCommand: false });
  button("intro", "link").dispatchEvent(new window.MouseEvent("click"));
  await settle(clock);
  assert.equal(status.textContent, "");
});

test("a link to a renamed answer's old id shows the current id and lands on the answer", () => {
  const { window, record } = answersPage({ hash: "#godziny" });
  assert.equal(window.location.hash, "#contact-hours");
  assert.deepEqual(record.scrolled, ["contact-hours"]);

  const other = answersPage({ hash: "#intro" });
  assert.equal(other.window.location.hash, "#intro", "a current id stays");
  assert.deepEqual(other.record.scrolled, []);
  other.window.location.hash = "#godziny";  // the visitor follows an old link on the page
  other.window.dispatchEvent(new other.window.HashChangeEvent("hashchange"));
  assert.equal(other.window.location.hash, "#contact-hours");
  assert.deepEqual(other.record.scrolled, ["contact-hours"]);
});
