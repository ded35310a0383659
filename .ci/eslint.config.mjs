// ESLint for the browser code we ship (plugins/**/assets, not vendored lunr.js) and the
// JavaScript tests and drivers (tests/**/*.mjs, *.cjs). ESLint 9: the newest line that
// still runs on Debian 12's Node.js 18.
import js from "@eslint/js";
import globals from "globals";

// The config lives in .ci/; `basePath` points it at the repository root.
export default [
  { basePath: "..", ignores: ["**/vendor/**", "node_modules/**", ".venv/**", "site/**"] },
  js.configs.recommended,
  {
    files: ["plugins/**/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.worker, ...globals.node, lunr: "readonly" },
    },
  },
  {
    files: ["tests/**/*.js", "tests/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    // The drivers the Python tests run and the modules they share (CommonJS).
    files: ["tests/**/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
