// The console's JSON areas, each mounted under /api/<path>. Each area's routes run after the
// session check (c.get("staff") is the signed-in person) and go through the domain services.
import type { Hono } from "hono";
import type { ConsoleEnv } from "../console-routes.js";
import type { ConsoleServices } from "../console-services.js";
import { broadcastsApi } from "./broadcasts.js";
import { handoversApi } from "./handovers.js";
import { kbApi } from "./kb.js";
import { reportsApi } from "./reports.js";
import { ticketsApi } from "./tickets.js";

export function consoleApis(s: ConsoleServices): Record<string, Hono<ConsoleEnv>> {
  return {
    "/tickets": ticketsApi(s),
    "/handovers": handoversApi(s),
    "/broadcasts": broadcastsApi(s),
    "/kb": kbApi(s),
    "/reports": reportsApi(s),
  };
}
