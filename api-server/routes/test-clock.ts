/** POST /api/v1/__test/clock: moves the API's clock forward. Routed only when DC_TEST_CLOCK=1 (tests). */
import { z } from "zod";
import { advanceTestClock } from "../clock";
import type { RouteHandler } from "../context";
import { readJson, sendJson, sendProblem } from "../http";

const bodySchema = z.object({ advanceMs: z.number().int().min(0).max(365 * 86_400_000) });

export const testClock: RouteHandler = async (req, res) => {
  const body = bodySchema.safeParse(await readJson(req).catch(() => null));
  if (!body.success) return sendProblem(res, 400, "malformed-request", "Bad Request", "advanceMs is required");
  sendJson(res, 200, { offsetMs: advanceTestClock(body.data.advanceMs) });
};
