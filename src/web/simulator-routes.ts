// The demo's web simulator: one page where a newcomer speaks as any demo person, in any
// demo room or privately to the bot, and watches the bot answer. It only moves mock
// contacts; the bot sees ordinary WeChat messages through its usual channel.
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { WechatyInterface } from "wechaty/impls";
import type { DemoCommunity } from "../demo/demo-community.js";
import { describeCommunity } from "./describe-community.js";
import { jsonError } from "./json-error.js";
import { contentSecurityPolicy } from "./page-policy.js";
import { parseSayRequest, performSay, sayProblemWords } from "./say-request.js";
import { recordTranscript } from "./transcript.js";

export interface SimulatorParts {
  demo: DemoCommunity;
  bot: WechatyInterface;
}

const maxBodyBytes = 16 * 1024;
const pageFile = new URL("./simulator-page.html", import.meta.url);
const sideBySideFile = new URL("./demo-page.html", import.meta.url);

export function simulatorRoutes(parts: SimulatorParts, o: { withConsole: boolean }) {
  const html = readFileSync(pageFile, "utf8");
  // Beside the console the simulator sits in a frame of the demo page (same origin only).
  const policy = contentSecurityPolicy(html, o.withConsole ? "'self'" : "'none'");
  const transcript = recordTranscript(parts.demo);
  const app = new Hono();

  const page = (body: string, csp: string) =>
    new Response(body, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy": csp,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      },
    });

  app.get("/", () => page(html, policy));
  if (o.withConsole) {
    const demoHtml = readFileSync(sideBySideFile, "utf8");
    const demoPolicy = contentSecurityPolicy(demoHtml, "'none'", "frame-src 'self'");
    app.get("/demo", () => page(demoHtml, demoPolicy));
  }
  app.get("/api/state", (c) => c.json(describeCommunity(parts.demo, parts.bot)));
  app.get("/api/messages", (c) => {
    const raw = c.req.query("since") ?? "0";
    if (!/^\d{1,15}$/.test(raw)) return jsonError(c, 400, "bad_input", "since 必须是不小于 0 的整数。");
    c.header("cache-control", "no-store");
    return c.json({ messages: transcript.since(Number(raw)), latestSeq: transcript.latestSeq() });
  });
  app.post(
    "/api/say",
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => jsonError(c, 413, "too_large", "内容太长了，请分几次发送。") }),
    async (c) => {
      // Asking for JSON makes a cross-site form post impossible: browsers must ask first.
      if (!(c.req.header("content-type") ?? "").startsWith("application/json"))
        return jsonError(c, 415, "unsupported_media_type", "请用 JSON 格式发送。");
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return jsonError(c, 400, "bad_input", "请求格式不对，请刷新页面后再试。");
      }
      const parsed = parseSayRequest(body, parts.demo);
      if (!parsed.ok) return jsonError(c, 400, parsed.problem, sayProblemWords[parsed.problem]);
      const before = transcript.latestSeq();
      performSay(parsed.request, parts.demo);
      return c.json({ ok: true, seq: transcript.latestSeq() > before ? transcript.latestSeq() : null });
    },
  );
  for (const path of ["/", "/api/state", "/api/messages", "/api/say"])
    app.all(path, (c) => jsonError(c, 405, "method_not_allowed", "这个地址不支持这种请求。"));
  return { app, close: () => transcript.close() };
}
