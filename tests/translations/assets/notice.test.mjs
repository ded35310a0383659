// Unit tests of plugins/kb_generator/translations/assets/notice.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import vm from "node:vm";

const SOURCE = fs.readFileSync(new URL("../../../plugins/kb_generator/translations/assets/notice.js", import.meta.url), "utf8");

/* The notice's "back" link after the script ran on a page opened with `search`. */
function back(search) {
  const link = { href: "../", hidden: true };
  vm.runInNewContext(SOURCE, {
    URLSearchParams, location: { search },
    document: { getElementById: id => (id === "kb-notice-back" ? link : null) },
  });
  return link;
}

test("the link returns to the page the visitor came from", () => {
  assert.deepEqual(back("?from=%2Fpl%2Fpomoc%2F"), { href: "/pl/pomoc/", hidden: false });
  assert.deepEqual(back("?from=../akademia/"), { href: "../akademia/", hidden: false });
});

test("no page, another site or a script URL: the link stays hidden", () => {
  for (const search of ["", "?from=", "?from=https://evil.example/", "?from=//evil.example/",
                        "?from=javascript:alert(1)", "?from=JavaScript:alert(1)"]) {
    assert.deepEqual(back(search), { href: "../", hidden: true }, search);
  }
});
