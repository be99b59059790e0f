/** Prisma CLI configuration: the bundled WASM schema engine over our driver adapters (no engine download). */
import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./core/db/cli-adapter";

// schema.prisma's `url` must resolve even though the adapter makes every connection.
process.env.PRISMA_DATASOURCE_URL ??= "postgresql://unused.invalid/unused";

// The CLI (migrate deploy/status/diff, generate) runs on Prisma's bundled WASM schema engine when a driver
// adapter is configured, which is what lets it work without downloading a native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  adapter: createCliAdapter,
});
