// Schedules and runs on a real SQLite file with a fake clock: each slot is sent once,
// pauses hold, restarts catch up within the grace window and report what is older.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

describe("due slots", () => {
  it("sends a daily 08:00 broadcast once at 08:00 China time, to every residents' room", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    await s.service.schedule(STAFF, everyDay8);

    clock.set(china("2026-11-23 07:59"));
    expect((await s.service.tick()).sent).toHaveLength(0);

    clock.set(china("2026-11-23 08:00"));
    const { sent } = await s.service.tick();
    expect(sent).toHaveLength(1);
    // 08:00 in China is midnight UTC: the slot does not depend on the process zone (TZ=UTC here).
    expect(sent[0]!.slot.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect((await s.queued()).map((q) => q.to).sort()).toEqual([ROOMS.r3.id, ROOMS.r5.id]);

    clock.set(china("2026-11-23 08:01"));
    await s.service.tick();
    clock.set(china("2026-11-24 08:00"));
    await s.service.tick();
    const runs = await s.db.broadcastRun.findMany({ orderBy: { slot: "asc" } });
    expect(runs.map((r) => [r.slot.toISOString(), r.state])).toEqual([
      ["2026-11-23T00:00:00.000Z", "sent"],
      ["2026-11-24T00:00:00.000Z", "sent"],
    ]);
    expect(await s.queued()).toHaveLength(4);
  });

  it("sends a long text in sentence-sized parts, each room getting its parts in order", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock, { maxBytes: 60 });
    const content = "第一句话讲天气。第二句话讲活动安排。第三句话讲注意安全。";
    await s.service.schedule(STAFF, { ...everyDay8, content });
    clock.set(china("2026-11-23 08:00"));
    await s.service.tick();
    const r3 = (await s.queued()).filter((q) => q.to === ROOMS.r3.id);
    expect(r3.length).toBeGreaterThan(1);
    expect(r3.map((q) => q.text).join("")).toBe(content);
    expect(r3.every((q) => /。$/.test(q.text))).toBe(true);
  });
});

describe("pause, resume and delete", () => {
  it("sends nothing while paused, does not catch up the paused slot on resume, and nothing once deleted", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    const b = await s.service.schedule(STAFF, everyDay8);

    clock.set(china("2026-11-23 07:30"));
    expect((await s.service.pause(STAFF, b.id)).changed).toBe(true);
    clock.set(china("2026-11-23 08:00"));
    await s.service.tick();
    clock.set(china("2026-11-23 08:10"));
    await s.service.resume(STAFF, b.id);
    await s.service.tick();
    expect(await s.db.broadcastRun.count()).toBe(0);

    clock.set(china("2026-11-24 08:00"));
    expect((await s.service.tick()).sent).toHaveLength(1);

    await s.service.remove(STAFF, b.id);
    clock.set(china("2026-11-25 08:00"));
    expect((await s.service.tick()).sent).toHaveLength(0);
    expect(await s.db.broadcastRun.count()).toBe(1);

    const actions = (await s.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => [a.action, a.actorName]);
    expect(actions).toEqual([
      ["broadcast.create", "赵书记"],
      ["broadcast.pause", "赵书记"],
      ["broadcast.resume", "赵书记"],
      ["broadcast.delete", "赵书记"],
    ]);
  });
});

