// The demo's web simulator: one page where a newcomer speaks as any demo person, in
// any demo room or privately to the bot, and watches the bot answer. It only moves
// mock contacts; the bot sees ordinary WeChat messages through its usual channel.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WechatyInterface } from "wechaty/impls";
import type { Logger } from "../core/types.js";
import type { DemoCommunity } from "../demo/demo-community.js";
import { describeCommunity } from "./describe-community.js";
import { answerHealth, type HealthReport } from "./health-server.js";
import { BodyTooLargeError, readBody, sendError, sendHtml, sendJson } from "./http-io.js";
import { contentSecurityPolicy } from "./page-policy.js";
import { parseSayRequest, performSay, sayProblemWords } from "./say-request.js";
import { recordTranscript, type Transcript } from "./transcript.js";

export interface SimulatorOptions {
  demo: DemoCommunity;
  bot: WechatyInterface;
  host: string;
  /** 0 picks a free port; `url` then carries the real one. */
  port: number;
  logger: Logger;
  /** Served at `GET /healthz`. */
  health?: () => Promise<HealthReport>;
}

export interface Simulator {
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 16 * 1024;
const pageFile = new URL("./simulator-page.html", import.meta.url);

interface Context extends SimulatorOptions {
  transcript: Transcript;
  page: { html: string; policy: string };
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const html = await readFile(pageFile, "utf8");
  const transcript = recordTranscript(options.demo);
  const context: Context = { ...options, transcript, page: { html, policy: contentSecurityPolicy(html) } };
  const server = createServer((request, response) => {
    handle(context, request, response).catch((err) => {
      options.logger.error("simulator request failed", { url: request.url, reason: String(err) });
      sendError(response, 500, "internal", "模拟器出了点问题，请稍后再试。");
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (err) {
    transcript.close();
    throw err;
  }
  const url = urlOf(options.host, (server.address() as AddressInfo).port);
  options.logger.info("simulator listening", { url });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      transcript.close();
      server.close(() => resolve());
      // Idle keep-alive sockets from the page would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, close };
}

function urlOf(host: string, port: number): string {
  // A wildcard address is where to listen, not where a browser can go.
  const visible = host === "" || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${visible.includes(":") ? `[${visible}]` : visible}:${port}/`;
}

const routes: Record<
  string,
  Partial<Record<string, (c: Context, q: IncomingMessage, r: ServerResponse, u: URL) => Promise<void> | void>>
> = {
  "/": { GET: (c, _q, r) => sendHtml(r, c.page.html, c.page.policy) },
  "/api/state": { GET: (c, _q, r) => sendJson(r, 200, describeCommunity(c.demo, c.bot)) },
  "/api/messages": { GET: (c, _q, r, u) => listMessages(c, r, u) },
  "/api/say": { POST: (c, q, r) => say(c, q, r) },
  "/healthz": {
    GET: (c, _q, r) => (c.health ? answerHealth(c.health, r) : sendJson(r, 200, { connected: true, loggedIn: true })),
  },
};

async function handle(context: Context, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://simulator.invalid");
  const route = routes[url.pathname];
  if (!route) return sendError(response, 404, "not_found", "没有这个地址。");
  const handler = route[request.method ?? "GET"];
  if (!handler) return sendError(response, 405, "method_not_allowed", "这个地址不支持这种请求。");
  await handler(context, request, response, url);
}

function listMessages(context: Context, response: ServerResponse, url: URL): void {
  const raw = url.searchParams.get("since") ?? "0";
  if (!/^\d{1,15}$/.test(raw)) {
    sendError(response, 400, "bad_input", "since 必须是不小于 0 的整数。");
    return;
  }
  const since = Number(raw);
  sendJson(response, 200, { messages: context.transcript.since(since), latestSeq: context.transcript.latestSeq() });
}

async function say(context: Context, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // Asking for JSON makes a cross-site form post impossible: browsers must ask first.
  if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) {
    return sendError(response, 415, "unsupported_media_type", "请用 JSON 格式发送。");
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request, maxBodyBytes));
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendError(response, 413, "too_large", "内容太长了，请分几次发送。");
    return sendError(response, 400, "bad_input", "请求格式不对，请刷新页面后再试。");
  }
  const parsed = parseSayRequest(body, context.demo);
  if (!parsed.ok) return sendError(response, 400, parsed.problem, sayProblemWords[parsed.problem]);
  const before = context.transcript.latestSeq();
  performSay(parsed.request, context.demo);
  sendJson(response, 200, {
    ok: true,
    seq: context.transcript.latestSeq() > before ? context.transcript.latestSeq() : null,
  });
}
