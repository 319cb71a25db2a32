// 催办 / 督办 on a fake clock with a real SQLite file: each limit's reminder and escalation,
// the resident told once (once more after a reopen), idle claims asked and released, the rating reminder and the 不满意
// follow-up, across a weekend and a holiday; nothing sent twice across a restart or by two processes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/types.js";
import { defaultRules, type FollowUpRules, readRules } from "../../src/follow-up/follow-up-rules.js";
import { createFollowUpService } from "../../src/follow-up/follow-up-service.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createSqliteFollowUpStore } from "../../src/store/sqlite-follow-up-store.js";
import { createSqliteOutboxStore } from "../../src/store/sqlite-outbox-store.js";
import { createSqliteTicketStore } from "../../src/store/sqlite-ticket-store.js";
import { createTicketService } from "../../src/tickets/ticket-service.js";
import { chinaTimeToDate } from "../../src/text/china-time.js";
import type { Category, Urgency } from "../../src/understand/taxonomy.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { tempDir } from "../helpers/grpc-harness.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
// 2026-11-20 is a Friday.
const china = (day: number, hour: number, minute = 0) => chinaTimeToDate(2026, 11, day, hour, minute);

const resident = { id: "r1", name: "张秀英" };
const volunteer = { id: "v1", name: "刘志强" };
const staff = { id: "s1", name: "赵书记" };
const onDuty: Actor[] = [{ id: "s2", name: "值班王" }];

let tmp: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof createFakeClock>;
const opened: OpenedDatabase[] = [];

beforeEach(() => {
  tmp = tempDir();
  clock = createFakeClock(china(20, 10));
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
  tmp.cleanup();
});

/** One process: its own connections to the shared database file, the ticket and follow-up services. */
async function processOnDb(rules: FollowUpRules = defaultRules()) {
  const o = await openDatabase(`file:${tmp.dir}/t.db`);
  opened.push(o);
  const outbox = createSqliteOutboxStore(o.sqlite!);
  const enqueue = async (m: Parameters<typeof outbox.insert>[0], key?: string) => {
    await outbox.insert(m, { account: "wechaty", key, notBefore: clock.now(), now: clock.now() });
  };
  const store = createSqliteTicketStore(o.sqlite!);
  const roomsOf = (role: "volunteer" | "staff") => [role === "volunteer" ? "vol-room" : "staff-room"];
  const tickets = createTicketService({
    store,
    clock,
    enqueue,
    roomsOf,
    ratingTimeoutHours: 72,
    pastLimit: () => false,
    mergeWindowHours: 6,
  });
  const followUp = createFollowUpService({
    tickets: store,
    store: createSqliteFollowUpStore(o.db, o.sqlite!),
    clock,
    enqueue,
    roomsOf,
    rules,
    onDuty: async () => onDuty,
    ratingTimeoutHours: 72,
  });
  /** Every message queued so far (each outbox row is one send). */
  const sent = async () =>
    (await o.db.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((r) => ({ to: r.destId, text: r.text }));
  const timeline = async (id: number) => (await store.events(id)).map((e) => `${e.type}${e.note ? ` ${e.note}` : ""}`);
  const open = (id: string, text: string, category: Category = "repair", urgency: Urgency = "normal") =>
    tickets.open({
      messageId: id,
      resident,
      roomId: "room-3",
      roomTopic: "幸福里3号楼居民群",
      text,
      parsed: { kind: "request", category, urgency, building: "3", unit: "2", room: null, confidence: 0.9 },
    });
  return { tickets, followUp, sent, timeline, open, db: o.db };
}

const to = (list: { to: string; text: string }[], dest: string, pattern: RegExp) =>
  list.filter((s) => s.to === dest && pattern.test(s.text));

describe("an ordinary request nobody claims", () => {
  it("is reminded, escalated and the resident told once; a Friday-evening one waits for Monday", async () => {
    clock.set(china(20, 19));
    const p = await processOnDb();
    const t = await p.open("m1", "3号楼2单元楼道灯坏了");

    clock.set(china(21, 9)); // Saturday morning
    expect(await p.followUp.run()).toMatchObject({ reminded: 0, escalated: 0 });

    clock.set(china(23, 15)); // Monday 15:00: 75 % of one working day (Monday 08:30–17:30) is 15:15
    expect(await p.followUp.run()).toMatchObject({ reminded: 0 });
    clock.set(china(23, 15, 20));
    expect(await p.followUp.run()).toMatchObject({ reminded: 1, escalated: 0 });
    const reminder = to(await p.sent(), "vol-room", /【催办】/);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.text).toContain(`#${t.id}`);
    expect(reminder[0]!.text).toContain("3号楼2单元");
    expect(reminder[0]!.text).toMatch(/已等\d+天/);

    clock.set(china(23, 17, 31));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1, residentsTold: 1 });
    clock.advance(HOUR);
    expect(await p.followUp.run()).toMatchObject({ reminded: 0, escalated: 0, residentsTold: 0 });

    const all = await p.sent();
    expect(to(all, "staff-room", /【督办】/)).toHaveLength(1);
    expect(to(all, "room-3", /督促加快办理/)).toHaveLength(1);
    // Not urgent: nobody on duty is written to privately.
    expect(all.filter((s) => s.to === "s2")).toHaveLength(0);
    expect(await p.timeline(t.id)).toEqual([
      "created",
      "reminded 认领时限将到 (11月23日 17:30)",
      "escalated 认领超时, 已报社区督办",
      "reminded 已告知居民正在督办",
    ]);
  });

  it("counts around a holiday", async () => {
    const p = await processOnDb(readRules("calendar:\n  holidays: [2026-11-23]\n"));
    clock.set(china(20, 19));
    await p.open("m1", "3号楼2单元楼道灯坏了");
    clock.set(china(23, 17, 31)); // Monday is a holiday: due Tuesday 17:30
    expect(await p.followUp.run()).toMatchObject({ escalated: 0, reminded: 0 });
    clock.set(china(24, 17, 31));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1 });
  });
});

