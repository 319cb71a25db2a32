// The staff console on the web port: pages under /console (plain HTML and ES modules, no build
// step), JSON under /api. No API call works without a session; a change needs the session's
// CSRF token and a same-origin request; every change is written to the audit log.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import { rateLimiter } from "hono-rate-limiter";
import type { z } from "zod";
import type { ConsoleSession } from "../../people/console-auth.js";
import { jsonError } from "../json-error.js";
import { consoleApis } from "./api/index.js";
import type { ConsoleServices } from "./console-services.js";

export type { ConsoleServices } from "./console-services.js";

export interface ConsoleEnv {
  Variables: {
    staff: ConsoleSession;
    /** The community the request is about (the one configured, until a street runs several). */
    community: string;
  };
}

export const sessionCookie = "linli_session";
/** The pages; each is public/<name>.html with its script public/<name>.js. */
export const consolePages = ["login", "tickets", "ticket", "handovers", "broadcasts", "kb", "reports"] as const;

const publicDir = new URL("./public/", import.meta.url);
const requireHere = createRequire(import.meta.url);
const assetTypes: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
};

/** Pages may load only their own scripts, styles and images, and talk only to this server. */
export const consolePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const clientKey = (c: Context) => getConnInfo(c).remote.address ?? "unknown";

