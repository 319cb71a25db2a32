// 日清 at 18:00 on working days and 周议 on Mondays at 08:30, on a fake clock, over the real
// puppet-service gRPC path and a real SQLite file: each once, across a restart and with two
// processes on one database; and 日报 / 周报 on demand from staff.
import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/logger.js";
import type { ReportsFeature } from "../../src/features/reports.js";
import { openDatabase } from "../../src/store/open-database.js";
import { chinaTimeToDate } from "../../src/text/china-time.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import {
  startBot,
  startWechatServer,
  tempDir,
  testEnv,
  testRooms,
  waitFor,
  type WechatServer,
} from "../helpers/grpc-harness.js";

const env = { LINLI_DAILY_REPORT_AT: "18:00", LINLI_WEEKLY_REPORT_AT: "08:30" };
let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;
/** Processes on the one database; the last is the one WeChat talks to. */
let bots: { app: App; stop(): Promise<void> }[];
let clock: ReturnType<typeof createFakeClock>;

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  clock = createFakeClock(chinaTimeToDate(2026, 11, 20, 9)); // a Friday
  bots = [await startBot(server, `${tmp.dir}/linli.db`, { clock, env })];
});
afterEach(async () => {
  for (const b of bots) await b.stop();
  await server.stop();
  tmp.cleanup();
});

const bot = () => bots.at(-1)!;
const reports = (b = bot()) => b.app.features.find((f) => f.name === "reports") as ReportsFeature;
const staffGot = (words: string) =>
  server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes(words));
const at = (day: number, hour: number, minute = 0) => clock.set(chinaTimeToDate(2026, 11, day, hour, minute));
async function settle() {
  for (const b of bots) await b.app.outbox.idle();
  await new Promise((r) => setTimeout(r, 300));
}

/**
 * A second process on the same database (the puppet service takes one client at a time, so it
 * sends through a recording sender): what it sends counts as sent to the staff room too.
 */
async function anotherProcess() {
  const config = loadConfig({ ...testEnv(env), DATABASE_URL: `file:${tmp.dir}/linli.db` });
  const database = await openDatabase(config.databaseUrl);
  const sent: string[] = [];
  const app = createApp({
    config,
    database,
    sender: { send: async (m) => void sent.push(m.text) },
    directory: { memberIds: async () => [], nameOf: async () => null, findMember: async () => null },
    clock,
    logger: silentLogger,
    housekeepingMs: 0,
  });
  // The rooms' roles come from the bindings the first process stored.
  await app.rooms.load();
  for (const [key, topic] of Object.entries(testRooms))
    app.rooms.register(server.rooms[key as keyof typeof testRooms].id, topic);
  await app.outbox.start();
  const other = {
    app,
    sent,
    async stop() {
      await app.stop();
      await database.close();
    },
  };
  bots.push(other);
  return other;
}

