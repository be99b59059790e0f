/**
 * What a POST to the web app must look like before Next may decode it as a server action: a fetch action
 * (`Next-Action` header) of at most 1 MB whose body is text/plain JSON — an argument list of at most 1,000 entries,
 * at most 64 levels deep, without references to other parts (a body of one part has none). Our actions take plain
 * objects, which React always sends this way; multipart bodies (form actions without JavaScript, file uploads)
 * are never used here and are refused, so nothing reaches Next's multipart decoder. Anything else is a 4xx here
 * rather than a 500 in Next.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export const BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 64;
/** Next refuses longer argument lists with a 500 of its own. */
const MAX_ARGUMENTS = 1000;

export function plainError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store", ...headers });
  res.end(message);
}

// RFC 3986 host: a reg-name, an IPv4 address, or an IPv6 literal in brackets; then an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

export function isValidHost(host: string | undefined): boolean {
  return typeof host === "string" && host.length <= 255 && HOST.test(host);
}

export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | "too-large" | "error"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve("error"));
  });
}

/** React's reply encoding: a string starting with "$" is either escaped ("$$…") or a token; these need no other part. */
const SAFE_TOKEN = /^\$(?:\$|undefined$|NaN$|-?Infinity$|-0$|D\d{4}-|n-?\d+$)/;

function depthAndReferencesOk(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node === "string") {
      if (node.startsWith("$") && !SAFE_TOKEN.test(node)) return false;
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    if (depth > MAX_DEPTH) return false;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

type Problem = { status: number; message: string } | null;

/** With `body` null only the headers are checked (before reading anything). */
export function checkActionBody(headers: IncomingHttpHeaders, body: Buffer | null): Problem {
  const mediaType = (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (headers["next-action"] === undefined) return { status: 400, message: "Bad Request: not a server action" };
  if (mediaType !== "text/plain") return { status: 415, message: "Unsupported Media Type" };
  if (body === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return { status: 400, message: "Bad Request: the action body is not JSON" };
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_ARGUMENTS) return { status: 400, message: "Bad Request: the action body must be an argument list" };
  if (!depthAndReferencesOk(parsed)) return { status: 400, message: "Bad Request: malformed action arguments" };
  return null;
}
