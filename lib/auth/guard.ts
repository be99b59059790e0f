/** The policy check data functions call first: throws ForbiddenError when the actor's role may not. */
import "server-only";
import { ForbiddenError } from "@/lib/errors";
import type { ActorContext } from "./context";
import { can, type Operation } from "./policy";

export function assertCan(ctx: ActorContext, operation: Operation): void {
  if (!can(ctx.role, operation)) throw new ForbiddenError();
}
