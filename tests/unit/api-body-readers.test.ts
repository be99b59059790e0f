/** The API server's body readers: JSON and application/x-www-form-urlencoded (OAuth token requests). */
import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { BodyError, readForm, readJson } from "@/api-server/http";

function request(body: string, contentType?: string): IncomingMessage {
  const stream = Readable.from([Buffer.from(body)]) as unknown as IncomingMessage;
  stream.headers = contentType ? { "content-type": contentType } : {};
  return stream;
}

describe("readForm", () => {
  it("parses form-encoded parameters, decoding + and percent escapes", async () => {
    const form = await readForm(request("grant_type=authorization_code&code=a%2Bb&redirect_uri=https%3A%2F%2Fx.example%2Fcb&scope=a+b", "application/x-www-form-urlencoded; charset=UTF-8"));
    expect(form).toEqual({ grant_type: "authorization_code", code: "a+b", redirect_uri: "https://x.example/cb", scope: "a b" });
  });

  it("refuses a repeated parameter (RFC 6749 §3.2)", async () => {
    await expect(readForm(request("code=a&code=b", "application/x-www-form-urlencoded"))).rejects.toThrow("The parameter code is repeated");
  });

  it.each([undefined, "application/json", "multipart/form-data; boundary=x"])("refuses content type %s", async (type) => {
    await expect(readForm(request("a=b", type))).rejects.toBeInstanceOf(BodyError);
  });

  it("refuses a body over the limit, marked as too large", async () => {
    const error = await readForm(request(`a=${"x".repeat(100)}`, "application/x-www-form-urlencoded"), 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyError);
    expect((error as BodyError).tooLarge).toBe(true);
  });
});

describe("readJson", () => {
  it("parses JSON and refuses what is not JSON", async () => {
    expect(await readJson(request('{"key":"x"}'))).toEqual({ key: "x" });
    await expect(readJson(request("{nope"))).rejects.toThrow("The request body is not valid JSON");
  });
});
