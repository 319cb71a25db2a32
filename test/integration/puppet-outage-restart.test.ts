// A gap that spans a restart: the bot is stopped while the puppet service is down, or stays
// stopped for a while. The next process, on the same SQLite file, tells staff once that what
// was written meanwhile may not have reached the bot; a quick restart says nothing.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { toChinaTime } from "../../src/text/china-time.js";
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
let bot: Awaited<ReturnType<typeof startBot>> | undefined;
let logLines: string[];
let offsetMs: number;
const clock = { now: () => new Date(Date.now() + offsetMs) };

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  logLines = [];
  offsetMs = 0;
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await server.stop();
  tmp.cleanup();
});

async function begin(): Promise<NonNullable<typeof bot>> {
  bot = await startBot(server, `${tmp.dir}/linli.db`, {
    clock,
    logger: createLogger("debug", (l) => logLines.push(l)),
    reconnectBackoffMs: [200, 500, 1000],
  });
  return bot;
}
async function end(): Promise<void> {
  await bot?.stop();
  bot = undefined;
}
const gapNotices = () => server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes("连接中断"));
const minuteOf = (d: Date) => {
  const t = toChinaTime(d);
  return `${t.month}月${t.day}日 ${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
};
const stored = async (b: NonNullable<typeof bot>) =>
  (await b.app.db.setting.findUnique({ where: { key: "link:watch" } }))?.value;
/** Polls an async probe (the harness's waitFor takes a sync one). */
async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}
/** Long enough for a notice queued at start to have gone out. */
const settle = async (b: NonNullable<typeof bot>) => {
  await b.app.outbox.idle();
  await new Promise((r) => setTimeout(r, 1000));
};

it("after the bot was stopped for a while, staff are told of the gap once; a quick restart says nothing", async () => {
  const first = await begin();
  await until(() => stored(first), "the link state stored");
  await end();

  // A quick restart: the link was seen up moments ago.
  await settle(await begin());
  expect(gapNotices()).toEqual([]);
  await end();

  const storedNow = async () => {
    const database = await openDatabase(`file:${tmp.dir}/linli.db`);
    const row = await database.db.setting.findUniqueOrThrow({ where: { key: "link:watch" } });
    await database.close();
    return row.value;
  };
  const before = await storedNow();
  const lastUp = new Date(JSON.parse(before).aliveAt as string);

  // Stopped for 10 minutes (a fake clock, so the test need not wait).
  offsetMs = 10 * 60_000;
  const later = await begin();
  const notice = await waitFor(() => gapNotices()[0], "staff told of the gap", 30_000);
  expect(notice.text).toContain(`${minuteOf(lastUp)} 至 ${minuteOf(clock.now())}`);
  expect(notice.text).toContain("可能没有收到");
  await settle(later);
  // Only the staff room hears of it.
  expect(server.botSaid().filter((s) => s.text.includes("连接中断"))).toHaveLength(1);
  await end();

  // A crash loop: the process died before storing that the link is up again, so the next one
  // finds the same old record; the notice is not queued a second time.
  const database = await openDatabase(`file:${tmp.dir}/linli.db`);
  await database.db.setting.update({ where: { key: "link:watch" }, data: { value: before } });
  await database.close();
  await settle(await begin());
  expect(gapNotices()).toHaveLength(1);
  await end();

  // Restarted again at once: the link was up moments ago, nothing more is said.
  await settle(await begin());
  expect(gapNotices()).toHaveLength(1);
}, 120_000);

it("stopped while the puppet service is down, the next bot tells staff once from when the link dropped", async () => {
  const first = await begin();
  await until(() => stored(first), "the link state stored");
  await server.stopService();
  await waitFor(() => logLines.some((l) => l.includes("puppet service disconnected")), "a disconnect log line");
  const downRow = await until(async () => {
    const v = await stored(first);
    return v && JSON.parse(v).downSince ? v : undefined;
  }, "the down-since stored");
  const downSince = new Date(JSON.parse(downRow).downSince as string);
  // Reconnect attempts fail while it is away, and say why at warn, without the token.
  const failed = await waitFor(
    () =>
      logLines.find(
        (l) => l.includes('"level":"warn"') && l.includes("puppet service reconnect failed") && l.includes('"reason"'),
      ),
    "a failed reconnect attempt logged at warn",
  );
  expect(failed).not.toContain(server.token);
  await end(); // stopped during the outage; nothing is written on the way out
  await server.startService();

  const second = await begin();
  const notice = await waitFor(() => gapNotices()[0], "staff told of the gap", 30_000);
  expect(notice.text).toContain(`${minuteOf(downSince)} 至 `);
  await settle(second);
  await end();
  await settle(await begin());
  expect(gapNotices()).toHaveLength(1);
  expect(logLines.join("")).not.toContain(server.token);
}, 120_000);
