// ESLint for the JavaScript the site ships (our plugins' assets) and the test portal's page:
// plain browser scripts, no framework, no build step. `make lint` runs it.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "site-properdocs/", ".bench/", ".venv*/"] },
  js.configs.recommended,
  {
    files: ["src/wallet_guide/**/assets/*.js", "tests/browser/embed_host/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Material for MkDocs' observable of page loads (instant navigation), which
        // material-loader.js stands in for until the bundle arrives.
        document$: "readonly",
      },
    },
  },
  {
    // Node scripts of the chores (Lighthouse over several pages).
    files: ["src/guide_tools/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    files: ["src/wallet_guide/offline/assets/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
];
