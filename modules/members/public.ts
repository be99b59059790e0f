/** What other features may use of the team feature, server-side: inviting someone inside their own transaction. */
import "server-only";

export { inviteInTransaction } from "./data/invitations";
