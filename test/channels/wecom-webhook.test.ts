import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { byteLength } from "../../src/broadcasts/split-text.js";
import { createWecomWebhookSender } from "../../src/channels/wecom-webhook.js";

/** Shared by the sender and the fake robot, so a minute passes without waiting one. */
function createFakeTime(startMs = Date.UTC(2026, 10, 23, 0, 0)) {
  let nowMs = startMs;
  const sleeps: number[] = [];
  return {
    clock: { now: () => new Date(nowMs) },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      nowMs += ms;
    },
    sleeps,
  };
}

interface RobotRequest {
  key: string;
  body: { msgtype: string; text?: { content: string; mentioned_list?: string[] }; markdown?: { content: string } };
}

/** A loopback stand-in for https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
function startFakeRobot(nowMs: () => number, perMinute = 20) {
  const received: RobotRequest[] = [];
  const sentAt = new Map<string, number[]>();
  const overrides = new Map<string, { status: number; body: string }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const key = new URL(req.url ?? "/", "http://robot").searchParams.get("key") ?? "";
      const override = overrides.get(key);
      if (override) {
        res.writeHead(override.status, { "content-type": "application/json" });
        res.end(override.body);
        return;
      }
      const reply = (body: object) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (!key.startsWith("robot-")) return reply({ errcode: 93000, errmsg: "invalid webhook url" });
      const recent = (sentAt.get(key) ?? []).filter((t) => t > nowMs() - 60_000);
      if (recent.length >= perMinute) {
        return reply({ errcode: 130101, errmsg: "send to chat failed: freq limit exceed" });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RobotRequest["body"];
      const content = body.text?.content ?? body.markdown?.content ?? "";
      if (byteLength(content) > 2048) return reply({ errcode: 40058, errmsg: "content exceed max length 2048" });
      sentAt.set(key, [...recent, nowMs()]);
      received.push({ key, body });
      reply({ errcode: 0, errmsg: "ok" });
    });
  });
  return {
    received,
    overrides,
    server,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      return `http://127.0.0.1:${port}/cgi-bin/webhook/send`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("createWecomWebhookSender against a loopback robot", () => {
  let time: ReturnType<typeof createFakeTime>;
  let robot: ReturnType<typeof startFakeRobot>;
  let base: string;

  beforeEach(async () => {
    time = createFakeTime();
    robot = startFakeRobot(() => time.clock.now().getTime());
    base = await robot.listen();
  });

  afterEach(async () => {
    await robot.close();
  });

  it("posts a text message in the robot's JSON shape", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    const result = await sender.send(`${base}?key=robot-a`, {
      msgtype: "text",
      content: "明天上午9点停水",
      mentionedList: ["@all"],
    });
    expect(result).toEqual({ ok: true, parts: 1 });
    expect(robot.received).toEqual([
      { key: "robot-a", body: { msgtype: "text", text: { content: "明天上午9点停水", mentioned_list: ["@all"] } } },
    ]);
  });

  it("splits text over 2048 bytes into ordered parts, each accepted by the robot", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    const content = Array.from({ length: 40 }, (_, i) => `第${i + 1}条：请各位居民注意用电安全，出门记得关火。`).join(
      "",
    );
    expect(byteLength(content)).toBeGreaterThan(2048);
    const result = await sender.send(`${base}?key=robot-a`, { msgtype: "markdown", content });
    expect(result.ok).toBe(true);
    const parts = robot.received.map((r) => r.body.markdown?.content ?? "");
    expect(result).toEqual({ ok: true, parts: parts.length });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("")).toBe(content);
    expect(parts[0]!.startsWith("第1条")).toBe(true);
  });

  it("paces 25 messages to one robot so it never answers 130101, waiting out the minute once", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => sender.send(`${base}?key=robot-a`, { msgtype: "text", content: `${i}` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(robot.received.map((r) => r.body.text?.content)).toEqual(Array.from({ length: 25 }, (_, i) => `${i}`));
    expect(time.sleeps).toEqual([60_000]);
  });

  it("keeps a separate allowance per robot", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    for (const key of ["robot-a", "robot-b"]) {
      for (let i = 0; i < 20; i++) await sender.send(`${base}?key=${key}`, { msgtype: "text", content: "通知" });
    }
    expect(robot.received).toHaveLength(40);
    expect(time.sleeps).toEqual([]);
  });

  it("returns 130101 from the robot as retryable (here the sender was set to allow more than the robot)", async () => {
    const sender = createWecomWebhookSender({
      origin: new URL(base).origin,
      clock: time.clock,
      sleep: time.sleep,
      maxPerMinute: 100,
    });
    for (let i = 0; i < 20; i++) await sender.send(`${base}?key=robot-a`, { msgtype: "text", content: "通知" });
    const result = await sender.send(`${base}?key=robot-a`, { msgtype: "text", content: "第21条" });
    expect(result).toEqual({
      ok: false,
      retryable: true,
      reason: "rate_limited",
      errcode: 130101,
      errmsg: "send to chat failed: freq limit exceed",
      sentParts: 0,
    });
  });

  it("gives a message back as retryable rather than wait longer than maxWaitMs", async () => {
    const sender = createWecomWebhookSender({
      origin: new URL(base).origin,
      clock: time.clock,
      sleep: time.sleep,
      maxWaitMs: 5_000,
    });
    for (let i = 0; i < 20; i++) await sender.send(`${base}?key=robot-a`, { msgtype: "text", content: "通知" });
    const result = await sender.send(`${base}?key=robot-a`, { msgtype: "text", content: "第21条" });
    expect(result).toMatchObject({ ok: false, retryable: true, reason: "rate_limited", sentParts: 0 });
    expect(robot.received).toHaveLength(20);
    expect(time.sleeps).toEqual([]);
  });

  it("resumes a long message from the part that failed, so no part is sent twice", async () => {
    const sender = createWecomWebhookSender({
      origin: new URL(base).origin,
      clock: time.clock,
      sleep: time.sleep,
      maxPerMinute: 100,
    });
    for (let i = 0; i < 19; i++) await sender.send(`${base}?key=robot-a`, { msgtype: "text", content: "通知" });
    const content = "请注意安全。".repeat(200);
    const first = await sender.send(`${base}?key=robot-a`, { msgtype: "text", content });
    expect(first).toMatchObject({ ok: false, retryable: true, errcode: 130101, sentParts: 1 });

    await time.sleep(60_000);
    const before = robot.received.length;
    const second = await sender.send(`${base}?key=robot-a`, { msgtype: "text", content }, { fromPart: 1 });
    expect(second.ok).toBe(true);
    const parts = robot.received.slice(before - 1).map((r) => r.body.text?.content ?? "");
    expect(parts.join("")).toBe(content);
  });

  it("reports other errcodes as final, with the robot's words", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    const result = await sender.send(`${base}?key=wrong`, { msgtype: "text", content: "通知" });
    expect(result).toEqual({
      ok: false,
      retryable: false,
      errcode: 93000,
      errmsg: "invalid webhook url",
      sentParts: 0,
    });
  });

  it("treats a server error as retryable and a non-WeCom answer as final", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    robot.overrides.set("robot-down", { status: 502, body: "<html>bad gateway</html>" });
    robot.overrides.set("robot-page", { status: 200, body: "<html>login</html>" });
    expect(await sender.send(`${base}?key=robot-down`, { msgtype: "text", content: "x" })).toMatchObject({
      ok: false,
      retryable: true,
      reason: "server",
    });
    expect(await sender.send(`${base}?key=robot-page`, { msgtype: "text", content: "x" })).toMatchObject({
      ok: false,
      retryable: false,
      errcode: -200,
    });
  });

  it("treats a refused connection as a retryable network error", async () => {
    const sender = createWecomWebhookSender({ origin: new URL(base).origin, clock: time.clock, sleep: time.sleep });
    const url = `${base}?key=robot-a`;
    await robot.close();
    robot = startFakeRobot(() => 0); // afterEach closes this unused one
    const result = await sender.send(url, { msgtype: "text", content: "通知" });
    expect(result).toMatchObject({ ok: false, retryable: true, reason: "network", sentParts: 0 });
  });

  it("uses an injected fetch instead of the global one", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    };
    const sender = createWecomWebhookSender({ fetch: fakeFetch, clock: time.clock, sleep: time.sleep });
    const url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k";
    expect(await sender.send(url, { msgtype: "text", content: "x" })).toEqual({ ok: true, parts: 1 });
    expect(calls).toEqual([url]);
  });

  it("calls nothing but the WeCom webhook host over https", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    };
    const sender = createWecomWebhookSender({ fetch: fakeFetch, clock: time.clock, sleep: time.sleep });
    for (const url of [
      `${base}?key=robot-a`,
      "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
      "https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k",
      "https://169.254.169.254/latest/meta-data",
    ]) {
      expect(await sender.send(url, { msgtype: "text", content: "x" })).toMatchObject({ ok: false, retryable: false });
    }
    expect(calls).toEqual([]);
    expect(robot.received).toEqual([]);
  });
});
