/**
 * Drives the production build (`npm run build` runs first in `npm run test:e2e`) served by `npm start` — the
 * bundled server.ts, as users run it — on a fresh embedded database under data/e2e, or on PostgreSQL when
 * DATABASE_URL is a postgres URL.
 */
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
export const SERVER_LOG = "test-results/e2e-server.log";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // The database is prepared before the server starts: only one process may open the embedded database.
    command: `mkdir -p test-results && npx tsx --conditions react-server e2e/support/prepare-db.ts && exec npm start --silent > ${SERVER_LOG} 2>&1`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/e2e",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-auth-secret-0123456789abcdefghijklmnop",
      API_KEY_PEPPER: process.env.API_KEY_PEPPER ?? "e2e-pepper-0123456789abcdefghijklmnopqrstu",
      // Test-only: usage is flushed quickly, and the API's clock can be moved forward past a grace period.
      USAGE_FLUSH_MS: "300",
      DC_TEST_CLOCK: "1",
      API_ACCESS_LOG: "1",
    },
  },
});
