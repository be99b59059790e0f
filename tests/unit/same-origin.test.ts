import { describe, expect, it } from "vitest";
import { isCrossSiteAction } from "@/core/net/same-origin";

const action = { "next-action": "abc123", host: "app.example:3000" };

describe("isCrossSiteAction", () => {
  it.each([
    ["same origin", { ...action, origin: "http://app.example:3000" }, false],
    ["foreign origin", { ...action, origin: "https://evil.example" }, true],
    ["same host, other port", { ...action, origin: "http://app.example:4000" }, true],
    ["Origin: null", { ...action, origin: "null" }, true],
    ["no Origin", { ...action }, true],
    ["garbage Origin", { ...action, origin: "::::" }, true],
  ])("%s", (_label, headers, expected) => {
    expect(isCrossSiteAction("POST", headers)).toBe(expected);
  });

  it("ignores requests that are not server actions", () => {
    expect(isCrossSiteAction("POST", { host: "a", origin: "https://evil.example" })).toBe(false);
    expect(isCrossSiteAction("GET", { ...action, origin: "https://evil.example" })).toBe(false);
  });
});
