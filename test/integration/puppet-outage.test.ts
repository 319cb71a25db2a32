// The puppet service goes away for a few seconds and comes back on the same address: the bot
// reconnects by itself (long before Wechaty's 60 s watchdog), says so in its log, holds its
// replies meanwhile without spending their attempts, sends each once afterwards, and tells
// staff that what was written during the gap may not have reached it.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.js";
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

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  logLines = [];
  bot = await startBot(server, `${tmp.dir}/linli.db`, {
    // Slow enough that replies are still queued when the service goes away.
    env: { LINLI_SEND_INTERVAL_MS: "400" },
    logger: createLogger("debug", (l) => logLines.push(l)),
    reconnectBackoffMs: [200, 500, 1000],
  });
});
afterEach(async () => {
  await bot.stop();
  await server.stop();
  tmp.cleanup();
});

const logged = (msg: string) => logLines.some((l) => l.includes(`"msg":"${msg}"`));

it("reconnects by itself, holds replies while down without spending attempts, sends each once, tells staff", async () => {
  for (let i = 1; i <= 6; i++) await server.say("zhang", "residents", `${i}号楼1单元楼道灯坏了`);
  await waitFor(() => server.botSaid({ roomTopic: testRooms.residents }).length >= 1, "the first reply");
  await server.stopService();
  const downAt = Date.now();
  await waitFor(() => logged("puppet service disconnected, reconnecting"), "a disconnect log line");
  await waitFor(() => bot.app.outbox.paused, "sending paused");
  // Down for a few seconds: long enough for several send attempts at this pace.
  await new Promise((r) => setTimeout(r, 3000));
  const whileDown = await bot.health();
  expect(whileDown).toMatchObject({ connected: false, outboxPaused: true });
  expect(whileDown.outboxBacklog).toBeGreaterThan(0);

  await server.startService();
  await waitFor(() => logged("puppet service reconnected"), "a reconnect log line", 30_000);
  const back = Date.now() - downAt;
  expect(back).toBeLessThan(15_000);
  expect(await bot.health()).toMatchObject({ connected: true, loggedIn: true, outboxPaused: false });

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
  await waitFor(async () => (await bot.health()).outboxBacklog === 0, "the queue drained", 20_000).catch(() => {});
  await bot.app.outbox.idle();

  const acks = server.botSaid({ roomTopic: testRooms.residents }).map((s) => /#(\d+)/.exec(s.text)?.[1]);
  const tickets = acks.filter(Boolean);
  expect(new Set(tickets).size).toBe(tickets.length); // nothing twice
  expect(new Set(tickets).size).toBe(7); // nothing lost
  const rows = await bot.app.db.outboxMessage.findMany();
  expect(rows.every((r) => r.state === "sent")).toBe(true);
  expect(rows.every((r) => r.attempts === 1)).toBe(true); // no attempt burned while down
  expect(server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes("连接中断"))).toHaveLength(1);
  expect(logLines.join("")).not.toContain(server.token);
}, 60_000);
