/** What other features may use of OAuth apps, server-side: the staff console's catalog decisions. */
import "server-only";

export { applyCatalogDecision, unlistFromCatalog } from "./data/catalog";
