/*
 * A single-file kb-search payload as plain lunr.js's serialized index (the twin
 * of `unpack` in plugins/kb_generator/search/index.py): tests compare
 * scoring.js's scores with lunr.Index#query on the same postings.
 */
"use strict";

function unpack(payload) {
  var fields = payload.fields;
  var vectors = Object.create(null);
  var inverted = payload.terms.map(function (term, i) {
    var posting = { _index: i };
    fields.forEach(function (field) { posting[field] = {}; });
    var flat = payload.postings[i];
    for (var k = 0; k < flat.length; k += 3) {
      var ref = flat[k], field = fields[flat[k + 1]];
      posting[field][ref] = {};
      (vectors[field + "/" + ref] || (vectors[field + "/" + ref] = [])).push(i, flat[k + 2]);
    }
    return [term, posting];
  });
  var fieldVectors = Object.keys(vectors).map(function (ref) { return [ref, vectors[ref]]; });
  return { version: "2.3.9", fields: fields, fieldVectors: fieldVectors, invertedIndex: inverted, pipeline: [] };
}

module.exports = { unpack };
