/** The API's one write path (JSON and RFC 9457 problems) and its body readers (JSON, form-encoded). */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Problem } from "@/core/api-contract/schemas";

const PROBLEM_BASE = "https://developers-corner.dev/problems/";

/** One write path for every API answer: serialised body, exact length, not cached unless a header says so. */
export function sendBody(res: ServerResponse, status: number, contentType: string, payload: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": `${contentType}; charset=utf-8`,
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
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

/** Reads a body of at most `limit` bytes as text. */
function readText(req: IncomingMessage, limit: number): Promise<string> {
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
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", () => reject(new BodyError("The request body could not be read")));
  });
}


/** Reads a JSON body of at most `limit` bytes. */
export async function readJson(req: IncomingMessage, limit = 16 * 1024): Promise<unknown> {
  const text = await readText(req, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("The request body is not valid JSON");
  }
}

/**
 * Reads an application/x-www-form-urlencoded body (OAuth token requests) of at most `limit` bytes. A repeated
 * parameter is an error (RFC 6749 §3.2: parameters must not be included more than once).
 */
export async function readForm(req: IncomingMessage, limit = 16 * 1024): Promise<Record<string, string>> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new BodyError("Use application/x-www-form-urlencoded");
  const params = new URLSearchParams(await readText(req, limit));
  const out: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(out, name)) throw new BodyError(`The parameter ${name} is repeated`);
    out[name] = value;
  }
  return out;
}
