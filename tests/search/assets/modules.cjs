/*
 * kb-search's browser modules under node, for the unit tests and the drivers
 * the Python tests run (tests/search/node.py): each classic script required
 * from the package, as the worker bundle would load it.
 */
"use strict";
const path = require("path");

const PACKAGE = path.resolve(__dirname, "..", "..", "..", "plugins", "kb_generator");
const ASSETS = path.join(PACKAGE, "search", "assets");

module.exports = {
  ASSETS,
  lunr: require(path.join(ASSETS, "vendor", "lunr.min.js")),
  Morphology: require(path.join(PACKAGE, "morphology", "assets", "morphology.js")),
  Query: require(path.join(ASSETS, "query.js")),
  Lexicon: require(path.join(ASSETS, "lexicon.js")),
  Shards: require(path.join(ASSETS, "shards.js")),
  Scoring: require(path.join(ASSETS, "scoring.js")),
  Presentation: require(path.join(ASSETS, "presentation.js")),
  KbSearch: require(path.join(ASSETS, "engine.js")),
};
