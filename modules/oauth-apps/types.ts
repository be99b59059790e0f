/** What client code may know about OAuth apps: no hashes, no secrets. Nothing server-only is imported here. */
export type CatalogStatus = "none" | "pending" | "approved" | "declined";

export type OAuthAppDto = {
  id: string;
  name: string;
  description: string;
  developerName: string;
  clientId: string;
  maskedSecret: string;
  redirectUris: string[];
  grantTypes: string[];
  allowPasswordGrant: boolean;
  previousSecretExpiresAt: Date | null;
  website: string | null;
  logoUrl: string | null;
  catalogStatus: CatalogStatus;
  catalogReason: string | null;
  createdAt: Date;
  authorizedAccounts: number;
  tokens30d: number;
};

/** The client secret, returned once by create and reset. */
export type IssuedAppSecret = { app: OAuthAppDto; clientSecret: string };

export type AuthorizedAppDto = {
  id: string;
  appName: string;
  developerName: string;
  clientId: string;
  authorizedBy: string | null;
  authorizedAt: Date;
  scopes: string[];
  lastUsedAt: Date | null;
};

export type CatalogEntryDto = { id: string; name: string; description: string; developerName: string; website: string | null; logoUrl: string | null };