describe("an urgent request", () => {
  it("runs on the clock at the weekend and goes privately to staff on duty", async () => {
    clock.set(china(21, 23)); // Saturday night
    const p = await processOnDb();
    const t = await p.open("m1", "3号楼电梯里有人被困", "safety", "urgent");
    clock.advance(23 * MIN);
    expect(await p.followUp.run()).toMatchObject({ reminded: 1 });
    clock.advance(8 * MIN);
    expect(await p.followUp.run()).toMatchObject({ escalated: 1, residentsTold: 1 });
    const all = await p.sent();
    expect(to(all, "s2", new RegExp(`紧急工单 #${t.id}`))).toHaveLength(1);

    // Claimed, but not finished within 4 hours: escalated again, the resident not told again.
    await p.tickets.claim(t.id, volunteer, "m2");
    clock.set(new Date(t.createdAt.getTime() + 4 * HOUR + MIN));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1, residentsTold: 0 });
    expect(to(await p.sent(), "staff-room", /【督办】.*\n?.*应在.*前办好/s)).toHaveLength(1);
    expect(to(await p.sent(), "room-3", /督促加快办理/)).toHaveLength(1);
  });
});

describe("a reopened ticket", () => {
  it("tells its resident once more that it is being chased, once in the new open period", async () => {
    const p = await processOnDb();
    const chased = async () => to(await p.sent(), "room-3", /督促加快办理/).length;
    const t = await p.open("m1", "3号楼2单元楼道灯坏了"); // Friday 10:00
    clock.set(china(23, 10, 1)); // nobody claimed it within a working day
    expect(await p.followUp.run()).toMatchObject({ escalated: 1, residentsTold: 1 });
    await p.tickets.claim(t.id, volunteer, "m2");
    await p.tickets.complete(t.id, volunteer, "换了灯泡", "m3");

    // Tuesday 09:00: the resident says the light is out again, and staff reopen it.
    clock.set(china(24, 9));
    await p.tickets.reopen(t.id, staff, "居民说灯又不亮了", "web-1");
    expect(await p.followUp.run()).toMatchObject({ escalated: 0, residentsTold: 0 });
    expect(await chased()).toBe(1);

    // Nobody claimed it again within a working day of the reopen: chased, and the resident told again.
    clock.set(china(25, 9, 1));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1, residentsTold: 1 });
    expect(await chased()).toBe(2);

    // Claimed, then not finished within three working days of the reopen: chased again, but the
    // resident already heard it in this open period, also after a restart.
    await p.tickets.claim(t.id, volunteer, "m4");
    clock.set(china(27, 9, 1));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1, residentsTold: 0 });
    const restarted = await processOnDb();
    clock.advance(HOUR);
    expect(await restarted.followUp.run()).toMatchObject({ escalated: 0, residentsTold: 0 });
    expect(await chased()).toBe(2);
    expect((await p.timeline(t.id)).filter((e) => e === "reminded 已告知居民正在督办")).toHaveLength(2);
  });
});

