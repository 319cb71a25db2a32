// One problem, many reports, on a fake clock: which later reports join the first ticket
// (same building, compatible unit, same building-wide problem, within the window), what each
// reporter hears when it is finished, and staff's 拆分 / 合并.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/core/types.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createSqliteTicketStore } from "../../src/store/sqlite-ticket-store.js";
import { sharedProblems } from "../../src/tickets/shared-problem.js";
import { readWithdrawal } from "../../src/tickets/withdraw-ticket.js";
import { createTicketService, type TicketService } from "../../src/tickets/ticket-service.js";
import type { Parsed } from "../../src/understand/taxonomy.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { tempDir } from "../helpers/grpc-harness.js";

const hour = 3600_000;
let tmp: ReturnType<typeof tempDir>;
let opened: OpenedDatabase;
let sent: { m: OutgoingMessage; key?: string }[];
let clock: ReturnType<typeof createFakeClock>;
let tickets: TicketService;

const volunteer = { id: "v1", name: "刘志强" };
const staff = { id: "s1", name: "赵书记" };
const utilities = (building: string | null, unit: string | null = null): Parsed => ({
  kind: "request",
  category: "utilities",
  urgency: "normal",
  building,
  unit,
  room: null,
  confidence: 0.9,
});
const repair = (building: string | null, unit: string | null = null): Parsed => ({
  ...utilities(building, unit),
  category: "repair",
});

beforeEach(async () => {
  tmp = tempDir();
  opened = await openDatabase(`file:${tmp.dir}/t.db`);
  sent = [];
  clock = createFakeClock(new Date("2026-11-20T02:00:00Z"));
  tickets = createTicketService({
    store: createSqliteTicketStore(opened.sqlite!),
    clock,
    enqueue: async (m, key) => {
      if (!sent.some((s) => s.key === key)) sent.push({ m, key });
    },
    roomsOf: (role) => (role === "volunteer" ? ["vol-room"] : ["staff-room"]),
    ratingTimeoutHours: 72,
    pastLimit: () => false,
    mergeWindowHours: 6,
  });
});
afterEach(async () => {
  await opened.close();
  tmp.cleanup();
});

let n = 0;
const report = (who: string, text: string, parsed: Parsed, roomTopic = "幸福里3号楼居民群") =>
  tickets.open({
    messageId: `m${++n}`,
    resident: { id: who, name: who },
    roomId: `room:${roomTopic}`,
    roomTopic,
    text,
    parsed,
  });
const cards = () => sent.filter((s) => s.m.to.id === "vol-room" && s.m.text.includes("新任务"));
const toRoom = (topic: string) => sent.filter((s) => s.m.to.id === `room:${topic}`).map((s) => s.m.text);

describe("which reports are the same building-wide problem", () => {
  it("names the shared problem in residents' words", () => {
    expect(sharedProblems("3号楼停水了")).toEqual(["water"]);
    expect(sharedProblems("家里一滴水都没有")).toEqual(["water"]);
    expect(sharedProblems("楼里没电了")).toEqual(["power"]);
    expect(sharedProblems("电梯又坏了 卡在5楼不动")).toEqual(["lift"]);
    expect(sharedProblems("楼道灯不亮")).toEqual(["stair-light"]);
    expect(sharedProblems("楼道里的管道漏水")).toEqual(["pipe"]);
    expect(sharedProblems("我家马桶堵了")).toEqual([]);
  });

  it("links a second resident's report in the same building within the window: no new card", async () => {
    const first = await report("r1", "3号楼停水了", utilities("3"));
    clock.advance(2 * hour);
    const second = await report("r2", "我们家也没水了", utilities(null));
    expect(second).toMatchObject({ status: "closed", closeKind: "duplicate", mergedIntoId: first.id });
    expect(cards()).toHaveLength(1);
    expect(toRoom("幸福里3号楼居民群").at(-1)).toBe(`已合并到 #${first.id}, 和您反映的是同一件事, 办好了一起告诉您。`);
    expect(sent.some((s) => s.m.to.id === "vol-room" && s.m.text.includes("一共 2 位居民"))).toBe(true);
  });

  it("does not link a different problem in the same building, nor another building, nor after the window", async () => {
    await report("r1", "3号楼停水了", utilities("3"));
    await report("r2", "3号楼楼道灯坏了", repair("3"));
    await report("r3", "5号楼也停水了", utilities("5"));
    clock.advance(7 * hour);
    await report("r4", "3号楼还是没水", utilities("3"));
    expect(cards()).toHaveLength(4);
  });

  it("links within a unit only where the units agree (one unknown matches)", async () => {
    const first = await report("r1", "3号楼2单元电梯坏了", repair("3", "2"));
    const otherUnit = await report("r2", "3号楼1单元电梯不动了", repair("3", "1"));
    const noUnit = await report("r3", "3号楼电梯坏了", repair("3"));
    expect(otherUnit.mergedIntoId).toBeNull();
    expect(noUnit.mergedIntoId).toBe(first.id);
  });

  it("never links an urgent report, nor one with no building", async () => {
    await report("r1", "3号楼电梯坏了", repair("3"));
    const urgent = await report("r2", "3号楼电梯困人了", { ...repair("3"), urgency: "urgent" });
    const nowhere = await report("r3", "电梯坏了", repair(null), "幸福里居民群");
    expect(urgent.mergedIntoId).toBeNull();
    expect(nowhere.mergedIntoId).toBeNull();
  });
});

