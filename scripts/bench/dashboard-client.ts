/**
 * The dashboard bench's load generator: `connections` keep-alive connections each asking for one page after
 * another, as a signed-in browser would (its cookie, `accept-encoding: gzip`). Time to first byte is taken when
 * the response's status line and headers arrive (Next sends them with the first streamed chunk); the whole page
 * when its last byte does. Also measures what one page weighs on the wire, with and without compression.
 */
import http from "node:http";
import { Latencies } from "./stats";

export type PageLoad = { ttfb: Latencies; total: Latencies; pages: number; errors: number; seconds: number };

type Fetched = { status: number; ttfbMs: number; totalMs: number; body: Buffer; headers: http.IncomingHttpHeaders };

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const ttfbMs = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - started, body: Buffer.concat(chunks), headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Loads `url` for `seconds` over `connections` connections; `expect` must appear in every page (else an error). */
export async function loadPage(url: URL, cookie: string, connections: number, seconds: number, expect: string): Promise<PageLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const headers = { cookie, "accept-encoding": "gzip", accept: "text/html" };
  const result: PageLoad = { ttfb: new Latencies(), total: new Latencies(), pages: 0, errors: 0, seconds };
  const deadline = performance.now() + seconds * 1000;
  const marker = Buffer.from(expect);
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const page = await get(agent, url, headers);
        // Compressed bodies are checked for size only; an uncompressed one must be the page itself.
        const ok = page.status === 200 && (page.headers["content-encoding"] ? page.body.length > 0 : page.body.includes(marker));
        if (!ok) {
          result.errors++;
          continue;
        }
        result.ttfb.record(page.ttfbMs);
        result.total.record(page.totalMs);
        result.pages++;
      } catch {
        result.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return result;
}

export type Weight = { htmlBytes: number; htmlGzipBytes: number; flightBytes: number; rscBytes: number; rscGzipBytes: number; compressed: boolean };

/**
 * What a browser downloads for the page: the document (HTML with the RSC payload inlined for hydration) on a
 * full load, the RSC payload alone (`rsc: 1`) on a client-side navigation — each plain and gzip-encoded as
 * served. `flightBytes` is the part of the document that is inlined RSC payload.
 */
export type RscRequest = { url: string; headers: Record<string, string> };

export async function pageWeight(url: URL, cookie: string, expect: string, navigation: RscRequest): Promise<Weight> {
  const agent = new http.Agent({ keepAlive: false });
  const plain = await get(agent, url, { cookie, accept: "text/html" });
  if (plain.status !== 200 || !plain.body.includes(expect)) throw new Error(`${url.pathname}: status ${plain.status}, not the expected page`);
  const gzip = await get(agent, url, { cookie, accept: "text/html", "accept-encoding": "gzip" });
  const rscHeaders = Object.fromEntries(Object.entries(navigation.headers).filter(([name]) => name !== "accept-encoding"));
  const rscUrl = new URL(navigation.url);
  const rsc = await get(agent, rscUrl, { ...rscHeaders, cookie });
  const rscGzip = await get(agent, rscUrl, { ...rscHeaders, cookie, "accept-encoding": "gzip" });
  const html = plain.body.toString("utf8");
  const flightBytes = [...html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  return {
    htmlBytes: plain.body.length,
    htmlGzipBytes: gzip.body.length,
    flightBytes,
    rscBytes: rsc.body.length,
    rscGzipBytes: rscGzip.body.length,
    compressed: gzip.headers["content-encoding"] === "gzip",
  };
}
