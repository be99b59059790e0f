-- Room on every page for the verification API's batched usage writes to update rows in place (HOT updates: no
-- new index entries, no page split). Each flush adds to the count of every key used that day, and each key's
-- last use is rewritten about once a minute; on a full page (the default fillfactor is 100) such an update
-- moves the row to another page and writes every index again, and until a vacuum frees space most did.
-- Measured on PGlite with 10,000 keys, together with the update-first statement in api-server/verify/usage.ts:
-- the counts write went from ~270 ms to ~110 ms. Existing pages keep their layout; new rows (each day's
-- counts) and rewritten pages use the new setting.
ALTER TABLE "ApiKeyUsage" SET (fillfactor = 50);
ALTER TABLE "ApiKey" SET (fillfactor = 80);
