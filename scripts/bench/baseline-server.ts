/**
 * The bare baseline: node:http doing the same work as our whoami hot path (parse Basic, HMAC-SHA-256 the secret,
 * look the key up in a Map, compare in constant time, answer JSON), with nothing else.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";

const keys: string[] = JSON.parse(fs.readFileSync(process.argv[2] ?? "data/bench/keys.json", "utf8"));
const pepper = process.env.API_KEY_PEPPER ?? "";
const byId = new Map<string, { hash: Buffer; keyId: string }>();
for (const key of keys) {
  const [keyId, secret] = key.split(".") as [string, string];
  byId.set(keyId, { keyId, hash: crypto.createHmac("sha256", pepper).update(secret).digest() });
}

http
  .createServer((req, res) => {
    const header = req.headers.authorization ?? "";
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const key = decoded.slice(decoded.indexOf(":") + 1);
    const [keyId = "", secret = ""] = key.split(".");
    const digest = crypto.createHmac("sha256", pepper).update(secret).digest();
    const found = byId.get(keyId);
    if (found && crypto.timingSafeEqual(found.hash, digest)) {
      const body = JSON.stringify({ key: { keyId: found.keyId } });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    } else {
      res.writeHead(401).end();
    }
  })
  .listen(Number(process.env.PORT ?? 3201), "127.0.0.1", () => console.log("baseline ready"));
