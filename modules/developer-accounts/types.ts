/** What the Integrations page shows (no server-only types). */
import type { UseCase } from "./schema";

export type RequestStatus = "unconfirmed" | "pending" | "approved" | "declined";

export type DeveloperRequestDto = {
  id: string;
  useCase: UseCase;
  company: string;
  status: RequestStatus;
  requestedBy: string | null;
  decisionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export type LinkedAccountDto = {
  id: string;
  name: string;
  number: string;
  createdAt: Date;
  owners: string[];
  /** The viewer is a member there and may switch in. */
  canSwitch: boolean;
};

export type IntegrationsOverview = { requests: DeveloperRequestDto[]; linked: LinkedAccountDto[] };
