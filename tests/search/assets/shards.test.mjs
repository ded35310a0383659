// Unit tests of plugins/kb_generator/search/assets/shards.js (run by `make test`: node --test).
import { test } from "node:test";
import assert from "node:assert/strict";
import modules from "./modules.cjs";

const { Shards } = modules;

test("shardOf finds the run holding a position from the runs' first positions", () => {
  const starts = [0, 10, 25];
  assert.deepEqual([0, 9, 10, 24, 25, 99].map(at => Shards.shardOf(starts, at)), [0, 0, 1, 1, 2, 2]);
  assert.equal(Shards.shardOf([0], 7), 0);
});

test("expand turns a shard's compacted postings back into the same numbers", () => {
  assert.deepEqual(Shards.expand([3, 0, 2345, 0, 4, 120, 7, 1, 1]), [3, 0, 2.345, 3, 4, 0.12, 10, 1, 0.001]);
  assert.equal(Shards.expand([0, 0, 1234567])[2], JSON.parse("1234.567"));
});

test("expand merges a cut term's weight bands among its first part, in document order", () => {
  // First part: documents 2 (two fields) and 5; bands: {0, 3} at 1.5 and {4, 6, 7} at 0.25.
  const cut = { f: [2, 0, 3000, 0, 6, 2500, 3, 4, 4000], r: [[0, 1, 2, 1], [4, 1, 1, 2]], w: [1500, 250] };
  assert.deepEqual(Shards.expand(cut), [
    0, -1, 1.5, 2, 0, 3, 2, 6, 2.5, 3, -1, 1.5, 4, -1, 0.25, 5, 4, 4, 6, -1, 0.25, 7, -1, 0.25,
  ]);
});

test("a band whose mean weight rounds to 0 still lists its documents", () => {
  const cut = { f: [1, 0, 2000], r: [[0, 1], [2, 2]], w: [500, 0] };
  assert.deepEqual(Shards.expand(cut), [0, -1, 0.5, 1, 0, 2, 2, -1, 0, 3, -1, 0]);
});

test("a single-file payload has everything loaded and never fetches", async () => {
  const store = Shards.createStore({ terms: ["a", "b"], count: 1, postings: [[0, 0, 1], [0, 1, 1]],
                                     docs: [{ l: "x/", t: "X", x: "" }] },
                                   () => assert.fail("nothing to fetch"));
  await store.ensure("t", [0]);
  await store.ensure("d", [0]);
  assert.deepEqual(store.postings[1], [0, 1, 1]);
  assert.equal(store.docs[0].l, "x/");
});

test("a sharded payload fetches each shard once, in place, and retries a failed one", async () => {
  const fetched = [];
  let fail = true;
  const store = Shards.createStore({ terms: ["a", "b", "c"], count: 2, termShards: [0, 2], docShards: [0, 1] }, name => {
    fetched.push(name);
    if (name === "d1" && fail) { fail = false; return Promise.reject(new Error("offline")); }
    const data = { t0: [[0, 0, 1000], [1, 0, 1000]], t1: [[1, 1, 2000]], d0: [{ l: "a/" }], d1: [{ l: "b/" }] };
    return Promise.resolve(data[name]);
  });
  assert.equal(store.termShard(2), 1);
  assert.equal(store.docShard(1), 1);
  await Promise.all([store.ensure("t", [1]), store.ensure("t", [1])]);
  assert.deepEqual([0, 1, 2].map(n => store.postings[n]), [undefined, undefined, [1, 1, 2]]);
  await assert.rejects(store.ensure("d", [1]), /offline/);
  assert.ok(store.has("t", 1) && !store.has("t", 0) && !store.has("d", 1));
  await store.ensure("d", [0, 1]);
  assert.ok(store.has("d", 1));
  assert.deepEqual(store.docs.map(d => d.l), ["a/", "b/"]);
  assert.deepEqual(fetched, ["t1", "d1", "d0", "d1"]);
});
