/**
 * The architecture's import rules (see README › Architecture), enforced here so a violation fails `npm run lint`:
 * api-server → core only; core → nothing of ours above it; a module never reaches into another module's data/;
 * lib (the kernel) sees features only through their manifests; client components never import server-only code;
 * globalThis is touched only by core/registry.ts.
 */
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import local from "./eslint/local-rules.mjs";

const ABOVE_CORE = ["app", "module", "module-data", "module-manifest", "modules-shell", "lib", "ui", "api-server", "scripts", "tests", "e2e"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { boundaries, local },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "boundaries/include": ["app/**", "modules/**", "components/**", "lib/**", "core/**", "api-server/**", "scripts/**", "tests/**", "e2e/**"],
      // "full" mode matches from the project root, so modules/x/components is the module's, not components/ (ui).
      "boundaries/elements": [
        { type: "generated", pattern: "core/generated/**", mode: "full" },
        { type: "core", pattern: "core/**", mode: "full" },
        { type: "api-server", pattern: "api-server/**", mode: "full" },
        { type: "module-data", pattern: "modules/*/data/**", mode: "full", capture: ["feature"] },
        { type: "module-manifest", pattern: "modules/*/nav.ts", mode: "full", capture: ["feature"] },
        { type: "modules-shell", pattern: "modules/*.ts", mode: "full" },
        { type: "module", pattern: "modules/*/**", mode: "full", capture: ["feature"] },
        { type: "lib", pattern: "lib/**", mode: "full" },
        { type: "ui", pattern: "components/**", mode: "full" },
        { type: "app", pattern: "app/**", mode: "full" },
        { type: "scripts", pattern: "scripts/**", mode: "full" },
        { type: "tests", pattern: "tests/**", mode: "full" },
        { type: "e2e", pattern: "e2e/**", mode: "full" },
      ],
    },
    rules: {
      "boundaries/element-types": [
        "error",
        {
          default: "allow",
          rules: [
            { from: ["core", "generated"], disallow: ABOVE_CORE, message: "core/ is framework-free and imports nothing of ours above it." },
            { from: ["api-server"], disallow: ABOVE_CORE.filter((t) => t !== "api-server"), message: "api-server/ may import only core/." },
            {
              from: [["module", { feature: "*" }], ["module-data", { feature: "*" }], ["module-manifest", { feature: "*" }]],
              disallow: [["module-data", { feature: "!${from.feature}" }]],
              message: "A module never imports another module's data/: use that module's components or lib/.",
            },
            { from: ["lib"], disallow: ["module", "module-data", "app", "ui", "api-server", "scripts"], message: "lib/ sees features only through their manifests (modules/features.ts)." },
            { from: ["ui"], disallow: ["module-data", "lib", "api-server", "app", "scripts"], importKind: "value", message: "components/ are primitives and the shell: no data access." },
          ],
        },
      ],
      "local/client-boundary": "error",
      "no-restricted-globals": ["error", { name: "globalThis", message: "Only core/registry.ts touches globalThis: import its getters." }],
    },
  },
  { files: ["lib/**/*.ts", "lib/**/*.tsx", "modules/*/data/**/*.ts"], rules: { "local/server-only-first": "error" } },
  { files: ["core/registry.ts"], rules: { "no-restricted-globals": "off" } },
  globalIgnores([".next/**", "node_modules/**", "core/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"]),
]);
