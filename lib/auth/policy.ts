import type { Role } from "@/lib/generated/prisma/enums";

/** The one table every check reads: who may do what in an account. Tests enumerate it. */
export const OPERATIONS = ["apiKeys.view", "apiKeys.manage", "audit.view"] as const;
export type Operation = (typeof OPERATIONS)[number];

export const POLICY: Record<Role, readonly Operation[]> = {
  owner: ["apiKeys.view", "apiKeys.manage", "audit.view"],
  admin: ["apiKeys.view", "apiKeys.manage", "audit.view"],
  developer: ["apiKeys.view", "audit.view"],
  viewer: [],
};

export function can(role: Role, operation: Operation): boolean {
  return POLICY[role].includes(operation);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  viewer: "Viewer",
};
