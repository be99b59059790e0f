import type { IncomingMessage, ServerResponse } from "node:http";
import type { Problem } from "./schemas";

const PROBLEM_BASE = "https://developers-corner.dev/problems/";

/** One write path for every API answer: serialised body, exact length, not cached unless a header says so. */
export function sendBody(res: ServerResponse, status: number, contentType: string, payload: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": `${contentType}; charset=utf-8`,
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(payload);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  sendBody(res, status, "application/json", JSON.stringify(body), headers);
}

/** RFC 9457 problem details. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Partial<Pick<Problem, "code" | "errors">> = {},
  headers: Record<string, string> = {},
) {
  const body: Problem = { type: PROBLEM_BASE + slug, title, status, detail, ...extra };
  sendBody(res, status, "application/problem+json", JSON.stringify(body), headers);
}

export class BodyError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** Reads a JSON body of at most `limit` bytes. */
export function readJson(req: IncomingMessage, limit = 16 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return; // keep draining so the 400 can still be delivered
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyError(`The request body is larger than ${limit} bytes`, true));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new BodyError("The request body is not valid JSON"));
      }
    });
    req.on("error", () => reject(new BodyError("The request body could not be read")));
  });
}

export type PresentedKey = { key: string } | { error: "missing" | "malformed" };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Basic (any username, key as password; or key as username with an empty password) or Bearer. Anything else is
 * "missing"; a header that claims a scheme but is broken is "malformed".
 */
export function presentedKey(header: string | undefined): PresentedKey {
  if (!header) return { error: "missing" };
  if (header.length > 8192) return { error: "malformed" };
  const space = header.indexOf(" ");
  if (space < 0) return { error: "malformed" };
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === "bearer") return value ? { key: value } : { error: "malformed" };
  if (scheme !== "basic") return { error: "missing" };
  if (!BASE64.test(value) || value.length % 4 !== 0) return { error: "malformed" };
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { error: "malformed" };
  const password = decoded.slice(colon + 1);
  const key = password || decoded.slice(0, colon);
  return key ? { key } : { error: "missing" };
}
