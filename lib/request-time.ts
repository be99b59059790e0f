/** "Now" for one request: relative times on a page all measure from the same instant (React's request cache). */
import "server-only";
import { cache } from "react";

export const requestNow = cache((): number => Date.now());
