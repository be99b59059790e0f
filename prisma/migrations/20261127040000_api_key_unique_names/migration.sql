-- Key names are unique per account, ignoring case, so "Delete CRM sync" and its typed confirmation are never
-- ambiguous. A functional index, which Prisma's schema language cannot express; Prisma reports a violation as P2002.
CREATE UNIQUE INDEX "ApiKey_accountId_name_ci_key" ON "ApiKey" ("accountId", lower("name"));
