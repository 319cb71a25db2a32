import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A JSON error whose `message` is written for the person at the page, in plain Chinese. */
export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string, extra: object = {}) {
  c.header("cache-control", "no-store");
  return c.json({ error: code, message, ...extra }, status);
}
