// Sign-in to the staff console over the real path: the code comes in WeChat (gRPC mock), the
// session opens the API, and nobody else gets in.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createFakeClock } from "../../helpers/fake-clock.js";
import { codePattern, useConsole } from "../../helpers/console-harness.js";
import { testRooms, waitFor } from "../../helpers/grpc-harness.js";

describe("signing in with a code sent in WeChat", () => {
  const c = useConsole();

  it("a staff member who says 登录 privately gets a one-time code and link, and the code opens a session once", async () => {
    const code = await c.codeFor("zhao");
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const message = c.server.botSaid({ toName: "赵书记" }).find((s) => codePattern.test(s.text))!;
    expect(message.text).toContain(`/console/login?code=${code}`);
    expect(message.text).toContain("5 分钟内有效");

    const first = await c.anonymous("POST", "/api/login", { code: code!.toLowerCase() });
    expect(first.status).toBe(200);
    expect(first.body.name).toBe("赵书记");
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = await c.anonymous("GET", "/api/session", undefined, { cookie: cookie.split(";")[0]! });
    expect(session.status).toBe(200);
    expect(session.body.community).toEqual({ id: "main", name: "本社区" });

    const again = await c.anonymous("POST", "/api/login", { code });
    expect(again.status).toBe(401);
    expect(again.body.message).toContain("登录码不对或已失效");
  });

  it("asked in the staff room, the code still comes privately and the room is only told so", async () => {
    const code = await c.codeFor("zhao", "staff");
    expect(code).not.toBeNull();
    const inRoom = await waitFor(
      () => c.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("私信")),
      "the staff room note",
    );
    expect(inRoom.text).not.toMatch(codePattern);
    expect(c.server.botSaid({ roomTopic: testRooms.staff }).some((s) => s.text.includes(code!))).toBe(false);
  });

  it("a resident or a volunteer gets no code", async () => {
    expect(await c.codeFor("zhang")).toBeNull();
    expect(await c.codeFor("liu")).toBeNull();
    const refusal = c.server.botSaid({ toName: "刘志强" }).map((s) => s.text);
    expect(refusal.join("\n")).toContain("后台只对社区工作人员开放");
  });

  it("without a session no API call works, and a wrong code is refused in plain words", async () => {
    const none = await c.anonymous("GET", "/api/session");
    expect(none.status).toBe(401);
    expect(none.body.message).toBe("请先登录。");
    const wrong = await c.anonymous("POST", "/api/login", { code: "ABCDEFGH" });
    expect(wrong.status).toBe(401);
    const empty = await c.anonymous("POST", "/api/login", { code: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe("请输入登录码。");
    const notJson = await c.anonymous("POST", "/api/login", undefined, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect([400, 403]).toContain(notJson.status);
  });

  it("a change without the session's CSRF token is refused; with it, signing out ends the session", async () => {
    const staff = await c.signIn();
    const forged = await staff.call("DELETE", "/api/session", undefined, { csrf: false });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain("刷新");
    expect((await staff.call("GET", "/api/session")).status).toBe(200);
    expect((await staff.call("DELETE", "/api/session")).status).toBe(200);
    expect((await staff.call("GET", "/api/session")).status).toBe(401);
  });

  it("退出后台 in WeChat ends every console session of that person", async () => {
    const phone = await c.signIn();
    const desk = await c.signIn();
    await c.server.say("zhao", null, "退出后台");
    await waitFor(
      () => c.server.botSaid({ toName: "赵书记" }).find((s) => s.text.includes("已退出后台")),
      "sign-out reply",
    );
    expect((await phone.call("GET", "/api/session")).status).toBe(401);
    expect((await desk.call("GET", "/api/session")).status).toBe(401);
  });

  it("a question about another community is refused", async () => {
    const staff = await c.signIn();
    const other = await staff.call("GET", "/api/session?community=elsewhere");
    expect(other.status).toBe(404);
    expect(other.body.message).toBe("没有这个社区。");
    expect((await staff.call("GET", "/api/session?community=main")).status).toBe(200);
  });

  it("pages carry a strict content security policy and load nothing from elsewhere", async () => {
    for (const page of ["/console/login", "/console/tickets"]) {
      const r = await c.anonymous("GET", page);
      expect(r.status).toBe(200);
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(String(r.body)).not.toMatch(/https?:\/\//);
    }
    const echarts = await c.anonymous("GET", "/console/vendor/echarts.min.js");
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get("content-type")).toContain("javascript");
    expect((await c.anonymous("GET", "/console/assets/..%2Fconsole-routes.ts")).status).toBe(404);
  });

  it("ten wrong tries in a minute are enough: the next is told to wait", async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await c.anonymous("POST", "/api/login", { code: "WRONGONE" })).status;
    expect(last).toBe(429);
  });
});

describe("codes and sessions run out", () => {
  const clock = createFakeClock(new Date());
  const c = useConsole({ clock, env: { LINLI_CONSOLE_SESSION_HOURS: "2" } });

  it("a code older than five minutes no longer works", async () => {
    const code = await c.codeFor("zhao");
    clock.advance(6 * 60_000);
    expect((await c.anonymous("POST", "/api/login", { code })).status).toBe(401);
  });

  it("a session ends after the configured hours", async () => {
    const staff = await c.signIn();
    clock.advance(90 * 60_000);
    expect((await staff.call("GET", "/api/session")).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await staff.call("GET", "/api/session")).status).toBe(401);
  });
});

describe("an administrator for when WeChat is down", () => {
  const c = useConsole();

  it("linli admin create prints a password once, which signs in; a wrong one does not", async () => {
    const env = { ...process.env, DATABASE_URL: `file:${c.dir}/linli.db` };
    const made = spawnSync("npx", ["--no-install", "tsx", "src/cli/main.ts", "admin", "create", "老王"], {
      env,
      encoding: "utf8",
    });
    expect(made.status).toBe(0);
    const password = /密码[^:]*: (\S+)/.exec(made.stdout)?.[1];
    expect(password).toMatch(/^[A-Z0-9]{16}$/);
    const twice = spawnSync("npx", ["--no-install", "tsx", "src/cli/main.ts", "admin", "create", "老王"], {
      env,
      encoding: "utf8",
    });
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain("已经存在");

    const wrong = await c.anonymous("POST", "/api/login", { name: "老王", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe("用户名或密码不对。");
    const right = await c.anonymous("POST", "/api/login", { name: "老王", password });
    expect(right.status).toBe(200);
    expect(right.body.admin).toBe(true);
  });
});

describe("changes from another site", () => {
  const c = useConsole();

  it("a signed-in person's browser cannot be made to change anything from another site", async () => {
    const staff = await c.signIn();
    const r = await staff.call("DELETE", "/api/session", undefined, {
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe("请从后台页面操作。");
    // A JSON change with the right token but from another site's page is refused too.
    const json = await staff.call("DELETE", "/api/session", {}, { headers: { origin: "https://evil.example" } });
    expect(json.status).toBe(403);
    expect((await staff.call("GET", "/api/session")).status).toBe(200);
  });
});