/** A normal ticket claimed, done and rated 满意, and an urgent one nobody claims. */
async function aFriday(): Promise<{ done: number; urgent: number }> {
  server.say("zhang", "residents", "3号楼2单元楼道灯坏了");
  const card = await waitFor(
    () => server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => /新任务 #\d+/.test(s.text)),
    "card",
  );
  const done = Number(/#(\d+)/.exec(card.text)![1]);
  clock.advance(60 * 60_000);
  server.say("liu", "volunteers", `认领 ${done}`);
  await waitFor(() => server.botSaid({ toName: "刘志强" }).length > 0, "claimed");
  clock.advance(60 * 60_000);
  server.say("liu", "volunteers", `完成 ${done} 换了灯泡`);
  await waitFor(
    () => server.botSaid({ roomTopic: testRooms.residents }).some((s) => /评价|满意/.test(s.text)),
    "asked",
  );
  server.say("zhang", "residents", "满意");
  await waitFor(
    () => server.botSaid({ roomTopic: testRooms.residents }).some((s) => /谢谢您的评价/.test(s.text)),
    "rated",
  );
  clock.advance(60 * 60_000);
  server.say("li", "residents", "5号楼楼道里好大一股煤气味");
  const alert = await waitFor(() => staffGot("紧急").at(0), "urgent alert");
  return { done, urgent: Number(/#(\d+)/.exec(alert.text)![1]) };
}

describe("日清周议", () => {
  it("sends the day at 18:00 once across a restart, none on Saturday, the week on Monday 08:30 once with two processes", async () => {
    const { done, urgent } = await aFriday();

    at(20, 17, 59);
    expect(await reports().tick()).toEqual([]);
    at(20, 18, 0);
    expect(await reports().tick()).toEqual(["daily:2026-11-20"]);
    const daily = await waitFor(() => staffGot("【日清】").at(0), "日清");
    expect(daily.text).toContain("【日清】11月20日(周五) 截至18:00");
    expect(daily.text).toContain("新登记 2 件, 今日办结 1 件");
    expect(daily.text).toContain("未办结: 待认领 1 件, 处理中 0 件");
    expect(daily.text).toMatch(new RegExp(`超时 1 件: #${urgent}\\(5号楼.*未认领`));
    expect(daily.text).toContain(`紧急 1 件: #${urgent} 待认领`);
    expect(daily.text).toContain("待答复的居民咨询: 无");

    // Later that evening and after a restart on the same database: nothing again.
    at(20, 19, 30);
    expect(await reports().tick()).toEqual([]);
    await bots.pop()!.stop();
    bots.push(await startBot(server, `${tmp.dir}/linli.db`, { clock, env }));
    expect(await reports().tick()).toEqual([]);

    at(21, 18, 0); // Saturday: no 日清
    expect(await reports().tick()).toEqual([]);

    at(23, 8, 29);
    expect(await reports().tick()).toEqual([]);
    at(23, 8, 30);
    const other = await anotherProcess();
    const results = await Promise.all([reports().tick(), reports(other).tick()]);
    expect(results.flat()).toEqual(["weekly:2026-11-23"]);
    // Sent by whichever process's outbox took it.
    const weekly = {
      text: await waitFor(
        () => staffGot("【周议】").at(0)?.text ?? other.sent.find((t) => t.includes("【周议】")),
        "周议",
      ),
    };
    expect(weekly.text).toContain("【周议】11月16日(周一)至11月22日(周日)");
    expect(weekly.text).toContain("新登记 2 件, 办结 1 件");
    expect(weekly.text).toContain("响应率: 本周 50% (1/2), 11月至今 50% (1/2)");
    expect(weekly.text).toContain("解决率: 本周 50% (1/2)");
    expect(weekly.text).toContain("满意率: 本周 100% (1/1)");
    expect(weekly.text).toContain("感谢本周完成任务的志愿者: 刘志强 1 件");
    expect(weekly.text).toMatch(new RegExp(`用时最长: #${urgent} .*\\(未办结\\)、#${done} `));

    await settle();
    await other.app.outbox.idle();
    expect(staffGot("【日清】")).toHaveLength(1);
    expect(staffGot("【周议】").length + other.sent.filter((t) => t.includes("【周议】")).length).toBe(1);
    expect(await bot().app.db.reportRun.count()).toBe(2);
  });

  it("sends 日报 and 周报 to staff at any time, and refuses a volunteer", async () => {
    await aFriday();
    server.say("zhao", "staff", "日报");
    const daily = await waitFor(() => staffGot("【日清】").at(0), "日报");
    expect(daily.text).toContain("新登记 2 件");
    server.say("zhao", null, "周报");
    const weekly = await waitFor(
      () => server.botSaid({ toName: "赵书记" }).find((s) => s.text.includes("【周议】")),
      "周报",
    );
    expect(weekly.text).toContain("【周议】11月16日(周一)至11月20日(周五)");
    expect(weekly.text).toContain("满意率: 本周 100% (1/1)");
    server.say("liu", "volunteers", "日报");
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes("只发给社区工作人员")),
      "refusal",
    );
    // Asked for, not scheduled: no slot is used up.
    expect(await bot().app.db.reportRun.count()).toBe(0);
  });

  it("counts with follow-up's calendar and limits: its holiday has no 日清, a 延期 is not overdue, a late finish is", async () => {
    // One calendar: the LINLI_FOLLOW_UP file's holiday (Monday 23 November) is a day off for
    // the limits and for 日清 alike.
    writeFileSync(`${tmp.dir}/follow-up.yaml`, "calendar:\n  holidays: [2026-11-23]\n");
    await bots.pop()!.stop();
    bots.push(
      await startBot(server, `${tmp.dir}/linli.db`, {
        clock,
        env: { ...env, LINLI_FOLLOW_UP: `${tmp.dir}/follow-up.yaml` },
      }),
    );
    const late = await claimed("3号楼2单元下水道堵了, 厕所冒水");
    const moved = await claimed("5号楼1单元楼道窗户玻璃碎了");
    server.say("zhao", "staff", `延期 ${moved} 等玻璃到货 12月4日`);
    await waitFor(() => staffGot("时限已延至").at(0), "延期 answered");

    at(23, 18, 0); // the holiday: the week (a Monday) goes out, the day does not
    expect(await reports().tick()).toEqual(["weekly:2026-11-23"]);

    // Three working days from Friday 09:00, the holiday left out: Thursday 09:00.
    at(26, 18, 0);
    expect(await reports().tick()).toEqual(["daily:2026-11-26"]);
    const daily = await waitFor(() => staffGot("【日清】").at(0), "日清");
    expect(daily.text).toMatch(new RegExp(`超时 1 件: #${late}\\(3号楼2单元, 未办结`));
    expect(daily.text).not.toContain(`#${moved}(`);

    server.say("zhao", "staff", "工单");
    const list = await waitFor(() => staffGot("未办结工单").at(0), "工单");
    expect(list.text).toContain(`⚠超时 #${late} `);
    expect(list.text).toMatch(new RegExp(`\\n#${moved} `));
  });
});

/** A resident's request, claimed by a volunteer within the hour. */
async function claimed(text: string): Promise<number> {
  const before = server.botSaid({ roomTopic: testRooms.volunteers }).length;
  server.say("zhang", "residents", text);
  const card = await waitFor(
    () =>
      server
        .botSaid({ roomTopic: testRooms.volunteers })
        .slice(before)
        .find((s) => /新任务 #\d+/.test(s.text)),
    "card",
  );
  const id = Number(/#(\d+)/.exec(card.text)![1]);
  server.say("liu", "volunteers", `认领 ${id}`);
  await waitFor(
    () =>
      server
        .botSaid({ roomTopic: testRooms.volunteers })
        .some((s) => s.text.includes(`#${id}`) && /认领/.test(s.text) && s !== card),
    "claimed",
  );
  return id;
}
