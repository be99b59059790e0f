/** GET /api/v1/openapi.json: the OpenAPI document, serialised once. */
import { buildOpenApiDocument } from "@/core/api-contract/openapi";
import type { RouteHandler } from "../context";
import { sendBody } from "../http";

const OPENAPI_JSON = JSON.stringify(buildOpenApiDocument());

export const openapi: RouteHandler = (_req, res) =>
  sendBody(res, 200, "application/json", OPENAPI_JSON, { "cache-control": "public, max-age=300" });
