/** The Origin check the front door applies to every request that is not GET or HEAD. */
import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "@/core/net/same-origin";

const action = { "next-action": "abc123", host: "app.example:3000" };

describe("isCrossSiteRequest", () => {
  it.each([
    ["same origin", { ...action, origin: "http://app.example:3000" }, false],
    ["foreign origin", { ...action, origin: "https://evil.example" }, true],
    ["same host, other port", { ...action, origin: "http://app.example:4000" }, true],
    ["Origin: null", { ...action, origin: "null" }, true],
    ["no Origin", { ...action }, true],
    ["garbage Origin", { ...action, origin: "::::" }, true],
  ])("%s", (_label, headers, expected) => {
    expect(isCrossSiteRequest("POST", headers)).toBe(expected);
  });

  it("checks a POST without Next-Action too (a multipart form action carries its id in $ACTION_ fields)", () => {
    expect(isCrossSiteRequest("POST", { host: "a", origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest("POST", { host: "a" })).toBe(true);
    expect(isCrossSiteRequest("POST", { host: "a", origin: "http://a" })).toBe(false);
    expect(isCrossSiteRequest("PUT", { host: "a", origin: "https://evil.example" })).toBe(true);
  });

  it("ignores GET and HEAD", () => {
    expect(isCrossSiteRequest("GET", { ...action, origin: "https://evil.example" })).toBe(false);
    expect(isCrossSiteRequest("HEAD", { ...action })).toBe(false);
  });
});
