/**
 * The one table every check reads: who may do what in an account. It is assembled from the features'
 * manifests (modules/features.ts); tests enumerate it.
 */
import "server-only";
import type { Role } from "@/core/generated/prisma/enums";
import { FEATURES, type Operation } from "@/modules/features";

export type { Operation };

export const ROLES: readonly Role[] = ["owner", "admin", "developer", "viewer"];

export const OPERATIONS = FEATURES.flatMap((f) => Object.keys(f.policy)) as Operation[];

export const POLICY: Record<Role, readonly Operation[]> = Object.fromEntries(
  ROLES.map((role) => [
    role,
    FEATURES.flatMap((f) => Object.entries<readonly Role[]>(f.policy).filter(([, roles]) => roles.includes(role)).map(([op]) => op as Operation)),
  ]),
) as unknown as Record<Role, readonly Operation[]>;

export function can(role: Role, operation: Operation): boolean {
  return Object.hasOwn(POLICY, role) && POLICY[role].includes(operation);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  viewer: "Viewer",
};
