import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/core/types.js";
import { isLinliError } from "../../src/core/errors.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createSqliteTicketStore } from "../../src/store/sqlite-ticket-store.js";
import { createTicketService, type TicketService } from "../../src/tickets/ticket-service.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { tempDir } from "../helpers/grpc-harness.js";

const hour = 3600_000;
let tmp: ReturnType<typeof tempDir>;
let opened: OpenedDatabase;
let sent: { m: OutgoingMessage; key?: string }[];
let clock: ReturnType<typeof createFakeClock>;
let tickets: TicketService;

const resident = { id: "r1", name: "张秀英" };
const volunteer = { id: "v1", name: "刘志强" };
const staff = { id: "s1", name: "赵书记" };
const parsed = {
  kind: "request",
  category: "repair",
  urgency: "normal",
  building: "3",
  unit: "2",
  room: "501",
  confidence: 0.9,
} as const;

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
    pastLimit: (t, now) => now.getTime() - t.createdAt.getTime() > 24 * hour,
    mergeWindowHours: 6,
  });
});
afterEach(async () => {
  await opened.close();
  tmp.cleanup();
});

const open = (messageId = "m1", text = "3号楼2单元501下水道堵了") =>
  tickets.open({
    messageId,
    resident,
    roomId: "room-3",
    roomTopic: "3号楼群",
    text,
    parsed,
  });

describe("ticket lifecycle", () => {
  it("goes open → claimed → done → closed with a timeline of times and actors", async () => {
    const t = await open();
    clock.advance(10 * 60_000);
    await tickets.claim(t.id, volunteer, "m2");
    clock.advance(hour);
    await tickets.complete(t.id, volunteer, "换了管子", "m3");
    clock.advance(5 * 60_000);
    const closed = await tickets.rate(resident, 4, null, "m4");
    expect(closed).toMatchObject({ status: "closed", rating: 4, ratingLabel: "satisfied", note: "换了管子" });
    expect(closed.claimedAt!.getTime() - closed.createdAt.getTime()).toBe(10 * 60_000);
    expect(closed.doneAt!.getTime() - closed.claimedAt!.getTime()).toBe(hour);
  });

  it("opens one ticket for a message handled twice, and tells people once", async () => {
    const a = await open("same");
    const b = await open("same");
    expect(b.id).toBe(a.id);
    expect(sent.filter((s) => s.m.to.id === "room-3")).toHaveLength(1);
  });

  it("refuses the wrong transitions with codes", async () => {
    const t = await open();
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e) => (isLinliError(e) ? e.code : "other"),
      );
    expect(await code(tickets.complete(t.id, volunteer, "", "x1"))).toBe("bad_state");
    await tickets.claim(t.id, volunteer, "x2");
    expect(await code(tickets.claim(t.id, { id: "v2", name: "陈" }, "x3"))).toBe("already_claimed");
    expect(await code(tickets.complete(t.id, { id: "v2", name: "陈" }, "", "x4"))).toBe("not_claimer");
    expect(await code(tickets.release(t.id, { id: "v2", name: "陈" }, "x5", false))).toBe("not_claimer");
    expect(await code(tickets.claim(99999, volunteer, "x6"))).toBe("ticket_not_found");
    expect(await code(tickets.rate(resident, 5, null, "x7"))).toBe("not_found");
    expect(await code(tickets.progress(t.id, { id: "other", name: "x" }, false))).toBe("forbidden");
  });

  it("closes a done ticket as unrated once the rating time has passed, and not before", async () => {
    const t = await open();
    await tickets.claim(t.id, volunteer, "m2");
    await tickets.complete(t.id, volunteer, "", "m3");
    clock.advance(71 * hour);
    expect(await tickets.closeUnrated()).toBe(0);
    clock.advance(2 * hour);
    expect(await tickets.closeUnrated()).toBe(1);
    const after = await tickets.progress(t.id, resident, false);
    expect(after).toMatchObject({ status: "closed", ratingLabel: "unrated" });
  });

  it("sends an unsatisfied rating to staff, who can reassign the ticket", async () => {
    const t = await open();
    await tickets.claim(t.id, volunteer, "m2");
    await tickets.complete(t.id, volunteer, "", "m3");
    await tickets.rate(resident, 1, t.id, "m4");
    expect(sent.some((s) => s.m.to.id === "staff-room" && s.m.text.includes("不满意"))).toBe(true);
    const again = await tickets.assign(t.id, { id: "v9", name: "陈师傅" }, staff, "m5");
    expect(again).toMatchObject({ status: "claimed", volunteerName: "陈师傅" });
  });

  it("marks open tickets overdue by the limit it is given", async () => {
    const t = await open();
    expect(await tickets.isOverdue(t)).toBe(false);
    clock.advance(25 * hour);
    expect(await tickets.isOverdue(t)).toBe(true);
  });

  it("points a resident's repeat of the same problem to the open ticket, but not a different problem", async () => {
    const first = await open("r-1", "3号楼2单元501下水道堵了");
    clock.advance(2 * hour);
    const again = await open("r-2", "3号楼2单元501的下水道还是堵着呢, 咋还没人来");
    expect(again.id).toBe(first.id);
    expect(sent.at(-1)!.m.text).toContain(`已经登记为 #${first.id}`);
    const other = await open("r-3", "3号楼2单元501客厅灯不亮了");
    expect(other.id).not.toBe(first.id);
    clock.advance(7 * hour);
    const later = await open("r-4", "3号楼2单元501下水道又堵了");
    expect(later.id).not.toBe(first.id);
  });

  it("alerts staff at once for an urgent request", async () => {
    await tickets.open({
      messageId: "u1",
      resident,
      roomId: "room-3",
      roomTopic: "3号楼群",
      text: "煤气味很大",
      parsed: { ...parsed, urgency: "urgent", category: "safety" },
    });
    expect(sent.some((s) => s.m.to.id === "staff-room" && s.m.text.includes("紧急"))).toBe(true);
  });
});

