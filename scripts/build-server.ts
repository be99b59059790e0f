/**
 * Bundles server.ts with core/, api-server/ and Prisma's generated client (TypeScript, so it cannot stay
 * outside) into one ES module, SERVER_BUNDLE, that plain `node` runs: no TypeScript loader at run time, which
 * saves start-up time and the loader's memory. Every npm package stays external (`next` above all, PGlite's
 * WASM and data files, the native argon2 binding, Prisma's runtime and query-compiler WASM), resolved from
 * node_modules exactly as before. Runs after `next build`, which empties .next/, and then records the sources'
 * fingerprint so `npm run demo` can skip an unchanged build.
 */
import { build } from "esbuild";
import { writeSourceHash } from "./source-hash";

export const SERVER_BUNDLE = ".next/server-bundle.mjs";

/** Bundles one entry point (our sources inlined, npm packages external) into an ES module for plain node. */
export async function bundle(entry: string, outfile: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
    banner: { js: `// Built by scripts/build-server.ts from ${entry}; do not edit.` },
  });
  return Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules")).length;
}

export async function buildServer(outfile = SERVER_BUNDLE): Promise<void> {
  const files = await bundle("server.ts", outfile);
  console.log(`✓ Server bundle ${outfile} (${files} source files)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer();
  // The last step of `npm run build`: record what this build was made from (see source-hash.ts).
  writeSourceHash();
}
