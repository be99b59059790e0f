/** What the subaccounts page shows (no server-only types). */
export type SubaccountDto = {
  id: string;
  number: string;
  name: string;
  status: "active" | "suspended";
  keysUsed: number;
  requests30d: number;
  lastUsedAt: Date | null;
  createdAt: Date;
};

export type RequestDto = {
  id: string;
  status: "pending" | "approved" | "declined";
  count: number;
  reason: string;
  decisionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export type SubaccountsOverview = { subaccounts: SubaccountDto[]; used: number; max: number; latestRequest: RequestDto | null };