describe("a reopened ticket's reminders", () => {
  it("say how long it has waited since the reopen, not since it was reported", async () => {
    const p = await processOnDb();
    const t = await p.open("m1", "3号楼2单元楼道灯坏了"); // Friday 10:00
    await p.tickets.claim(t.id, volunteer, "m2");
    await p.tickets.complete(t.id, volunteer, "换了灯泡", "m3");
    clock.set(china(24, 9)); // Tuesday 09:00: reopened
    await p.tickets.reopen(t.id, staff, "居民说灯又不亮了", "web-1");
    const last = async (dest: string, pattern: RegExp) => to(await p.sent(), dest, pattern).at(-1)?.text ?? "";

    // 75 % of a working day from the reopen: the volunteers are reminded.
    clock.set(china(24, 15, 46));
    expect(await p.followUp.run()).toMatchObject({ reminded: 1 });
    const reminder = await last("vol-room", /【催办】/);
    expect(reminder).toContain("重新打开后已等6小时还没人接");
    expect(reminder).not.toMatch(/已等\d+天/);

    // Past it: staff are told it was reopened a day ago, not reported five days ago.
    clock.set(china(25, 9, 1));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1 });
    const escalation = await last("staff-room", /【督办】/);
    expect(escalation).toContain("重新打开已1天, 现在无人认领");
    expect(escalation).not.toContain("已登记");

    // Claimed again; near its finish limit (three working days from the reopen).
    await p.tickets.claim(t.id, volunteer, "m4");
    clock.set(china(26, 11, 16));
    expect(await p.followUp.run()).toMatchObject({ reminded: 1 });
    expect(await last("vol-room", /【催办】/)).toContain(
      "刘志强 已接单, 重新打开已2天2小时, 请在 11月27日 09:00 前办好",
    );
  });
});

describe("a claimed ticket with no progress", () => {
  it("asks the claimer, takes 进展 as an answer, and releases it when nobody answers", async () => {
    const p = await processOnDb();
    const t = await p.open("m1", "3号楼2单元下水道堵了");
    await p.tickets.claim(t.id, volunteer, "m2");
    clock.set(china(23, 10, 1)); // one working day later (Friday 10:00 → Monday 10:00)
    expect(await p.followUp.run()).toMatchObject({ asked: 1, released: 0 });
    expect(to(await p.sent(), "v1", /还在处理吗\?.*进展 \d+ 说明.*放弃/)).toHaveLength(1);

    await p.followUp.recordProgress(t.id, volunteer, "配件周二到", false, "m3");
    expect(to(await p.sent(), "room-3", /有新进展: 配件周二到/)).toHaveLength(1);
    clock.set(china(23, 16));
    expect(await p.followUp.run()).toMatchObject({ asked: 0, released: 0 });

    clock.set(china(24, 15, 1)); // a working day after the progress: asked again
    expect(await p.followUp.run()).toMatchObject({ asked: 1 });
    clock.set(china(25, 10, 2)); // four working hours without an answer
    expect(await p.followUp.run()).toMatchObject({ released: 1 });
    expect((await p.tickets.progress(t.id, staff, true)).status).toBe("open");
    const all = await p.sent();
    expect(to(all, "v1", /已先放回任务池/)).toHaveLength(1);
    expect(to(all, "vol-room", new RegExp(`长时间没有进展[\\s\\S]*新任务 #${t.id}`))).toHaveLength(1);
    expect(await p.followUp.run()).toMatchObject({ released: 0 });
  });
});

