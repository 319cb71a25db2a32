// What the console asks of the broadcast service beyond chat: a form read with the chat's rules,
// edits, a month's calendar and each run's delivery per chat, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseBroadcastCommand, parseBroadcastForm } from "../../src/broadcasts/parse-broadcast-command.js";
import { china, FakeClock, makeService, ROOMS, STAFF, tempDbPath } from "./broadcast-fixture.js";

let tmp: ReturnType<typeof tempDbPath>;
const open: { close(): Promise<void> }[] = [];

beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  tmp.cleanup();
});

async function service(clock: FakeClock, opts: Parameters<typeof makeService>[2] = {}) {
  const s = await makeService(tmp.path, clock, opts);
  open.push(s);
  return s;
}

const everyDay8 = {
  schedule: { cron: "0 8 * * *" },
  targets: [{ kind: "group" as const, group: "residents" as const }],
  content: "早上好，今天降温，出门多穿点。",
};

const NOW = china("2026-11-23 06:30");
const topics = Object.values(ROOMS).map((r) => r.topic);

describe("a broadcast from a form's three fields", () => {
  it("reads the time words, rooms and text as the chat command does", () => {
    const form = parseBroadcastForm(
      { when: "每周一 08:00", targets: ["所有居民群", ROOMS.vol.topic], content: " 本周活动：{本周活动} " },
      NOW,
      { knownTopics: topics },
    );
    const chat = parseBroadcastCommand(`广播 每周一 08:00 [所有居民群,${ROOMS.vol.topic}] 本周活动：{本周活动}`, NOW, {
      knownTopics: topics,
    });
    expect(chat?.type).toBe("schedule");
    if (!form.ok || chat?.type !== "schedule") throw new Error("expected both to parse");
    expect(form.schedule).toEqual(chat.schedule);
    expect(form.targets).toEqual(chat.targets);
    expect(form.content).toBe(chat.content);
  });

  it("refuses what chat refuses, with the chat's words, and says which field is wrong", () => {
    const bad = (when: string, targets: string[], content = "内容") =>
      parseBroadcastForm({ when, targets, content }, NOW, { knownTopics: topics });
    expect(bad("每周 08:00", ["所有居民群"])).toEqual({
      ok: false,
      field: "when",
      message: "「每周」后面要写星期几，比如 每周一",
    });
    expect(bad("2026-11-22 08:00", ["所有居民群"])).toMatchObject({
      field: "when",
      message: expect.stringContaining("已经过去了"),
    });
    expect(bad("每天 08:00 所有居民群", ["所有居民群"])).toMatchObject({
      field: "when",
      message: expect.stringContaining("「所有居民群」看不懂"),
    });
    expect(bad("", ["所有居民群"])).toMatchObject({ field: "when" });
    // A room the bot is not bound to is not a target, even if someone typed its name.
    expect(bad("每天 08:00", ["幸福里9号楼居民群"])).toMatchObject({
      field: "targets",
      message: expect.stringContaining("没找到叫「幸福里9号楼居民群」的群"),
    });
    expect(bad("每天 08:00", ["webhook:https://example.invalid/?key=x"])).toMatchObject({
      field: "targets",
      message: expect.stringContaining("LINLI_WECOM_ROBOTS"),
    });
    expect(bad("每天 08:00", [])).toMatchObject({ field: "targets", message: "没写发给哪些群" });
    expect(bad("每天 08:00", ["所有居民群"], "  ")).toMatchObject({ field: "content" });
  });

  it("takes a robot named in config as a target, and no other robot", () => {
    const ok = parseBroadcastForm({ when: "每天 08:00", targets: ["街道通知机器人"], content: "x" }, NOW, {
      knownTopics: topics,
      robots: ["街道通知机器人"],
    });
    expect(ok).toMatchObject({ ok: true, targets: [{ kind: "robot", name: "街道通知机器人" }] });
    const no = parseBroadcastForm({ when: "每天 08:00", targets: ["别的机器人"], content: "x" }, NOW, {
      knownTopics: topics,
      robots: ["街道通知机器人"],
    });
    expect(no.ok).toBe(false);
  });
});