describe("when the first ticket is finished", () => {
  it("tells every reporter and records each one's rating; only the first counts as 办结", async () => {
    const first = await report("r1", "3号楼停水了", utilities("3"));
    const second = await report("r2", "家里没水了", utilities(null));
    const third = await report("r3", "3号楼怎么停水了", utilities("3"), "幸福里5号楼居民群");
    expect(third.mergedIntoId).toBe(first.id);
    await tickets.claim(first.id, volunteer, "c1");
    await tickets.complete(first.id, volunteer, "阀门修好了", "d1");
    expect(toRoom("幸福里5号楼居民群").at(-1)).toContain(`和 #${first.id} 是同一件事`);
    expect(toRoom("幸福里5号楼居民群").at(-1)).toContain("您满意吗");

    await tickets.rate({ id: "r1", name: "r1" }, 5, null, "x1");
    await tickets.rate({ id: "r2", name: "r2" }, 2, null, "x2", "来得太慢");
    await tickets.rate({ id: "r3", name: "r3" }, 4, null, "x3");
    const all = await Promise.all([first, second, third].map((t) => tickets.progress(t.id, staff, true)));
    expect(all.map((t) => [t.status, t.closeKind, t.rating])).toEqual([
      ["closed", "resolved", 5],
      ["closed", "duplicate", 2],
      ["closed", "duplicate", 4],
    ]);
    // The unsatisfied reporter still reaches staff.
    expect(sent.some((s) => s.m.to.id === "staff-room" && s.m.text.includes(`#${second.id}`))).toBe(true);
  });

  it("notes extra reports to the claimer once an hour at most", async () => {
    const first = await report("r1", "3号楼停电了", utilities("3"));
    await tickets.claim(first.id, volunteer, "c1");
    for (const who of ["r2", "r3", "r4"]) await report(who, "3号楼没电了", utilities("3"));
    clock.advance(hour);
    await report("r5", "楼里停电了", utilities(null));
    const notes = sent.filter((s) => s.m.to.id === volunteer.id && s.m.text.includes("同一件事"));
    expect(notes.map((s) => s.m.text.match(/一共 (\d) 位/)?.[1])).toEqual(["2", "5"]);
  });
});

describe("staff's 拆分 and 合并", () => {
  it("拆分 makes a linked report its own ticket with its own card; 合并 links one by hand", async () => {
    const first = await report("r1", "3号楼停水了", utilities("3"));
    const second = await report("r2", "我家也没水", utilities("3"));
    const { ticket } = await tickets.split(second.id, staff, "s1");
    expect(ticket).toMatchObject({ status: "open", mergedIntoId: null, closeKind: null });
    expect(cards().map((c) => c.m.text)).toEqual([
      expect.stringContaining(`#${first.id}`),
      expect.stringContaining(`#${second.id}`),
    ]);
    await expect(tickets.split(second.id, staff, "s2")).rejects.toMatchObject({ code: "bad_state" });

    const merged = await tickets.mergeByHand(first.id, second.id, staff, "s3");
    expect(merged).toMatchObject({ status: "closed", closeKind: "duplicate", mergedIntoId: first.id });
    await tickets.claim(first.id, volunteer, "c1");
    await tickets.complete(first.id, volunteer, "", "d1");
    expect((await tickets.progress(second.id, staff, true)).status).toBe("done");
  });
});

describe("withdrawing", () => {
  it("reads a resident saying the problem is gone, not one saying it is still there", () => {
    for (const t of ["不用了, 已经好了", "没事了 自己修好了", "来水了 不用了", "算了吧"])
      expect(readWithdrawal(t)).toBe(true);
    for (const t of ["还没好", "还是没水", "修好了吗?", "不用了吗", "楼道灯又坏了"])
      expect(readWithdrawal(t)).toBe(false);
  });

  it("closes the resident's one pending ticket as withdrawn and tells the claimer; asks which with several", async () => {
    const a = await report("r1", "3号楼2单元501下水道堵了", repair("3", "2"));
    await tickets.claim(a.id, volunteer, "c1");
    const w = await tickets.withdraw({ id: "r1", name: "r1" }, null, "不用了, 已经好了", "w1");
    expect(w).toMatchObject({ kind: "withdrawn", ticket: { status: "closed", closeKind: "withdrawn" } });
    expect(sent.some((s) => s.m.to.id === volunteer.id && s.m.text.includes("已撤销"))).toBe(true);

    await report("r1", "3号楼2单元501水龙头坏了", repair("3", "2"));
    await report("r1", "门口路灯不亮", repair("3"));
    expect(await tickets.withdraw({ id: "r1", name: "r1" }, null, "没事了", "w2")).toMatchObject({ kind: "which" });
  });
});
