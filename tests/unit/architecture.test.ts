/**
 * The import boundaries are enforced by `npm run lint` (eslint.config.mjs). These cases lint a deliberate
 * violation placed at a real path and expect the named rule to fire, and a legal import to pass.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });
});

async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const VIOLATIONS: [string, string, string, string][] = [
  ["api-server imports lib", "api-server/routes/bad.ts", 'import { can } from "@/lib/auth/policy";\nexport const x = can;\n', "boundaries/element-types"],
  ["api-server imports a module", "api-server/routes/bad.ts", 'import { KEYS_PATH } from "@/modules/api-keys/nav";\nexport const x = KEYS_PATH;\n', "boundaries/element-types"],
  ["core imports lib", "core/net/bad.ts", 'import { AppError } from "@/lib/errors";\nexport const x = AppError;\n', "boundaries/element-types"],
  ["core imports the api server", "core/bad.ts", 'import { startApi } from "@/api-server";\nexport const x = startApi;\n', "boundaries/element-types"],
  ["a module imports another module's data/", "modules/audit/components/bad.tsx", 'import { listApiKeys } from "@/modules/api-keys/data/queries";\nexport const x = listApiKeys;\n', "boundaries/element-types"],
  ["lib imports a module's data/", "lib/bad.ts", 'import "server-only";\nimport { listApiKeys } from "@/modules/api-keys/data/queries";\nexport const x = listApiKeys;\n', "boundaries/element-types"],
  ["a client component imports data/", "modules/api-keys/components/bad.tsx", '"use client";\nimport { listApiKeys } from "../data/queries";\nexport const x = listApiKeys;\n', "local/client-boundary"],
  ["a client component imports the registry", "components/ui/bad.tsx", '"use client";\nimport { getPrisma } from "@/core/registry";\nexport const x = getPrisma;\n', "local/client-boundary"],
  ["globalThis outside the registry", "core/db/bad.ts", "export const x = globalThis;\n", "no-restricted-globals"],
  ["a lib module without server-only", "lib/bad.ts", 'import { z } from "zod";\nexport const x = z;\n', "local/server-only-first"],
  ["a data module without server-only", "modules/api-keys/data/bad.ts", 'import { z } from "zod";\nexport const x = z;\n', "local/server-only-first"],
];

describe("import boundaries", () => {
  it.each(VIOLATIONS)("%s fails lint", async (_label, file, code, rule) => {
    expect(await rulesFired(file, code)).toContain(rule);
  }, 30_000);

  it.each([
    ["api-server imports core", "api-server/routes/ok.ts", 'import { parseApiKey } from "@/core/secrets/key-format";\nexport const x = parseApiKey;\n'],
    ["a module imports its own data/", "modules/api-keys/components/ok.tsx", 'import { listApiKeys } from "../data/queries";\nexport const x = listApiKeys;\n'],
    ["a client component imports a type from data/", "modules/api-keys/components/ok.tsx", '"use client";\nimport type { ApiKeyDto } from "../types";\nexport type X = ApiKeyDto;\n'],
    ["lib reads the features' manifests", "lib/ok.ts", 'import "server-only";\nimport { FEATURES } from "@/modules/features";\nexport const x = FEATURES;\n'],
  ])("%s passes", async (_label, file, code) => {
    expect(await rulesFired(file, code)).toEqual([]);
  }, 30_000);
});
