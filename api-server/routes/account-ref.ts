/** How the API shows accounts: ids plus the public number ("m1001") and the parent of a subaccount. */
import { formatAccountNumber } from "@/core/account-number";
import type { WhoamiResponse } from "@/core/api-contract/schemas";
import type { AccountInfo } from "../verify/key-record";

export const accountRef = (a: { id: string; number: number; name: string }) => ({ id: a.id, number: formatAccountNumber(a.number), name: a.name });

export function accountBody(a: AccountInfo): WhoamiResponse["account"] {
  return { ...accountRef(a), kind: a.kind, status: a.status, parent: a.parent ? accountRef(a.parent) : null };
}
