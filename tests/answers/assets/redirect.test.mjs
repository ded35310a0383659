// Unit tests of plugins/kb_generator/answers/assets/redirect.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import vm from "node:vm";

const SOURCE = fs.readFileSync(new URL("../../../plugins/kb_generator/answers/assets/redirect.js", import.meta.url), "utf8");

function forward(target, hash) {
  const went = [];
  vm.runInNewContext(`${SOURCE}redirect(${JSON.stringify(target)});`,
                     { location: { hash, replace: url => went.push(url) } });
  return went;
}

test("the redirect keeps the fragment of the old link", () => {
  assert.deepEqual(forward("../nowa-strona/", "#complaint-refund"), ["../nowa-strona/#complaint-refund"]);
  assert.deepEqual(forward("../nowa-strona/", ""), ["../nowa-strona/"]);
});
