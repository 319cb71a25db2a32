// `GET /healthz` (and the console, when given) for a real-account start: JSON a supervisor or
// a soak script can poll. 200 while the bot can talk to WeChat, 503 otherwise.
import type { Logger } from "../core/types.js";
import type { ConsoleServices } from "./console/console-routes.js";
import { type HealthReport, startWebServer } from "./web-server.js";

export type { HealthReport } from "./web-server.js";

export interface HealthServer {
  /** The health check's address (…/healthz). */
  url: string;
  close(): Promise<void>;
}

export async function startHealthServer(o: {
  host: string;
  port: number;
  health: () => Promise<HealthReport>;
  logger: Logger;
  console?: ConsoleServices;
}): Promise<HealthServer> {
  const web = await startWebServer(o);
  return { url: `${web.url}healthz`, close: web.close };
}
