/**
 * The published OpenAPI document passes `redocly lint` (recommended) and `spectral lint` (spectral:oas) with
 * zero problems of any severity, run through the linters' own libraries on the document the API serves.
 */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { Document, Spectral } from "@stoplight/spectral-core";
import { Json as JsonParser } from "@stoplight/spectral-parsers";
import { oas } from "@stoplight/spectral-rulesets";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/core/api-contract/openapi";

const source = JSON.stringify(buildOpenApiDocument(), null, 2);

describe("OpenAPI document", () => {
  it("redocly recommended: no errors, no warnings", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source, absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it("spectral:oas: no errors, no warnings", async () => {
    const spectral = new Spectral();
    spectral.setRuleset(oas as never);
    const results = await spectral.run(new Document(source, JsonParser, "openapi.json"));
    expect(results.map((r) => `${r.severity} ${r.code}: ${r.message} at ${r.path.join(".")}`)).toEqual([]);
  });
});