describe("a burst from one resident, with the limits from config", () => {
  const requests = [
    "3号楼2单元501下水道堵了",
    "4号楼1单元302楼道灯坏了",
    "5号楼3单元101门禁坏了",
    "6号楼1单元201墙面渗水",
    "7号楼2单元402信箱锁坏了",
    "8号楼1单元601暖气不热",
    "10号楼1单元702厨房水管漏水",
  ];
  const withFlood = (flood: { tickets: number; windowMs: number }) =>
    createTicketService({
      store: createSqliteTicketStore(opened.sqlite!),
      clock,
      enqueue: async (m, key) => {
        if (!sent.some((s) => s.key === key)) sent.push({ m, key });
      },
      roomsOf: (role) => (role === "volunteer" ? ["vol-room"] : ["staff-room"]),
      ratingTimeoutHours: 72,
      pastLimit: () => false,
      mergeWindowHours: 6,
      flood,
    });
  const burst = async (service: TicketService, texts: string[], prefix: string) => {
    const ids: number[] = [];
    for (const [i, text] of texts.entries()) {
      ids.push(
        (
          await service.open({
            messageId: `${prefix}${i}`,
            resident,
            roomId: "room-3",
            roomTopic: "3号楼群",
            text,
            parsed: { ...parsed, building: String(i + 3), room: `${i + 1}01` },
          })
        ).id,
      );
      clock.advance(2_000);
    }
    return ids;
  };

  it("folds requests past the configured count within the configured window into the latest ticket", async () => {
    const service = withFlood({ tickets: 2, windowMs: 30_000 });
    const ids = await burst(service, requests.slice(0, 4), "f");
    expect(new Set(ids).size).toBe(2);
    expect(ids.slice(2)).toEqual([ids[1], ids[1]]);
    clock.advance(31_000);
    const [later] = await burst(service, requests.slice(4, 5), "g");
    expect(ids).not.toContain(later);
  });

  it("never folds with a count of 0", async () => {
    const ids = await burst(withFlood({ tickets: 0, windowMs: 60_000 }), requests, "n");
    expect(new Set(ids).size).toBe(requests.length);
  });
});
