import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // UI components never reach for the database, secrets or the verification API's internals.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/db/*", "@/lib/api/*", "!@/lib/api/openapi"], message: "Server-only module: call it from a page or action." },
            { group: ["@/lib/api-keys/secrets", "@/lib/api-keys/secret-hash", "@/lib/api-keys/mutations"], message: "Secrets and writes stay on the server." },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"]),
]);