describe("延期", () => {
  it("moves the limit, keeps the reason and tells the resident", async () => {
    const p = await processOnDb();
    const t = await p.open("m1", "3号楼2单元下水道堵了");
    await p.tickets.claim(t.id, volunteer, "m2");
    await p.followUp.extend(t.id, staff, "等配件", china(30, 17, 30), "m3");
    expect(to(await p.sent(), "room-3", /因为等配件, 需要多一点时间, 预计 11月30日 17:30 前办好/)).toHaveLength(1);
    clock.set(china(25, 17, 31)); // the three working days have passed, but the limit was moved
    await p.followUp.recordProgress(t.id, volunteer, "还在等", false, "m4");
    expect(await p.followUp.run()).toMatchObject({ escalated: 0 });
    clock.set(china(30, 17, 31));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1 });
    expect(await p.timeline(t.id)).toContain("extended 等配件 (延至 11月30日 17:30)");
  });
});

describe("回访", () => {
  it("reminds a resident to rate once, and follows up a 不满意 rating with its own limit", async () => {
    const p = await processOnDb();
    const t = await p.open("m1", "3号楼2单元下水道堵了");
    await p.tickets.claim(t.id, volunteer, "m2");
    await p.tickets.complete(t.id, volunteer, "通了", "m3");
    clock.advance(25 * HOUR);
    expect(await p.followUp.run()).toMatchObject({ ratingReminded: 1 });
    clock.advance(HOUR);
    expect(await p.followUp.run()).toMatchObject({ ratingReminded: 0 });
    expect(to(await p.sent(), "room-3", /办好了, 您觉得怎么样/)).toHaveLength(1);

    await p.tickets.rate(resident, 1, t.id, "m4", "没修好");
    // Rated on Saturday 11:00: two working days run to Tuesday 17:30, the reminder at 13:00.
    clock.set(china(24, 12, 59));
    expect(await p.followUp.run()).toMatchObject({ reminded: 0 });
    clock.set(china(24, 13, 1));
    expect(await p.followUp.run()).toMatchObject({ reminded: 1 });
    clock.set(china(24, 17, 31));
    expect(await p.followUp.run()).toMatchObject({ escalated: 1 });
    const all = await p.sent();
    expect(to(all, "staff-room", /【回访待办】/)).toHaveLength(1);
    expect(to(all, "staff-room", /回访超时/)).toHaveLength(1);
    expect(to(all, "s2", /居民不满意/)).toHaveLength(1);
  });
});

describe("nothing is sent twice", () => {
  it("across a restart: a new process on the same database sends nothing again", async () => {
    const first = await processOnDb();
    await first.open("m1", "3号楼2单元楼道灯坏了");
    clock.set(china(23, 17, 31));
    await first.followUp.run();
    const before = (await first.sent()).length;
    const second = await processOnDb();
    expect(await second.followUp.run()).toMatchObject({ reminded: 0, escalated: 0, residentsTold: 0 });
    expect((await second.sent()).length).toBe(before);
  });

  it("with two processes running at once", async () => {
    const a = await processOnDb();
    const b = await processOnDb();
    const t = await a.open("m1", "3号楼电梯里有人被困", "safety", "urgent");
    clock.advance(31 * MIN);
    const [na, nb] = await Promise.all([a.followUp.run(), b.followUp.run()]);
    expect(na.escalated + nb.escalated).toBe(1);
    const all = await a.sent();
    expect(to(all, "staff-room", /【督办】/)).toHaveLength(1);
    expect(to(all, "s2", /紧急工单/)).toHaveLength(1);
    expect(to(all, "room-3", /督促加快办理/)).toHaveLength(1);
    expect((await a.timeline(t.id)).filter((e) => e.startsWith("escalated"))).toHaveLength(1);
  });
});
