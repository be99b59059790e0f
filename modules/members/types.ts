/** What the Manage users page shows (no server-only types). */
export type MemberRole = "owner" | "admin" | "developer" | "viewer";

export type MemberDto = {
  userId: string;
  name: string | null;
  email: string;
  role: MemberRole;
  joinedAt: Date;
  lastSignInAt: Date | null;
  /** Set for a parent account's owners and admins shown in a subaccount (read-only rows). */
  inheritedFrom: string | null;
  isYou: boolean;
};

export type InvitationDto = { id: string; email: string; role: MemberRole; invitedBy: string | null; createdAt: Date; expiresAt: Date; expired: boolean };

export type ApiUserDto = { id: string; username: string; description: string; enabled: boolean; createdAt: Date; lastUsedAt: Date | null; lastUsedIp: string | null };

export type TeamDto = { members: MemberDto[]; invitations: InvitationDto[] };

/** The roles, highest first, as the invite and change-role forms offer them (the server enforces the same order). */
export const ROLE_OPTIONS: { value: MemberRole; label: string; description: string }[] = [
  { value: "owner", label: "Owner", description: "Everything, including users, API users and ownership." },
  { value: "admin", label: "Admin", description: "API keys, subaccounts and users (not owners)." },
  { value: "developer", label: "Developer", description: "Sees API keys, usage and activity; changes nothing." },
  { value: "viewer", label: "Viewer", description: "Signs in; no access to Developer's corner." },
];
const RANK: Record<MemberRole, number> = { owner: 4, admin: 3, developer: 2, viewer: 1 };
/** Roles `actor` may grant: none above their own. */
export const grantableRoles = (actor: MemberRole) => ROLE_OPTIONS.filter((r) => RANK[r.value] <= RANK[actor]);
export const roleLabel = (role: MemberRole) => ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;
