/** The keys page's words: an IP line with a comma, what an edit changed, the SMTP relay's configuration. */
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { createApiKeySchema, emptyApiKeyForm } from "@/modules/api-keys/schema";
import { describeChanges } from "@/modules/audit/changes";
import { smtpRelayConfig } from "@/modules/api-keys/data/smtp-relay";

const form = { ...emptyApiKeyForm, name: "Comma", scopes: ["subscribers"] };

describe("allowed IPs with a comma", () => {
  it("says one address or range per line, naming the line", () => {
    const result = createApiKeySchema.safeParse({ ...form, allowedIps: "203.0.113.7\n198.51.100.1, 198.51.100.2" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(["Line 2: “198.51.100.1, 198.51.100.2”: one address or range per line"]);
  });
  it("still accepts one address per line", () => {
    expect(createApiKeySchema.parse({ ...form, allowedIps: "198.51.100.1\n198.51.100.2" }).allowedIps).toEqual(["198.51.100.1", "198.51.100.2"]);
  });
});

describe("describeChanges", () => {
  it.each<[unknown, string | null]>([
    [{ name: "CRM", changed: ["name"] }, "changed name"],
    [{ changed: ["scopes", "allowedIps"] }, "changed scopes and allowed IPs"],
    [{ changed: ["name", "description", "expiresAt"] }, "changed name, description and expiry date"],
    [{ changed: [] }, "nothing changed"],
    [{ name: "CRM" }, null],
    [null, null],
  ])("%j → %s", (details, expected) => {
    expect(describeChanges(details)).toBe(expected);
  });
});

describe("smtpRelayConfig", () => {
  it("defaults to the dashboard's host name and ports 587 (STARTTLS) and 465 (implicit TLS)", () => {
    expect(smtpRelayConfig("mail.example.org:3000", {})).toEqual({
      host: "mail.example.org",
      ports: [
        { port: 587, tls: "STARTTLS (required)" },
        { port: 465, tls: "TLS from the first byte (implicit TLS)" },
      ],
    });
  });
  it("takes SMTP_RELAY_HOST and SMTP_RELAY_PORTS, ignoring nonsense ports", () => {
    const relay = smtpRelayConfig("ignored", { SMTP_RELAY_HOST: "smtp.corp.test", SMTP_RELAY_PORTS: "2525, x, 465, 70000" });
    expect(relay).toEqual({ host: "smtp.corp.test", ports: [{ port: 2525, tls: "STARTTLS (required)" }, { port: 465, tls: "TLS from the first byte (implicit TLS)" }] });
  });
});