describe("editing a broadcast", () => {
  it("sends the new text at the new time to the new rooms, not at the old time, and records who changed it", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    const b = await s.service.schedule(STAFF, everyDay8);
    const edited = await s.service.edit(STAFF, b.id, {
      schedule: { cron: "30 9 * * *" },
      targets: [{ kind: "room", topic: ROOMS.r5.topic }],
      content: "九点半：今天社区义诊。",
    });
    expect(edited.content).toBe("九点半：今天社区义诊。");
    expect(edited.status).toBe("active");

    clock.set(china("2026-11-23 08:00"));
    expect((await s.service.tick()).sent).toHaveLength(0);
    clock.set(china("2026-11-23 09:30"));
    expect((await s.service.tick()).sent).toHaveLength(1);
    expect((await s.queued()).map((q) => [q.to, q.text])).toEqual([[ROOMS.r5.id, "九点半：今天社区义诊。"]]);

    const audit = await s.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["broadcast.create", "broadcast.edit"]);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ id: b.id, schedule: { cron: "30 9 * * *" } });
  });

  it("keeps a paused broadcast paused, and refuses a deleted one", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    const b = await s.service.schedule(STAFF, everyDay8);
    await s.service.pause(STAFF, b.id);
    const edited = await s.service.edit(STAFF, b.id, { ...everyDay8, content: "改过的" });
    expect(edited.status).toBe("paused");
    clock.set(china("2026-11-23 08:00"));
    expect((await s.service.tick()).sent).toHaveLength(0);

    await s.service.remove(STAFF, b.id);
    await expect(s.service.edit(STAFF, b.id, everyDay8)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the month's calendar", () => {
  it("shows the slots still planned, the ones already run with their state, and none of a paused broadcast", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    const daily = await s.service.schedule(STAFF, everyDay8);
    const once = await s.service.schedule(STAFF, { ...everyDay8, schedule: { runAt: china("2026-11-25 19:00") } });
    const nov = { from: china("2026-11-01 00:00"), to: china("2026-12-01 00:00") };

    let cal = await s.service.calendar(nov.from, nov.to);
    expect(cal.filter((e) => e.broadcastId === daily.id).map((e) => e.at.toISOString())).toEqual(
      [23, 24, 25, 26, 27, 28, 29, 30].map((d) => china(`2026-11-${d} 08:00`).toISOString()),
    );
    expect(cal.filter((e) => e.broadcastId === once.id)).toEqual([
      { broadcastId: once.id, at: china("2026-11-25 19:00"), state: "planned" },
    ]);

    clock.set(china("2026-11-23 08:00"));
    await s.service.tick();
    clock.set(china("2026-11-23 12:00"));
    cal = await s.service.calendar(nov.from, nov.to);
    expect(cal[0]).toEqual({ broadcastId: daily.id, at: china("2026-11-23 08:00"), state: "sent" });
    expect(cal.filter((e) => e.broadcastId === daily.id && e.state === "planned")).toHaveLength(7);

    await s.service.pause(STAFF, daily.id);
    cal = await s.service.calendar(nov.from, nov.to);
    expect(cal.map((e) => [e.broadcastId, e.state])).toEqual([
      [daily.id, "sent"],
      [once.id, "planned"],
    ]);
    // December has the daily slots once it is resumed, and never a past one.
    await s.service.resume(STAFF, daily.id);
    const dec = await s.service.calendar(china("2026-12-01 00:00"), china("2027-01-01 00:00"));
    expect(dec).toHaveLength(31);
  });
});

describe("a run's delivery per chat", () => {
  it("says which rooms got it and which failed, from the outbox rows", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    const b = await s.service.schedule(STAFF, everyDay8);
    clock.set(china("2026-11-23 08:00"));
    await s.service.tick();
    // What the outbox records once it has sent room 3 and given up on room 5.
    await s.db.outboxMessage.updateMany({
      where: { destId: ROOMS.r3.id },
      data: { state: "sent", sentAt: china("2026-11-23 08:01") },
    });
    await s.db.outboxMessage.updateMany({ where: { destId: ROOMS.r5.id }, data: { state: "failed", error: "x" } });

    const [run] = await s.service.history(b.id);
    expect(run).toMatchObject({ slot: china("2026-11-23 08:00"), state: "sent" });
    expect(run!.chats).toEqual([
      { chat: ROOMS.r3.topic, kind: "room", state: "sent", sentAt: china("2026-11-23 08:01") },
      { chat: ROOMS.r5.topic, kind: "room", state: "failed", sentAt: null },
    ]);
  });

  it("lists every room a missed slot was owed to as missed, and a queued one as queued", async () => {
    const clock = new FakeClock(china("2026-11-22 07:00"));
    const first = await service(clock);
    const b = await first.service.schedule(STAFF, everyDay8);
    await first.service.tick();
    await first.close();
    open.pop();
    clock.set(china("2026-11-23 10:00")); // down over the 22nd's and 23rd's 08:00
    const s = await service(clock);
    await s.service.tick();
    clock.set(china("2026-11-24 08:00"));
    await s.service.tick();

    const history = await s.service.history(b.id);
    expect(history.map((r) => [r.slot.toISOString(), r.state])).toEqual([
      [china("2026-11-24 08:00").toISOString(), "sent"],
      [china("2026-11-23 08:00").toISOString(), "missed"],
      [china("2026-11-22 08:00").toISOString(), "missed"],
    ]);
    expect(history[0]!.chats.map((c) => [c.chat, c.state])).toEqual([
      [ROOMS.r3.topic, "queued"],
      [ROOMS.r5.topic, "queued"],
    ]);
    expect(history[1]!.chats.map((c) => [c.chat, c.state])).toEqual([
      [ROOMS.r3.topic, "missed"],
      [ROOMS.r5.topic, "missed"],
    ]);
    await expect(s.service.history(999)).rejects.toMatchObject({ code: "not_found" });
  });
});
