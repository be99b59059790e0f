/** Role order: nobody may grant a role above their own, and only an owner may touch an owner. */
import "server-only";
import type { Role } from "@/core/generated/prisma/enums";

export const ROLE_RANK: Record<Role, number> = { owner: 4, admin: 3, developer: 2, viewer: 1 };
