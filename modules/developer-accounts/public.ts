/** What other features may use of developer accounts, server-side: the staff queue's decisions. */
import "server-only";

export { approveDeveloperRequest, declineDeveloperRequest } from "./data/decisions";
