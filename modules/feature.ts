/**
 * What a feature tells the shell: its settings-nav entries, the labels of the audit events it writes, and the
 * policy operations it checks with the roles allowed each. Each feature declares one in its `nav.ts`;
 * modules/features.ts lists them, and the policy table, the settings nav and the activity list are built from it.
 */
import type { Role } from "@/core/generated/prisma/enums";

export type NavEntry = { section: string; group: string; href: string; label: string };

export type FeatureManifest<Ops extends string = string> = {
  id: string;
  nav: readonly NavEntry[];
  auditLabels: Readonly<Record<string, string>>;
  policy: Readonly<Record<Ops, readonly Role[]>>;
};

export function defineFeature<const Ops extends string>(feature: FeatureManifest<Ops>): FeatureManifest<Ops> {
  return feature;
}
