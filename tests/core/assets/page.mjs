/*
 * A page for the unit tests of the scripts we inline or link into pages
 * (glossary.js, answers.js): jsdom 26 (pinned in package.json) with a
 * controlled clock, so a test says "200 ms later" instead of waiting.
 *
 *   const { window, document, clock } = page(`<p>...</p>`, { url, setup: w => {...} });
 *   window.eval(SOURCE); clock.tick(200);
 *
 * jsdom implements the DOM and events, not layout, the clipboard or
 * scrolling; a test stubs what its script needs of those in `setup`, which
 * runs before the script (as the browser would have them ready).
 */
import fs from "node:fs";
import { JSDOM } from "jsdom";

/* The text of a shipped script, by its path below plugins/kb_generator/. */
export function shipped(path) {
  return fs.readFileSync(new URL(`../../../plugins/kb_generator/${path}`, import.meta.url), "utf8");
}

export function page(body, { url = "https://kb.example.org/pl/", head = "", setup } = {}) {
  const dom = new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`,
                        { url, runScripts: "outside-only" });
  const { window } = dom;
  let now = 0, serial = 0;
  const timers = [];
  window.setTimeout = (run, delay = 0) => { timers.push({ id: ++serial, at: now + delay, run }); return serial; };
  window.clearTimeout = id => {
    const at = timers.findIndex(timer => timer.id === id);
    if (at >= 0) timers.splice(at, 1);
  };
  const clock = {
    /* Let `ms` pass, running every timer that falls due, in order. */
    tick(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        if (!timers.length || timers[0].at > end) break;
        const timer = timers.shift();
        now = timer.at;
        timer.run();
      }
      now = end;
    },
  };
  if (setup) setup(window);
  return { window, document: window.document, clock };
}
