/*
 * Driver of tests/search/node.py: a built site's worker.js in a worker-like
 * global of its own (no `module`, `require`, `window`).
 *
 *   node worker_driver.cjs <site>/assets/kb/search/worker.js < {messages}
 *
 * importScripts and fetch read files next to the worker in the built site
 * (and list what was fetched); messages in, messages out, in order. Writes
 * {messages, errors, fetched, created}. Input: {messages, burst, hash, settle}:
 * `hash`, the worker URL's fragment (the index the page names, fetched
 * before SETUP); `settle`, milliseconds before the first message. `created`:
 * for each engine the worker made, how many messages had been sent then.
 */
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");

const [workerPath] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const dir = path.dirname(workerPath);
const local = url => path.join(dir, url.split("?")[0]);
const out = [], errors = [], fetched = [];
let listener = null;
const scope = {
  console: { log() {}, warn() {}, error: (...args) => errors.push(args.map(String).join(" ")) },
  location: { hash: input.hash ? "#" + encodeURIComponent(input.hash) : "" },
  setTimeout, Promise, JSON, Object, Array, Math, Map, Set, RegExp, String, Number, Error, TypeError,
  postMessage: message => out.push(JSON.parse(JSON.stringify(message))),
  addEventListener: (type, fn) => { if (type === "message") listener = fn; },
  fetch: url => {
    fetched.push(url.split("?")[0]);
    return Promise.resolve(fs.existsSync(local(url))
      ? { ok: true, status: 200, json: () => Promise.resolve(JSON.parse(fs.readFileSync(local(url), "utf8"))) }
      : { ok: false, status: 404 });
  },
};
scope.self = scope;
const context = vm.createContext(scope);
scope.importScripts = (...urls) => urls.forEach(
  url => vm.runInContext(fs.readFileSync(local(url), "utf8"), context));
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context);
const created = [];
let sent = 0;
const create = scope.KbSearch.create;
scope.KbSearch.create = (...args) => { created.push(sent); return create(...args); };
(async () => {
  if (input.settle) await new Promise(r => setTimeout(r, input.settle));
  // A visitor typing slowly: each QUERY after the previous one's RESULT;
  // with `burst`, every QUERY at once (typing faster than the worker answers).
  for (const message of input.messages) {
    const answered = out.filter(m => m.type === 3).length;
    sent += 1;
    listener({ data: message });
    if (message.type === 0) {
      while (!out.some(m => m.type === 1)) await new Promise(r => setTimeout(r, 5));
    } else if (message.type === 2 && !input.burst) {
      const deadline = Date.now() + 20000;
      while (out.filter(m => m.type === 3).length === answered && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 1));
      }
    }
  }
  const queries = input.messages.filter(m => m.type === 2).length;
  const deadline = Date.now() + 20000;
  while (out.filter(m => m.type === 3).length < queries && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 5));
  }
  await new Promise(r => setTimeout(r, 50));
  process.stdout.write(JSON.stringify({ messages: out, errors, fetched, created }));
})();
