/** The activity (audit trail) feature for the shell: who may read it. */
import { defineFeature } from "@/modules/feature";

export const auditFeature = defineFeature({
  id: "audit",
  nav: [],
  auditLabels: {},
  policy: { "audit.view": ["owner", "admin", "developer"] },
});
