"""Run the search engine and the worker of kb-search under node, as the browser would."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "kb_generator"
ASSETS = PACKAGE / "search" / "assets"
LUNR = ASSETS / "vendor" / "lunr.min.js"
ENGINE = ASSETS / "engine.js"
MORPHOLOGY = PACKAGE / "morphology" / "assets" / "morphology.js"

# Reads {payload, options, queries, raw, clauses, expand} on stdin: engine
# results per query; for `raw` terms the plain lunr.js results (ref, score) of
# one term clause; for `clauses` ({term: boost}) the engine's scores (scoreMap) next to
# lunr.js's query() of the same boosted clauses: [ref, score, matched terms]
# each; for `expand` queries, the index terms each word expands to.
_ENGINE = r"""
const fs = require("fs");
const [lunrPath, morphologyPath, enginePath] = process.argv.slice(1);
const lunr = require(lunrPath), M = require(morphologyPath), S = require(enginePath);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const engine = S.create(input.payload, input.options || {}, lunr, M);
const index = lunr.Index.load(S.unpack(input.payload));
(async () => {
  const results = [];
  for (const q of input.queries) results.push(await engine.search(q));
  process.stdout.write(JSON.stringify({
    results,
    raw: (input.raw || []).map(term => index.query(q => q.term(term, {usePipeline: false}))
      .map(r => [r.ref, r.score])),
    expansions: (input.expand || []).map(
      q => engine.words(q).map(w => Object.keys(engine.expansions(w)).sort())),
    clauses: (input.clauses || []).map(boosts => ({
      engine: Object.entries(engine.scoreMap(boosts).hits).map(([ref, h]) => [ref, h.score, h.terms.sort()]),
      lunr: index.query(q => Object.keys(boosts).forEach(
        term => q.term(term, {usePipeline: false, boost: boosts[term]})))
        .map(r => [r.ref, r.score, Object.keys(r.matchData.metadata).sort()]),
    })),
  }));
})().catch(error => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
"""

# A worker-like global of its own (no `module`, `require`, `window`):
# importScripts and fetch read files next to the worker in the built site
# (and list what was fetched); messages in, messages out, in order.
_WORKER = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const [workerPath] = process.argv.slice(1);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const dir = path.dirname(workerPath);
const local = url => path.join(dir, url.split("?")[0]);
const out = [], errors = [], fetched = [];
let listener = null;
const scope = {
  console: { log() {}, warn() {}, error: (...args) => errors.push(args.map(String).join(" ")) },
  setTimeout, Promise, JSON, Object, Array, Math, Map, Set, RegExp, String, Number, Error, TypeError,
  postMessage: message => out.push(JSON.parse(JSON.stringify(message))),
  addEventListener: (type, fn) => { if (type === "message") listener = fn; },
  fetch: url => (fetched.push(url.split("?")[0]), 0) || Promise.resolve(fs.existsSync(local(url))
    ? { ok: true, status: 200, json: () => Promise.resolve(JSON.parse(fs.readFileSync(local(url), "utf8"))) }
    : { ok: false, status: 404 }),
};
scope.self = scope;
const context = vm.createContext(scope);
scope.importScripts = (...urls) => urls.forEach(
  url => vm.runInContext(fs.readFileSync(local(url), "utf8"), context));
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context);
(async () => {
  for (const message of input.messages) {
    listener({ data: message });
    if (message.type === 0) {
      while (!out.some(m => m.type === 1)) await new Promise(r => setTimeout(r, 5));
    }
  }
  const queries = input.messages.filter(m => m.type === 2).length;
  const deadline = Date.now() + 20000;
  while (out.filter(m => m.type === 3).length < queries && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 5));
  }
  await new Promise(r => setTimeout(r, 50));
  process.stdout.write(JSON.stringify({ messages: out, errors, fetched }));
})();
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not on PATH: kb-search's browser code is tested under node")
    return node


def _run(script: str, args: list[str], payload: dict[str, Any]) -> Any:
    proc = subprocess.run(
        [_node(), "-e", script, *args], input=json.dumps(payload, ensure_ascii=True),
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def search(
    payload: dict[str, Any], queries: list[str], options: dict[str, Any] | None = None,
    raw: list[str] | None = None, clauses: list[dict[str, float]] | None = None,
    expand: list[str] | None = None,
) -> dict[str, Any]:
    """Engine results for each query (and plain lunr.js results for `raw` terms and `clauses`)."""
    return _run(  # type: ignore[no-any-return]
        _ENGINE, [str(LUNR), str(MORPHOLOGY), str(ENGINE)],
        {"payload": payload, "options": options or {}, "queries": queries, "raw": raw or [],
         "clauses": clauses or [], "expand": expand or []},
    )


def worker(worker_js: Path, messages: list[dict[str, Any]]) -> dict[str, Any]:
    """Messages the worker at `worker_js` (in a built site) posts for `messages`."""
    return _run(_WORKER, [str(worker_js)], {"messages": messages})  # type: ignore[no-any-return]


def locations(result: dict[str, Any]) -> list[str]:
    """Result locations as Material lists them: groups in order, best first in a group."""
    out = []
    for group in result["items"]:
        for item in sorted(group, key=lambda item: -item["score"]):
            out.append(item["location"])
    return out
