// The one web port of the bot process (LINLI_WEB_PORT), on Hono: `GET /healthz` always, the
// demo's chat simulator in embedded mode, and the staff console (/console pages, /api JSON).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { reachableHost } from "../config.js";
import type { Logger } from "../core/types.js";
import { type ConsoleServices, consoleRoutes } from "./console/console-routes.js";
import { jsonError } from "./json-error.js";
import { type SimulatorParts, simulatorRoutes } from "./simulator-routes.js";

export interface HealthReport {
  connected: boolean;
  loggedIn: boolean;
}

export interface WebServerOptions {
  host: string;
  /** 0 picks a free port; `url` then carries the real one. */
  port: number;
  logger: Logger;
  /** Served at `GET /healthz`: 200 while the bot can talk to WeChat, 503 otherwise. */
  health?: () => Promise<HealthReport>;
  simulator?: SimulatorParts;
  console?: ConsoleServices;
}

export interface WebServer {
  /** The root address, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

export function createWebApp(o: Omit<WebServerOptions, "host" | "port">): { app: Hono; close(): void } {
  const app = new Hono();
  const closers: (() => void)[] = [];
  app.get("/healthz", async (c) => {
    const report = o.health ? await o.health() : { connected: true, loggedIn: true };
    c.header("cache-control", "no-store");
    return c.json(report, report.connected && report.loggedIn ? 200 : 503);
  });
  // Browsers ask for an icon on every page; there is none, and that is not an error.
  app.get("/favicon.ico", (c) => c.body(null, 204));
  // The simulator's few /api paths first: the console's /api answers everything else under it.
  if (o.simulator) {
    const sim = simulatorRoutes(o.simulator, { withConsole: Boolean(o.console) });
    closers.push(sim.close);
    app.route("/", sim.app);
  }
  if (o.console) app.route("/", consoleRoutes(o.console));
  app.notFound((c) => jsonError(c, 404, "not_found", "没有这个地址。"));
  app.onError((err, c) => {
    // Hono's CSRF check: a change that did not come from a page of this site.
    if (err instanceof HTTPException && err.status === 403)
      return jsonError(c, 403, "cross_site", "请从后台页面操作。");
    o.logger.error("web request failed", { path: c.req.path, reason: String(err) });
    return jsonError(c, 500, "internal", "出了点问题, 请稍后再试。");
  });
  return {
    app,
    close: () => {
      for (const f of closers) f();
    },
  };
}

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const { app, close: closeParts } = createWebApp(o);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(o.port, o.host, () => resolve());
    });
  } catch (err) {
    closeParts();
    throw err;
  }
  const url = urlOf(o.host, (server.address() as AddressInfo).port);
  o.logger.info("web listening", { url });
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        closeParts();
        server.close(() => resolve());
        // Idle keep-alive sockets from pages would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export function urlOf(host: string, port: number): string {
  return `http://${reachableHost(host)}:${port}/`;
}
