/** createApiKeySchema field by field, on a frozen clock (2030-06-15 23:30 UTC) for the expiry date rules. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PERMISSIONS, SCOPES } from "@/modules/api-keys/catalog";
import { createApiKeySchema, emptyApiKeyForm } from "@/modules/api-keys/schema";

// Frozen clock: 2030-06-15 23:30 UTC.
const NOW = new Date("2030-06-15T23:30:00Z");
const TODAY = "2030-06-15";

const valid = {
  name: "CI deploy key",
  description: "Used by the nightly build",
  scopes: ["subscribers"],
  permissions: [],
  allowedIps: "",
  expiresOn: "",
  defaultMailingId: "",
};

type Schema = { safeParse: (v: unknown) => { success: boolean; error?: { issues: unknown[] } } };

function issuesFor(schema: Schema, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues as { path: PropertyKey[]; message: string; code: string }[];
}

function parsed(input: Record<string, unknown>) {
  const result = createApiKeySchema.safeParse({ ...valid, ...input });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

function rejects(input: Record<string, unknown>, path: string, message?: RegExp) {
  const issues = issuesFor(createApiKeySchema, { ...valid, ...input });
  const onPath = issues.filter((i) => i.path[0] === path);
  expect(onPath.length).toBeGreaterThan(0);
  if (message) expect(onPath.map((i) => i.message).join("\n")).toMatch(message);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createApiKeySchema: baseline", () => {
  it("parses a minimal valid form into the server shape", () => {
    expect(parsed({})).toEqual({ ...valid, scopes: ["subscribers"], allowedIps: [], expiresOn: null, defaultMailingId: null });
  });

  it("the empty form is invalid only because of name and scopes", () => {
    const paths = issuesFor(createApiKeySchema, emptyApiKeyForm).map((i) => i.path.join("."));
    expect(new Set(paths)).toEqual(new Set(["name", "scopes"]));
  });
});

describe("name and description", () => {
  it("trims the name and requires it", () => {
    expect(parsed({ name: "  Spaced  " }).name).toBe("Spaced");
    rejects({ name: "" }, "name", /Name is required/);
    rejects({ name: "   " }, "name", /Name is required/);
    rejects({ name: undefined }, "name", /Name is required/);
    rejects({ name: 42 }, "name");
  });

  it("allows 64 characters (after trimming) and rejects 65", () => {
    expect(parsed({ name: "n".repeat(64) }).name).toHaveLength(64);
    expect(parsed({ name: ` ${"n".repeat(64)} ` }).name).toHaveLength(64);
    rejects({ name: "n".repeat(65) }, "name", /at most 64/);
  });

  it("allows a 500-character description and rejects 501", () => {
    expect(parsed({ description: "d".repeat(500) }).description).toHaveLength(500);
    expect(parsed({ description: "  hi  " }).description).toBe("hi");
    rejects({ description: "d".repeat(501) }, "description", /at most 500/);
    rejects({ description: undefined }, "description");
  });
});

describe("scopes and permissions", () => {
  it("requires at least one scope", () => {
    rejects({ scopes: [] }, "scopes", /at least one scope/);
  });

  it("accepts every catalog scope and permission", () => {
    const data = parsed({ scopes: [...SCOPES], permissions: [...PERMISSIONS] });
    expect(data.scopes).toEqual([...SCOPES]);
    expect(data.permissions).toEqual([...PERMISSIONS]);
  });

  it.each(["*", "admin", "Subscribers", ""])("rejects unknown scope %j", (scope) => {
    rejects({ scopes: ["articles", scope] }, "scopes", /Unknown scope/);
  });

  it("rejects an unknown permission", () => {
    rejects({ permissions: ["delete_everything"] }, "permissions", /Unknown permission/);
  });

  it("removes duplicate scopes and permissions, keeping first-seen order", () => {
    const data = parsed({
      scopes: ["smtp", "articles", "smtp", "articles"],
      permissions: ["reactivate_archived_manual", "reactivate_archived_manual"],
    });
    expect(data.scopes).toEqual(["smtp", "articles"]);
    expect(data.permissions).toEqual(["reactivate_archived_manual"]);
  });
});

describe("allowedIps", () => {
  it("turns the text into a canonical, de-duplicated array", () => {
    expect(parsed({ allowedIps: "10.0.0.1\n\n2001:DB8:0:0::1\n10.0.0.1/32\n::ffff:10.0.0.0/104" }).allowedIps).toEqual([
      "10.0.0.1",
      "2001:db8::1",
      "10.0.0.0/8",
    ]);
  });

  it("reports invalid lines on the allowedIps field with line numbers", () => {
    const issues = issuesFor(createApiKeySchema, { ...valid, allowedIps: "10.0.0.1\n010.0.0.1\n\nnot-an-ip" });
    expect(issues.map((i) => i.path)).toEqual([["allowedIps"]]);
    // One line per bad entry, only lines 2 and 4 (line 3 is blank, line 1 is fine).
    expect(issues[0]!.message.split("\n").map((line) => line.slice(0, 7))).toEqual(["Line 2:", "Line 4:"]);
  });

  it("rejects more than 10,000 characters of text", () => {
    rejects({ allowedIps: `${"\n".repeat(10_000)}1.2.3.4` }, "allowedIps", /Too much text/);
  });
});

describe("expiresOn", () => {
  it("maps an empty value to null (never expires)", () => {
    expect(parsed({ expiresOn: "" }).expiresOn).toBeNull();
    expect(parsed({ expiresOn: "   " }).expiresOn).toBeNull();
  });

  it("accepts today (UTC) and returns the end of that UTC day", () => {
    const date = parsed({ expiresOn: TODAY }).expiresOn;
    expect(date).toBeInstanceOf(Date);
    expect(date!.toISOString()).toBe("2030-06-15T23:59:59.999Z");
  });

  it("uses the UTC date, not the server's local date", () => {
    const savedTz = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14: locally it is already 2030-06-16
      expect(parsed({ expiresOn: TODAY }).expiresOn!.toISOString()).toBe("2030-06-15T23:59:59.999Z");
      vi.setSystemTime(new Date("2030-06-16T00:30:00Z"));
      process.env.TZ = "America/Los_Angeles"; // UTC-7: locally it is still 2030-06-15
      rejects({ expiresOn: TODAY }, "expiresOn", /cannot be in the past/);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it("accepts a future date as the end of that day", () => {
    expect(parsed({ expiresOn: "2031-01-01" }).expiresOn!.toISOString()).toBe("2031-01-01T23:59:59.999Z");
    expect(parsed({ expiresOn: "2032-02-29" }).expiresOn!.toISOString()).toBe("2032-02-29T23:59:59.999Z");
  });

  it.each(["2030-06-14", "2000-01-01"])("rejects the past date %s", (expiresOn) => {
    rejects({ expiresOn }, "expiresOn", /cannot be in the past/);
  });

  it.each(["2030/06/20", "20-06-2030", "2030-6-20", "2030-06-20T00:00", "tomorrow", "2030-13-01", "2030-00-10"])(
    "rejects the badly formatted date %j",
    (expiresOn) => {
      rejects({ expiresOn }, "expiresOn", /YYYY-MM-DD/);
    },
  );

  it.each(["2031-02-30", "2031-02-29", "2031-04-31"])("rejects the impossible calendar date %s", (expiresOn) => {
    // Date.parse rolls these over (2031-02-30 -> March 2); the schema must not silently change the date.
    rejects({ expiresOn }, "expiresOn", /YYYY-MM-DD/);
  });
});

describe("defaultMailingId", () => {
  it("maps blank to null, trims, and limits the length", () => {
    expect(parsed({ defaultMailingId: "" }).defaultMailingId).toBeNull();
    expect(parsed({ defaultMailingId: "  " }).defaultMailingId).toBeNull();
    expect(parsed({ defaultMailingId: " m-123 " }).defaultMailingId).toBe("m-123");
    rejects({ defaultMailingId: "m".repeat(65) }, "defaultMailingId");
  });
});
