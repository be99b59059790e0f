import { describe, expect, it } from "vitest";
import { ROTATION_GRACE_OPTIONS } from "@/modules/api-keys/catalog";
import {
  createApiKeySchema,
  deleteApiKeySchema,
  emptyApiKeyForm,
  rotateApiKeySchema,
  setApiKeyEnabledSchema,
  updateApiKeySchema,
} from "@/modules/api-keys/schema";

// Strictness and the schemas of the key actions (update, rotate, enable/disable, delete).
const valid = { ...emptyApiKeyForm, name: "CI deploy key", scopes: ["subscribers"] };

type Schema = { safeParse: (v: unknown) => { success: boolean; error?: { issues: unknown[] } } };
type Issue = { path: PropertyKey[]; message: string; code: string };

function issuesFor(schema: Schema, input: unknown): Issue[] {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues as Issue[];
}

describe("strictness", () => {
  it.each([
    ["accountId", "acc_1"],
    ["secretHash", "ab".repeat(32)],
    ["id", "key_1"],
    ["createdById", "user_1"],
  ])("createApiKeySchema rejects the extra key %s", (key, value) => {
    const issues = issuesFor(createApiKeySchema, { ...valid, [key]: value });
    expect(issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  });

  it('rejects a wildcard scope ["*"]', () => {
    const issues = issuesFor(createApiKeySchema, { ...valid, scopes: ["*"] });
    expect(issues.map((i) => i.path[0])).toEqual(["scopes"]);
  });

  it("the unmodified base input is accepted (so the rejections above are caused by the extra data)", () => {
    expect(createApiKeySchema.safeParse(valid).success).toBe(true);
    expect(updateApiKeySchema.safeParse({ ...valid, id: "k1" }).success).toBe(true);
  });
});

describe("updateApiKeySchema", () => {
  it("requires a non-empty, trimmed id of at most 64 characters", () => {
    expect(updateApiKeySchema.parse({ ...valid, id: " k1 " }).id).toBe("k1");
    expect(issuesFor(updateApiKeySchema, valid)[0]!.path).toEqual(["id"]);
    expect(issuesFor(updateApiKeySchema, { ...valid, id: "  " })[0]!.path).toEqual(["id"]);
    expect(issuesFor(updateApiKeySchema, { ...valid, id: "i".repeat(65) })[0]!.path).toEqual(["id"]);
  });

  it("applies the same field rules and strictness", () => {
    expect(issuesFor(updateApiKeySchema, { ...valid, id: "k1", name: "" })[0]!.path).toEqual(["name"]);
    const issues = issuesFor(updateApiKeySchema, { ...valid, id: "k1", accountId: "other" });
    expect(issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  });
});

describe("rotate / enable / delete schemas", () => {
  it("rotate accepts only now, 1h, 24h and 7d", () => {
    expect(ROTATION_GRACE_OPTIONS).toEqual(["now", "1h", "24h", "7d"]);
    for (const grace of ROTATION_GRACE_OPTIONS) {
      expect(rotateApiKeySchema.parse({ id: "k1", grace })).toEqual({ id: "k1", grace });
    }
    for (const grace of ["", "2h", "7D", "30d", "never", 0, null]) {
      expect(rotateApiKeySchema.safeParse({ id: "k1", grace }).success).toBe(false);
    }
    expect(rotateApiKeySchema.safeParse({ id: "k1", grace: "now", graceMs: 1e12 }).success).toBe(false);
    expect(rotateApiKeySchema.safeParse({ grace: "now" }).success).toBe(false);
  });

  it("setApiKeyEnabled requires a real boolean and nothing else", () => {
    expect(setApiKeyEnabledSchema.parse({ id: "k1", enabled: false })).toEqual({ id: "k1", enabled: false });
    for (const enabled of ["true", 1, null, undefined]) {
      expect(setApiKeyEnabledSchema.safeParse({ id: "k1", enabled }).success).toBe(false);
    }
    expect(setApiKeyEnabledSchema.safeParse({ id: "k1", enabled: true, accountId: "a" }).success).toBe(false);
  });

  it("delete requires a typed, trimmed confirmation name", () => {
    expect(deleteApiKeySchema.parse({ id: "k1", confirmName: " My key " })).toEqual({ id: "k1", confirmName: "My key" });
    expect(deleteApiKeySchema.safeParse({ id: "k1", confirmName: "  " }).success).toBe(false);
    expect(deleteApiKeySchema.safeParse({ id: "k1" }).success).toBe(false);
    expect(deleteApiKeySchema.safeParse({ id: "", confirmName: "x" }).success).toBe(false);
    expect(deleteApiKeySchema.safeParse({ id: "k1", confirmName: "x", force: true }).success).toBe(false);
  });
});
