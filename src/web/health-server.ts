// `GET /healthz` for a real-account start (the demo's simulator serves the same route): JSON
// a supervisor or a soak script can poll. 200 while the bot can talk to WeChat, 503 otherwise.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../core/types.js";
import { sendError, sendJson } from "./http-io.js";

export interface HealthReport {
  connected: boolean;
  loggedIn: boolean;
}

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

export async function answerHealth(
  health: () => Promise<HealthReport>,
  response: import("node:http").ServerResponse,
): Promise<void> {
  const report = await health();
  sendJson(response, report.connected && report.loggedIn ? 200 : 503, report);
}

export async function startHealthServer(o: {
  host: string;
  port: number;
  health: () => Promise<HealthReport>;
  logger: Logger;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://health.invalid").pathname;
    if (path !== "/healthz") return sendError(response, 404, "not_found", "没有这个地址。");
    if (request.method !== "GET") return sendError(response, 405, "method_not_allowed", "这个地址不支持这种请求。");
    answerHealth(o.health, response).catch((err) => {
      o.logger.error("health check failed", { reason: String(err) });
      sendError(response, 500, "internal", "健康检查出错。");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}/healthz`;
  o.logger.info("health check listening", { url });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
