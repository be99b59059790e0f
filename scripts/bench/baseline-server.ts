/**
 * The bare baseline: node:http doing the same work as our whoami hot path and nothing else — parse Basic (same
 * shape checks as api-server/authenticate.ts), key format + CRC32 (core/secrets/key-format.ts), one HMAC-SHA-256
 * with a prepared KeyObject, a Map lookup, a constant-time compare, and the same JSON body and headers as ours.
 * No limits, no client-IP rules, no usage counting, no web app behind it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { parseApiKey } from "@/core/secrets/key-format";

const keys: string[] = JSON.parse(fs.readFileSync(process.argv[2] ?? "data/bench/keys.json", "utf8"));
const pepper = crypto.createSecretKey(Buffer.from(process.env.API_KEY_PEPPER ?? "", "utf8"));
const hmac = (secret: string) => crypto.createHmac("sha256", pepper).update(secret).digest();

type Entry = { hash: Buffer; body: object };
const byId = new Map<string, Entry>();
keys.forEach((key, i) => {
  const [keyId, secret] = key.split(".") as [string, string];
  // Exactly the fields whoami answers with, so both servers write bodies of the same shape and size.
  const account = Math.floor(i / 100);
  const body = {
    account: { id: `c${String(account).padStart(24, "0")}`, number: `m${1001 + account}`, name: `Bench account ${account}`, kind: "standard", status: "active", parent: null },
    limits: { production: true, emailsPerDay: null, apiKeys: 15 },
    principal: { type: "api_key", keyId },
    key: { keyId, name: `Bench key ${account}-${i % 100}`, scopes: ["subscribers"], permissions: [], expiresAt: null },
  };
  byId.set(keyId, { hash: hmac(secret), body });
});

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ZERO = Buffer.alloc(32);

function basicKey(header: string | undefined): string | null {
  if (!header || header.length > 8192) return null;
  const space = header.indexOf(" ");
  if (space < 0 || header.slice(0, space).toLowerCase() !== "basic") return null;
  const value = header.slice(space + 1).trim();
  if (!BASE64.test(value) || value.length % 4 !== 0) return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1) || decoded.slice(0, colon);
}

function send(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

http
  .createServer((req, res) => {
    const key = basicKey(req.headers.authorization);
    const parsed = key === null ? null : parseApiKey(key);
    if (!parsed) return send(res, 401, '{"status":401}');
    const found = byId.get(parsed.keyId);
    const digest = hmac(parsed.secret);
    if (found && crypto.timingSafeEqual(found.hash, digest)) return send(res, 200, JSON.stringify(found.body));
    crypto.timingSafeEqual(ZERO, digest);
    send(res, 401, '{"status":401}');
  })
  .listen(Number(process.env.PORT ?? 3321), "127.0.0.1", () => console.log("baseline ready"));

// A normal exit on SIGTERM, so `node --cpu-prof` can write its profile.
process.on("SIGTERM", () => process.exit(0));