describe("restarts", () => {
  it("sends a slot missed while down when back within the grace window", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const first = await service(clock);
    await first.service.schedule(STAFF, everyDay8);
    clock.set(china("2026-11-23 07:50"));
    await first.service.tick();
    await first.close();
    open.pop();

    clock.set(china("2026-11-23 08:40")); // down from 07:50 to 08:40
    const second = await service(clock);
    const { sent, missed } = await second.service.tick();
    expect(sent).toHaveLength(1);
    expect(missed).toHaveLength(0);
    expect((await second.queued()).map((q) => q.to).sort()).toEqual([ROOMS.r3.id, ROOMS.r5.id]);
  });

  it("records slots older than the window as missed and tells the staff room once, listing them", async () => {
    const clock = new FakeClock(china("2026-11-22 07:00"));
    const first = await service(clock);
    await first.service.schedule(STAFF, everyDay8);
    await first.service.tick();
    await first.close();
    open.pop();

    clock.set(china("2026-11-24 10:00")); // down over two 08:00 slots, the last 2 h ago
    const second = await service(clock);
    const { sent, missed } = await second.service.tick();
    expect(sent).toHaveLength(0);
    expect(missed.map((m) => m.slot.toISOString())).toEqual([
      "2026-11-22T00:00:00.000Z",
      "2026-11-23T00:00:00.000Z",
      "2026-11-24T00:00:00.000Z",
    ]);
    const runs = await second.db.broadcastRun.findMany();
    expect(runs.every((r) => r.state === "missed")).toBe(true);
    const rows = await second.queued();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to).toBe(ROOMS.staff.id);
    expect(rows[0]!.text).toContain("错过");
    expect(rows[0]!.text).toContain("11月24日(周二) 08:00");
    expect(rows[0]!.text).toContain("立即广播");

    await second.service.tick();
    expect(await second.queued()).toHaveLength(1);
  });

  it("finishes a run a stopped process left half-queued, without repeating the rooms it had done", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock);
    const b = await s.service.schedule(STAFF, everyDay8);
    // A process claimed the 08:00 slot and queued room 3 only, then died.
    const run = await s.store.claimRun({
      broadcastId: b.id,
      slot: china("2026-11-23 08:00"),
      state: "sending",
      text: "早上好",
      owner: "dead",
      at: clock.now(),
    });
    await s.outbox.enqueue(
      { to: { kind: "room", id: ROOMS.r3.id }, text: "早上好", mentionIds: [] },
      { key: `broadcast:${run!.id}:${ROOMS.r3.id}:0` },
    );

    clock.set(china("2026-11-23 08:01"));
    const { resumed, sent } = await s.service.tick();
    expect(resumed).toBe(1);
    expect(sent).toHaveLength(0);
    expect((await s.queued()).map((q) => q.to).sort()).toEqual([ROOMS.r3.id, ROOMS.r5.id]);
    expect((await s.db.broadcastRun.findUniqueOrThrow({ where: { id: run!.id } })).state).toBe("sent");
  });
});

describe("two processes on one database", () => {
  it("send a slot once when both tick at the same moment", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const a = await service(clock, { owner: "a" });
    const b = await service(clock, { owner: "b" });
    await a.service.schedule(STAFF, everyDay8);
    await a.service.schedule(STAFF, { ...everyDay8, content: "第二条广播" });
    clock.set(china("2026-11-23 08:00"));
    const [ra, rb] = await Promise.all([a.service.tick(), b.service.tick()]);
    expect(ra.sent.length + rb.sent.length).toBe(2);
    expect(await a.db.broadcastRun.count()).toBe(2);
    const rows = await a.queued();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
  });

  it("send `立即广播` once when it races the tick for the same minute", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const a = await service(clock, { owner: "a" });
    const b = await service(clock, { owner: "b" });
    const made = await a.service.schedule(STAFF, everyDay8);
    clock.set(china("2026-11-23 08:00"));
    const [now, tick] = await Promise.all([a.service.sendNow(STAFF, made.id), b.service.tick()]);
    expect(Number(now.result.ok) + tick.sent.length).toBe(1);
    expect(await a.queued()).toHaveLength(2);
  });
});

describe("send now", () => {
  it("sends at once as the run of this minute, and a second ask in that minute sends nothing", async () => {
    const clock = new FakeClock(china("2026-11-23 10:15"));
    const s = await service(clock);
    const b = await s.service.schedule(STAFF, everyDay8);
    clock.advance(25_000);
    const first = await s.service.sendNow(STAFF, b.id);
    expect(first.result).toMatchObject({ ok: true, rooms: 2 });
    if (first.result.ok) expect(first.result.run.slot.toISOString()).toBe("2026-11-23T02:15:00.000Z");
    const second = await s.service.sendNow(STAFF, b.id);
    expect(second.result).toEqual({ ok: false, reason: "taken" });
    expect(await s.queued()).toHaveLength(2);
  });

  it("resolves 所有居民群 when sending, so a room that joined later gets it", async () => {
    const clock = new FakeClock(china("2026-11-23 07:00"));
    const s = await service(clock, {});
    const b = await s.service.schedule(STAFF, everyDay8);
    s.rooms.patterns.resident.push("幸福里7号楼居民群");
    s.rooms.register("room-r7", "幸福里7号楼居民群");
    await s.service.sendNow(STAFF, b.id);
    expect((await s.queued()).map((q) => q.to).sort()).toEqual([ROOMS.r3.id, ROOMS.r5.id, "room-r7"]);
  });
});
