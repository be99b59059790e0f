/**
 * A fingerprint of everything a production build is made from: every source file git knows of or would add
 * (tracked, plus untracked files that are not ignored — so a new page counts), the lockfile among them, and the
 * NEXT_PUBLIC_* variables Next inlines at build time. `npm run build` stores it next to the build; `npm run demo`
 * rebuilds only when it differs. Without git (e.g. an unpacked archive) there is no fingerprint: always build.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";

export const SOURCE_HASH_FILE = ".next/source-hash";

export function sourceHash(): string | null {
  let files: string[];
  try {
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    files = listed.split("\0").filter(Boolean).sort();
  } catch {
    return null;
  }
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      continue; // deleted but not yet staged: not part of the build
    }
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  for (const [name, value] of Object.entries(process.env).filter(([n]) => n.startsWith("NEXT_PUBLIC_")).sort()) hash.update(`${name}=${value}\0`);
  return hash.digest("hex");
}

export function writeSourceHash(): void {
  const hash = sourceHash();
  if (hash) fs.writeFileSync(SOURCE_HASH_FILE, `${hash}\n`);
}

/** True when a complete build (Next's and the server bundle) was made from exactly the current sources. */
export function buildIsCurrent(bundle: string): boolean {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(bundle) || !fs.existsSync(SOURCE_HASH_FILE)) return false;
  const hash = sourceHash();
  return hash !== null && fs.readFileSync(SOURCE_HASH_FILE, "utf8").trim() === hash;
}
