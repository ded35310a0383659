// Unit tests of plugins/kb_generator/translations/assets/chooser.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import vm from "node:vm";

const SOURCE = fs.readFileSync(new URL("../../../plugins/kb_generator/translations/assets/chooser.js", import.meta.url), "utf8");
const HOMES = { et: "et/", pl: "pl/", sk: "sk/" };

/* Where a browser with these languages is sent (the page's own call, as chooser.py writes it). */
function destination(navigator) {
  const went = [];
  const page = { navigator, location: { replace: url => went.push(url) } };
  vm.runInNewContext(`${SOURCE}chooseLanguage(${JSON.stringify(HOMES)}, "pl");`, page);
  return went;
}

test("the first preferred language the site has wins, region and case aside", () => {
  assert.deepEqual(destination({ languages: ["de-DE", "SK-sk", "et"] }), ["sk/"]);
  assert.deepEqual(destination({ languages: ["et-EE"] }), ["et/"]);
});

test("no language the site has, or none at all: the default language", () => {
  assert.deepEqual(destination({ languages: ["fr", "de"] }), ["pl/"]);
  assert.deepEqual(destination({ language: "" }), ["pl/"]);
  assert.deepEqual(destination({}), ["pl/"]);
});
