// The puppet service goes away for a few seconds and comes back on the same address: the bot
// reconnects by itself (long before Wechaty's 60 s watchdog), says so in its log, holds its
// replies meanwhile without spending their attempts, sends each once afterwards, and tells
// staff that what was written during the gap may not have reached it.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createLogger, silentLogger } from "../../src/core/logger.js";
import { type HealthServer, startHealthServer } from "../../src/web/health-server.js";
import {
  startBot,
  startWechatServer,
  tempDir,
  testRooms,
  waitFor,
  type WechatServer,
} from "../helpers/grpc-harness.js";

let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;
let bot: Awaited<ReturnType<typeof startBot>>;
let logLines: string[];
let healthz: HealthServer;

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  logLines = [];
});

async function begin(opts: Parameters<typeof startBot>[2] = {}): Promise<void> {
  bot = await startBot(server, `${tmp.dir}/linli.db`, {
    // Slow enough that replies are still queued when the service goes away.
    env: { LINLI_SEND_INTERVAL_MS: "400" },
    logger: createLogger("debug", (l) => logLines.push(l)),
    reconnectBackoffMs: [200, 500, 1000],
    ...opts,
  });
  healthz = await startHealthServer({ host: "127.0.0.1", port: 0, health: bot.health, logger: silentLogger });
}
afterEach(async () => {
  await healthz?.close();
  await bot?.stop();
  await server.stop();
  tmp.cleanup();
});

async function getHealth(): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(healthz.url);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

const logged = (msg: string) => logLines.some((l) => l.includes(`"msg":"${msg}"`));

it("reconnects by itself, holds replies while down without spending attempts, sends each once, tells staff", async () => {
  await begin();
  for (let i = 1; i <= 6; i++) await server.say("zhang", "residents", `${i}号楼1单元楼道灯坏了`);
  await waitFor(() => server.botSaid({ roomTopic: testRooms.residents }).length >= 1, "the first reply");
  await server.stopService();
  const downAt = Date.now();
  await waitFor(() => logged("puppet service disconnected, reconnecting"), "a disconnect log line");
  await waitFor(() => bot.app.outbox.paused, "sending paused");
  // Down for a few seconds: long enough for several send attempts at this pace.
  await new Promise((r) => setTimeout(r, 3000));
  const whileDown = await getHealth();
  expect(whileDown.status).toBe(503);
  expect(whileDown.body).toMatchObject({ connected: false, outboxPaused: true });
  expect(whileDown.body.outboxBacklog).toBeGreaterThan(0);

  await server.startService();
  await waitFor(() => logged("puppet service reconnected"), "a reconnect log line", 30_000);
  const back = Date.now() - downAt;
  expect(back).toBeLessThan(15_000);
  const after = await getHealth();
  expect(after.status).toBe(200);
  expect(after.body).toMatchObject({ connected: true, loggedIn: true, outboxPaused: false });

  // Messages come in again without a watchdog reset.
  await server.say("li", "residents", "9号楼2单元电梯坏了");
  await waitFor(
    () => server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("李建国")),
    "a reply to a message written after the reconnect",
    15_000,
  );

  const notice = await waitFor(
    () => server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("连接中断")),
    "the staff told of the gap",
    15_000,
  );
  expect(notice.text).toMatch(/\d+月\d+日 \d\d:\d\d 至 \d+月\d+日 \d\d:\d\d/);
  for (let until = Date.now() + 20_000; (await bot.health()).outboxBacklog > 0 && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await getHealth()).body.outboxBacklog).toBe(0);

  // Queued acknowledgements in one group go as one message naming each ticket; a burst from one
  // resident past five tickets a minute is folded into their latest ticket (kept as an event).
  const acks = server
    .botSaid({ roomTopic: testRooms.residents })
    .filter((s) => s.text.includes("登记了"))
    .flatMap((s) => [...s.text.matchAll(/#(\d+)/g)].map((m) => m[1]));
  expect(new Set(acks).size).toBe(acks.length); // nothing twice
  const tickets = await bot.app.db.ticket.count();
  const folded = await bot.app.db.ticketEvent.count({ where: { type: "folded" } });
  expect(new Set(acks).size).toBe(tickets);
  expect(tickets + folded).toBe(7); // nothing lost
  const rows = await bot.app.db.outboxMessage.findMany();
  expect(rows.every((r) => r.state === "sent")).toBe(true);
  expect(rows.every((r) => r.attempts === 1)).toBe(true); // no attempt burned while down
  expect(server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes("连接中断"))).toHaveLength(1);
  expect(logLines.join("")).not.toContain(server.token);
}, 60_000);

