/** What the staff console shows. */
export type StaffRequestDto = {
  id: string;
  type: "subaccounts" | "developer_account" | "integration";
  status: "pending" | "approved" | "declined";
  account: { id: string; name: string; number: string; maxSubaccounts: number; subaccounts: number } | null;
  requestedBy: string | null;
  details: Record<string, unknown>;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
};

export type StaffAccountDto = {
  id: string;
  number: string;
  name: string;
  kind: string;
  status: string;
  deleted: boolean;
  parent: { name: string; number: string } | null;
  members: number;
  keysUsed: number;
  subaccounts: number;
  openRequests: number;
};
