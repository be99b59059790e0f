/** The staff console: its paths (not in the settings nav) and the audit labels of staff decisions. */
import { defineFeature } from "@/modules/feature";

export const STAFF_PATH = "/staff";
export const STAFF_REQUESTS_PATH = "/staff/requests";
export const STAFF_ACCOUNTS_PATH = "/staff/accounts";
export const STAFF_OUTBOX_PATH = "/staff/outbox";

export const staffFeature = defineFeature({ id: "staff", nav: [], auditLabels: {}, policy: {} });