export function consoleRoutes(s: ConsoleServices): Hono {
  const app = new Hono();
  const files = new Map<string, { body: string | Uint8Array; type: string }>();
  const read = (name: string) => {
    let f = files.get(name);
    if (!f) {
      const ext = name.split(".").pop() ?? "";
      f = { body: readFileSync(new URL(name, publicDir)), type: assetTypes[ext] ?? "text/html; charset=utf-8" };
      files.set(name, f);
    }
    return f;
  };
  const echarts = readFileSync(requireHere.resolve("echarts/dist/echarts.min.js"));

  const headers = secureHeaders({
    contentSecurityPolicy: undefined,
    referrerPolicy: "no-referrer",
    crossOriginResourcePolicy: "same-origin",
  });
  const policy: MiddlewareHandler = async (c, next) => {
    await next();
    c.res.headers.set("content-security-policy", consolePolicy);
  };

  // Pages and their files: the same for everyone; the data behind them needs a session.
  app.get("/console", (c) => c.redirect("/console/tickets"));
  app.get("/console/", (c) => c.redirect("/console/tickets"));
  app.get("/console/assets/:file{[a-z0-9-]+\\.(js|css|svg)}", headers, policy, (c) => {
    const name = c.req.param("file");
    let f: ReturnType<typeof read>;
    try {
      f = read(name);
    } catch {
      return jsonError(c, 404, "not_found", "没有这个文件。");
    }
    return c.body(f.body as string, 200, { "content-type": f.type, "cache-control": "no-cache" });
  });
  app.get("/console/vendor/echarts.min.js", headers, policy, (c) =>
    c.body(echarts as unknown as string, 200, {
      "content-type": assetTypes.js as string,
      "cache-control": "public, max-age=86400",
    }),
  );
  for (const page of consolePages) {
    app.get(`/console/${page}`, headers, policy, (c) =>
      c.body(read(`${page}.html`).body as string, 200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      }),
    );
  }
  app.get("/console/tickets/:id{[0-9]+}", (c) => c.redirect(`/console/ticket?id=${c.req.param("id")}`));

  // The API.
  const api = new Hono<ConsoleEnv>();
  api.use("*", headers, async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });
  // Only same-origin browsers may change anything (the CSRF token below is the second lock).
  api.use("*", csrf());
  api.use("*", async (c, next) => {
    const asked = c.req.query("community") ?? c.req.header("x-linli-community");
    if (asked && asked !== s.config.community.id) return jsonError(c, 404, "unknown_community", "没有这个社区。");
    c.set("community", s.config.community.id);
    await next();
  });

  const signInLimit = rateLimiter<ConsoleEnv>({
    windowMs: 60_000,
    limit: 10,
    standardHeaders: "draft-6",
    keyGenerator: clientKey,
    handler: (c) => jsonError(c, 429, "too_many", "尝试太频繁了, 请一分钟后再试。"),
  });
  api.post("/login", signInLimit, bodyLimit({ maxSize: 4096 }), async (c) => {
    const body = await readJson(c);
    if (!body) return jsonError(c, 400, "bad_input", "请求格式不对, 请刷新页面后再试。");
    const code = typeof body.code === "string" ? body.code : null;
    const name = typeof body.name === "string" ? body.name.trim() : null;
    const password = typeof body.password === "string" ? body.password : null;
    let opened: Awaited<ReturnType<typeof s.auth.signInWithCode>> = null;
    if (code !== null) {
      if (!code.trim()) return jsonError(c, 400, "empty_code", "请输入登录码。");
      opened = await s.auth.signInWithCode(code);
      if (!opened)
        return jsonError(c, 401, "bad_code", "登录码不对或已失效。请在微信里给我发「登录」, 重新获取登录码。");
    } else if (name !== null && password !== null) {
      opened = await s.auth.signInAsAdmin(name, password);
      if (!opened) return jsonError(c, 401, "bad_password", "用户名或密码不对。");
    } else return jsonError(c, 400, "bad_input", "请输入登录码, 或管理员用户名和密码。");
    setCookie(c, sessionCookie, opened.token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: new URL(c.req.url).protocol === "https:",
      path: "/",
      expires: opened.session.expiresAt,
    });
    await s.audit(opened.session, "sign-in", { admin: opened.session.admin });
    s.logger.info("console sign-in", { admin: opened.session.admin });
    return c.json(sessionView(opened.session, s));
  });

  // The sign-in page asks whether it may go straight on: a plain yes or no, not a 401 that the browser
  // would log as an error on every visit.
  api.get("/signed-in", async (c) => {
    const token = getCookie(c, sessionCookie) ?? "";
    return c.json({ signedIn: Boolean(token && (await s.auth.session(token))) });
  });

  // Everything below needs a session; changes need its CSRF token.
  api.use("*", async (c, next) => {
    const token = getCookie(c, sessionCookie) ?? "";
    const staff = token ? await s.auth.session(token) : null;
    if (!staff) return jsonError(c, 401, "signed_out", "请先登录。");
    const changes = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
    // hono's csrf() looks only at form posts; a change of any kind must come from this site.
    const origin = c.req.header("origin");
    if (changes && origin && origin !== new URL(c.req.url).origin)
      return jsonError(c, 403, "cross_site", "请从后台页面操作。");
    if (changes && !sameSecret(c.req.header("x-csrf-token") ?? "", staff.csrfToken))
      return jsonError(c, 403, "csrf", "页面已过期, 请刷新后再试。");
    c.set("staff", staff);
    await next();
  });
  api.get("/session", (c) => c.json(sessionView(c.get("staff"), s)));
  api.delete("/session", async (c) => {
    const token = getCookie(c, sessionCookie) ?? "";
    await s.auth.signOut(token);
    deleteCookie(c, sessionCookie, { path: "/" });
    await s.audit(c.get("staff"), "sign-out", {});
    return c.json({ ok: true });
  });
  for (const [path, routes] of Object.entries(consoleApis(s))) api.route(path, routes);
  api.notFound((c) => jsonError(c, 404, "not_found", "没有这个地址。"));
  app.route("/api", api);
  return app;
}

function sessionView(staff: ConsoleSession, s: ConsoleServices) {
  return {
    name: staff.name,
    admin: staff.admin,
    csrfToken: staff.csrfToken,
    expiresAt: staff.expiresAt.toISOString(),
    community: { id: s.config.community.id, name: s.config.community.name },
  };
}

/** A JSON object body, or null. */
export async function readJson(c: Context): Promise<Record<string, unknown> | null> {
  if (!(c.req.header("content-type") ?? "").startsWith("application/json")) return null;
  try {
    const v: unknown = JSON.parse(await c.req.text());
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The first thing wrong with an input, in the words its schema gives. */
export const firstProblem = (e: z.ZodError) => e.issues[0]?.message ?? "输入的内容不对, 请检查后再试。";
