/** A developer-account request's own fields in the staff request page (a snapshot taken when it was sent). */
import { developerLimitDefaults } from "@/modules/developer-accounts/limits";
const ROWS = [
  ["useCase", "Use case"],
  ["company", "Company"],
  ["contactName", "Contact"],
  ["contactEmail", "Email"],
  ["platform", "Third-party platform"],
  ["website", "Website"],
  ["description", "Building"],
] as const;

const USE_CASES: Record<string, string> = { staging: "Staging (production account)", whitelabel: "Whitelabel account", integrator: "System integrator" };

export function DeveloperRequestRows({ details }: { details: Record<string, unknown> }) {
  return ROWS.map(([key, label]) => {
    const value = details[key];
    if (typeof value !== "string" || value === "") return null;
    return (
      <div key={key} className="contents">
        <dt className="font-medium">{label}</dt>
        <dd className="whitespace-pre-line break-words">{key === "useCase" ? (USE_CASES[value] ?? value) : value}</dd>
      </div>
    );
  });
}

export function WhatApprovalDoes({ mainAccount }: { mainAccount: string | null }) {
  const limits = developerLimitDefaults();
  return (
    <p className="text-sm text-slate-700">
      Approving creates a developer account (not for production; {limits.emailsPerDay} emails a day, {limits.maxApiKeys} API keys)
      {mainAccount ? `, linked to ${mainAccount},` : ""} with the requester as its owner; a person without a user is invited by email.
    </p>
  );
}
