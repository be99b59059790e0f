/** How the console names request types and statuses. */
export const TYPE_LABELS = { subaccounts: "More subaccounts", developer_account: "Developer account", integration: "Integration" } as const;
export const STATUS_LABELS = { pending: "Pending", approved: "Approved", declined: "Declined" } as const;
export const STATUS_STYLES = {
  pending: "bg-slate-100 text-slate-800 ring-slate-500/20",
  approved: "bg-green-50 text-green-800 ring-green-600/20",
  declined: "bg-amber-50 text-amber-900 ring-amber-600/20",
} as const;
