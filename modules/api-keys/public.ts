/** What other features may use of API keys, server-side: issuing a key inside their own transaction. */
import "server-only";

export { insertApiKey } from "./data/mutations";
