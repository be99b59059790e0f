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