it("keeps a quiet link alive: the puppet's watchdog never restarts it, so no false outage", async () => {
  // A 3 s watchdog stands for Wechaty's 60 s one; the bot pings every second.
  await begin({ watchdogSeconds: 3, keepAliveMs: 1000 });
  await new Promise((r) => setTimeout(r, 8000));
  expect(logLines.join("")).not.toContain("WatchdogAgent reset");
  expect(logged("puppet service disconnected, reconnecting")).toBe(false);
  expect((await getHealth()).body).toMatchObject({ connected: true, reconnects: 0 });
  expect(server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
}, 30_000);

it("fetches a message again when the service went away between announcing it and giving it", async () => {
  await begin({ env: { LINLI_SEND_INTERVAL_MS: "0" } });
  // The service announces the resident's message, then goes down before the bot has its content.
  const puppet = server.puppet as unknown as { messagePayload(id: string): Promise<{ text?: string }> };
  const give = puppet.messagePayload.bind(puppet);
  let trapped = false;
  puppet.messagePayload = async (id: string) => {
    const payload = await give(id);
    if (!trapped && payload.text?.includes("电梯")) {
      trapped = true;
      setImmediate(() => void server.stopService());
      throw new Error("service going away");
    }
    return payload;
  };
  await server.say("li", "residents", "7号楼2单元电梯坏了");
  await waitFor(() => trapped, "the service to fail the message");
  await waitFor(() => logged("puppet service disconnected, reconnecting"), "a disconnect log line");
  await new Promise((r) => setTimeout(r, 1500));
  await server.startService();
  const reply = await waitFor(
    () =>
      server
        .botSaid({ roomTopic: testRooms.residents })
        .find((s) => s.text.includes("李建国") && s.text.includes("登记")),
    "the resident's request answered after the service came back",
    20_000,
  );
  expect(reply.text).toContain("#1");
  const tickets = await bot.app.db.ticket.findMany();
  expect(tickets).toHaveLength(1);
  expect(JSON.stringify(tickets[0])).toContain("电梯");
  expect(logged("message fetched on a later try")).toBe(true);
}, 45_000);

it("handles a message again when the service went away while it was being handled, with no apology", async () => {
  await begin({ env: { LINLI_SEND_INTERVAL_MS: "0" } });
  // Handling asks WeChat who is in the staff and volunteers' rooms; the service dies right then.
  const puppet = server.puppet as unknown as { roomMemberList(id: string): Promise<string[]> };
  let trapped = false;
  const list = puppet.roomMemberList.bind(puppet);
  puppet.roomMemberList = async (id: string) => {
    if (trapped) return list(id);
    trapped = true;
    void server.stopService();
    return new Promise<string[]>(() => {}); // cut off by the shutdown
  };
  await server.say("li", "residents", "7号楼2单元电梯坏了");
  await waitFor(() => trapped, "the service to go away mid-handling");
  await waitFor(() => logged("puppet service disconnected, reconnecting"), "a disconnect log line");
  await new Promise((r) => setTimeout(r, 1000));
  await server.startService();
  await waitFor(
    () =>
      server
        .botSaid({ roomTopic: testRooms.residents })
        .find((s) => s.text.includes("李建国") && s.text.includes("#1")),
    "the resident's request registered after the service came back",
    30_000,
  );
  expect(await bot.app.db.ticket.count()).toBe(1);
  expect(await bot.app.db.inboundMessage.findMany({ select: { state: true } })).toEqual([{ state: "done" }]);
  expect(server.botSaid({ roomTopic: testRooms.residents }).some((s) => s.text.includes("出了点问题"))).toBe(false);
}, 60_000);
