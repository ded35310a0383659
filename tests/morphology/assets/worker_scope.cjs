/*
 * Driver of tests/morphology/test_parity.py: morphology.js run as importScripts()
 * runs it in a worker (no `module`, the API lands on `self`).
 *
 *   node worker_scope.cjs <morphology.js> < <rule table JSON>
 *
 * Writes the keys of "Obsłudze klientów".
 */
"use strict";
const fs = require("fs"), vm = require("vm");

const context = { self: {} };
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context);
const m = context.self.KbMorphology.create(JSON.parse(fs.readFileSync(0, "utf8")));
process.stdout.write(JSON.stringify(m.keys("Obsłudze klientów")));
