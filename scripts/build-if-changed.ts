/**
 * `npm run demo`'s build step: runs `npm run build` unless the last complete build was made from exactly the
 * current sources (scripts/source-hash.ts), so a second `npm run demo` starts in seconds instead of rebuilding.
 */
import { spawnSync } from "node:child_process";
import { SERVER_BUNDLE } from "./build-server";
import { buildIsCurrent } from "./source-hash";

if (buildIsCurrent(SERVER_BUNDLE)) {
  console.log("✓ Sources unchanged since the last build: skipping `npm run build` (run it yourself to force one)");
} else {
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
