// The same behaviour from every store implementation: the SQLite fast path, Prisma on
// SQLite, and Prisma on PostgreSQL (skipped, with a message, where no server runs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/core/types.js";
import { isPastLimit } from "../../src/follow-up/deadlines.js";
import { defaultRules } from "../../src/follow-up/follow-up-rules.js";
import type { OutboxStore } from "../../src/outbox/outbox-store.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import type { InboxStore } from "../../src/pipeline/inbox-store.js";
import { createPrismaInboxStore } from "../../src/store/prisma-inbox-store.js";
import { createPrismaOutboxStore } from "../../src/store/prisma-outbox-store.js";
import { createPrismaTicketStore } from "../../src/store/prisma-ticket-store.js";
import { createSqliteInboxStore } from "../../src/store/sqlite-inbox-store.js";
import { createSqliteOutboxStore } from "../../src/store/sqlite-outbox-store.js";
import { createSqliteTicketStore } from "../../src/store/sqlite-ticket-store.js";
import { chinaTimeToDate } from "../../src/text/china-time.js";
import type { NewTicket, Ticket, TicketStore } from "../../src/tickets/ticket.js";
import { createTicketService } from "../../src/tickets/ticket-service.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { tempDir } from "../helpers/grpc-harness.js";
import { freshPostgresSchema, postgresAvailable } from "../helpers/postgres.js";

/** The row the outbox would send next when it has served no chat yet: the earliest head. */
const nextDue = async (outbox: OutboxStore, account: string, now: Date) =>
  (await outbox.dueHeads(account, now, 1))[0] ?? null;

interface Stores {
  inbox: InboxStore;
  outbox: OutboxStore;
  tickets: TicketStore;
  opened: OpenedDatabase;
}

const pgUp = await postgresAvailable();
const tmp = tempDir();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  tmp.cleanup();
});

const kinds: [string, boolean, () => Promise<Stores>][] = [
  [
    "SQLite (fast path)",
    true,
    async () => {
      const opened = await openDatabase(`file:${tmp.dir}/fast.db`);
      cleanups.push(() => opened.close());
      const s = opened.sqlite!;
      return {
        opened,
        inbox: createSqliteInboxStore(s),
        outbox: createSqliteOutboxStore(s),
        tickets: createSqliteTicketStore(s),
      };
    },
  ],
  [
    "SQLite (Prisma)",
    true,
    async () => {
      const opened = await openDatabase(`file:${tmp.dir}/prisma.db`);
      cleanups.push(() => opened.close());
      const d = opened.db;
      return {
        opened,
        inbox: createPrismaInboxStore(d),
        outbox: createPrismaOutboxStore(d),
        tickets: createPrismaTicketStore(d),
      };
    },
  ],
  [
    "PostgreSQL (Prisma)",
    pgUp,
    async () => {
      const schema = await freshPostgresSchema();
      const opened = await openDatabase(schema.url);
      cleanups.push(async () => {
        await opened.close();
        await schema.drop();
      });
      const d = opened.db;
      return {
        opened,
        inbox: createPrismaInboxStore(d),
        outbox: createPrismaOutboxStore(d),
        tickets: createPrismaTicketStore(d),
      };
    },
  ],
];

const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 1, min));
const message = (id: string): InboundMessage => ({
  id,
  roomId: "r1",
  roomTopic: "居民群",
  talkerId: "p1",
  talkerName: "张秀英",
  type: "text",
  text: "楼道灯坏了",
  mentionSelf: false,
  mentionIds: [],
  self: false,
  receivedAt: at(0),
});
const newTicket = (source: string): NewTicket => ({
  sourceMessageId: source,
  residentId: "p1",
  residentName: "张秀英",
  roomId: "r1",
  roomTopic: "居民群",
  text: "楼道灯坏了",
  summary: "楼道灯坏了",
  phone: null,
  category: "repair",
  urgency: "normal",
  building: "3",
  unit: null,
  room: null,
  createdAt: at(1),
});

describe.each(kinds)("%s", (_name, available, make) => {
  let s: Stores;
  beforeAll(async () => {
    if (available) s = await make();
  });

  it.skipIf(!available)("stores a message once and lists the unhandled ones", async () => {
    expect(await s.inbox.save(message("m1"))).toBe("new");
    expect(await s.inbox.save(message("m1"))).toBe("duplicate");
    await s.inbox.save(message("m2"));
    await s.inbox.finish("m1", "done", at(2));
    const pending = await s.inbox.pending(10);
    expect(pending.map((m) => m.id)).toEqual(["m2"]);
    expect(pending[0]!.receivedAt.toISOString()).toBe(at(0).toISOString());
  });

  it.skipIf(!available)("creates one ticket per source message, with its created event", async () => {
    const a = await s.tickets.create(newTicket("src-1"));
    const b = await s.tickets.create(newTicket("src-1"));
    expect(a.created).toBe(true);
    expect(b).toEqual({ ticket: a.ticket, created: false });
    expect(a.ticket.status).toBe("open");
    expect((await s.tickets.events(a.ticket.id)).map((e) => e.type)).toEqual(["created"]);
  });

  it.skipIf(!available)("lets exactly one of many concurrent claims win", async () => {
    const { ticket } = await s.tickets.create(newTicket("src-race"));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.tickets.transition(
          ticket.id,
          { from: ["open"] },
          { status: "claimed", volunteerId: `v${i}`, volunteerName: `志愿者${i}`, claimedAt: at(3) },
          { type: "claimed", actorId: `v${i}`, actorName: `志愿者${i}`, note: null, at: at(3) },
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const events = await s.tickets.events(ticket.id);
    expect(events.filter((e) => e.type === "claimed")).toHaveLength(1);
    const winner = results.find(Boolean)!;
    expect(winner.claimedAt?.toISOString()).toBe(at(3).toISOString());
    // Only the claimer's transition applies.
    const wrong = await s.tickets.transition(
      ticket.id,
      { from: ["claimed"], volunteerId: "nobody" },
      { status: "done" },
      { type: "done", actorId: "x", actorName: "x", note: null, at: at(4) },
    );
    expect(wrong).toBeNull();
  });

  it.skipIf(!available)("finds the ticket awaiting a rating and those done before a time", async () => {
    const { ticket } = await s.tickets.create(newTicket("src-rate"));
    await s.tickets.transition(
      ticket.id,
      { from: ["open"] },
      { status: "claimed", volunteerId: "v1", volunteerName: "v" },
      { type: "claimed", actorId: "v1", actorName: "v", note: null, at: at(5) },
    );
    await s.tickets.transition(
      ticket.id,
      { from: ["claimed"], volunteerId: "v1" },
      { status: "done", doneAt: at(6) },
      { type: "done", actorId: "v1", actorName: "v", note: null, at: at(6) },
    );
    expect((await s.tickets.findAwaitingRating("p1"))?.id).toBe(ticket.id);
    expect((await s.tickets.listDoneBefore(at(7))).map((t) => t.id)).toContain(ticket.id);
    expect(await s.tickets.listDoneBefore(at(6))).toEqual([]);
  });

  it.skipIf(!available)(
    "queues a keyed message once, hands it to one sender, and settles interrupted sends",
    async () => {
      const msg = { to: { kind: "room" as const, id: "r1" }, text: "您好", mentionIds: ["p1"] };
      expect(await s.outbox.insert(msg, { account: "a", key: "k1", notBefore: at(0), now: at(0) })).toBe(true);
      expect(await s.outbox.insert(msg, { account: "a", key: "k1", notBefore: at(0), now: at(0) })).toBe(false);
      await s.outbox.insert({ ...msg, text: "later" }, { account: "a", key: "k2", notBefore: at(30), now: at(0) });
      const due = await nextDue(s.outbox, "a", at(1));
      expect(due).toMatchObject({ text: "您好", mentionIds: ["p1"], to: { kind: "room", id: "r1" } });
      expect(await s.outbox.take(due!.id)).toBe(true);
      expect(await s.outbox.take(due!.id)).toBe(false);
      expect(await nextDue(s.outbox, "a", at(1))).toBeNull();
      expect((await s.outbox.nextWake("a"))?.toISOString()).toBe(at(30).toISOString());
      expect(await s.outbox.settleInterrupted("a")).toBe(1);
      expect(await s.outbox.countByState("a")).toEqual({ uncertain: 1, pending: 1 });
    },
  );

  it.skipIf(!available)(
    "keeps every field of a message, lists pending ones by arrival time, up to the limit",
    async () => {
      const privately: InboundMessage = {
        ...message("p-late"),
        roomId: null,
        roomTopic: null,
        talkerId: "p-in",
        mentionSelf: true,
        receivedAt: at(50),
      };
      await s.inbox.save(privately);
      await s.inbox.save({ ...message("p-early"), talkerId: "p-in", receivedAt: at(40) });
      await s.inbox.save({ ...message("p-failed"), talkerId: "p-in", receivedAt: at(45) });
      await s.inbox.finish("p-failed", "failed", at(46), "boom");
      const pending = (await s.inbox.pending(10)).filter((m) => m.talkerId === "p-in");
      expect(pending.map((m) => m.id)).toEqual(["p-early", "p-late"]);
      expect(pending[1]).toEqual(privately);
      const firstOnly = await s.inbox.pending(1);
      expect(firstOnly).toHaveLength(1);
      // Finishing a message that was never stored changes nothing, on every backend.
      await expect(s.inbox.finish("never-stored", "done", at(47))).resolves.toBeUndefined();
    },
  );

  it.skipIf(!available)("sends in order of queueing, retries later, and counts sent and failed", async () => {
    const msg = (text: string) => ({ to: { kind: "contact" as const, id: "c1" }, text, mentionIds: [] });
    const opts = { account: "b", notBefore: at(0), now: at(0) };
    // Messages without a key are never taken for duplicates.
    expect(await s.outbox.insert(msg("一"), opts)).toBe(true);
    expect(await s.outbox.insert(msg("一"), opts)).toBe(true);
    expect(await s.outbox.insert(msg("三"), opts)).toBe(true);
    expect(await nextDue(s.outbox, "other", at(1))).toBeNull();

    const first = (await nextDue(s.outbox, "b", at(1)))!;
    expect(first).toMatchObject({ account: "b", text: "一", attempts: 0, mentionIds: [], broadcastRunId: null });
    expect(first.notBefore.toISOString()).toBe(at(0).toISOString());
    expect(await s.outbox.take(first.id)).toBe(true);
    await s.outbox.markRetry(first.id, "timeout", at(20));
    // Not due before its new time; the next one in line goes first.
    const second = (await nextDue(s.outbox, "b", at(2)))!;
    expect(second.text).toBe("一");
    expect(second.id).toBeGreaterThan(first.id);
    expect((await s.outbox.nextWake("b"))?.toISOString()).toBe(at(0).toISOString());
    await s.outbox.take(second.id);
    await s.outbox.markSent(second.id, at(2));
    const third = (await nextDue(s.outbox, "b", at(3)))!;
    expect(third.text).toBe("三");
    await s.outbox.take(third.id);
    await s.outbox.markFailed(third.id, "blocked");
    expect(await nextDue(s.outbox, "b", at(19))).toBeNull();
    expect((await s.outbox.nextWake("b"))?.toISOString()).toBe(at(20).toISOString());

    const retried = (await nextDue(s.outbox, "b", at(20)))!;
    expect(retried).toMatchObject({ id: first.id, attempts: 1 });
    await s.outbox.take(retried.id);
    expect(await s.outbox.countByState("b")).toEqual({ sending: 1, sent: 1, failed: 1 });
    await s.outbox.markSent(retried.id, at(21));
    expect(await s.outbox.countByState("b")).toEqual({ sent: 2, failed: 1 });
    expect(await s.outbox.nextWake("b")).toBeNull();
    expect(await s.outbox.settleInterrupted("b")).toBe(0);
    expect(await s.outbox.countByState("nobody")).toEqual({});
    // Marking a row that does not exist changes nothing, on every backend.
    await expect(s.outbox.markSent(999_999, at(22))).resolves.toBeUndefined();
    await expect(s.outbox.markRetry(999_999, "x", at(22))).resolves.toBeUndefined();
    await expect(s.outbox.markFailed(999_999, "x")).resolves.toBeUndefined();
  });

  it.skipIf(!available)(
    "offers the earliest due row of each chat at the most urgent priority, earliest chat first",
    async () => {
      const put = (chat: string, text: string, priority: number, min: number, notBefore = at(0)) =>
        s.outbox.insert(
          { to: { kind: "room", id: chat }, text, mentionIds: [] },
          { account: "heads", key: `heads:${text}`, notBefore, now: at(min), priority },
        );
      await put("a", "a1", 1, 1);
      await put("a", "a2", 1, 2);
      await put("b", "b-broadcast", 3, 0);
      await put("c", "c-late", 1, 5);
      await put("c", "c-early", 1, 3); // queued later but enqueued at an earlier time
      await put("d", "d-not-yet", 1, 0, at(60));
      await put("b", "b1", 1, 4);
      const heads = await s.outbox.dueHeads("heads", at(10), 10);
      expect(heads.map((r) => r.text)).toEqual(["a1", "c-early", "b1"]);
      expect((await s.outbox.dueHeads("heads", at(10), 2)).map((r) => r.text)).toEqual(["a1", "c-early"]);
      for (const r of heads) await s.outbox.take(r.id);
      expect((await s.outbox.dueHeads("heads", at(10), 10)).map((r) => r.text)).toEqual(["a2", "c-late"]);
      expect(await s.outbox.dueHeads("nobody", at(10), 10)).toEqual([]);
    },
  );

  it.skipIf(!available)("takes the queued rows of one kind to one chat together, each kept with its key", async () => {
    const to = (id: string) => ({ kind: "room" as const, id });
    const put = (room: string, text: string, key: string, mergeKind?: string, notBefore = at(0)) =>
      s.outbox.insert(
        { to: to(room), text, mentionIds: [key] },
        { account: "m", key: `merge-${key}`, notBefore, now: at(0), priority: 1, mergeKind, mergePart: `${key}` },
      );
    await put("g1", "甲", "a", "ack");
    await put("g1", "乙", "b", "ack");
    await put("g2", "丙", "c", "ack"); // another chat
    await put("g1", "丁", "d", "card"); // another kind
    await put("g1", "戊", "e"); // no kind
    await put("g1", "己", "f", "ack", at(30)); // not due yet
    await put("g1", "庚", "g", "ack");
    const first = (await nextDue(s.outbox, "m", at(1)))!;
    expect(first).toMatchObject({ text: "甲", mergeKind: "ack", mergePart: "a" });
    expect(await s.outbox.take(first.id)).toBe(true);
    const more = await s.outbox.takeMergeable(first, at(1), 9);
    expect(more.map((r) => r.text)).toEqual(["乙", "庚"]);
    expect(more[0]).toMatchObject({ mergeKind: "ack", mergePart: "b", mentionIds: ["b"], attempts: 0 });
    // Taken: no other sender gets them, and a second take finds nothing more.
    expect(await s.outbox.takeMergeable(first, at(1), 9)).toEqual([]);
    expect(await s.outbox.countByState("m")).toEqual({ sending: 3, pending: 4 });
    expect(await s.outbox.takeMergeable({ ...first, mergeKind: null }, at(1), 9)).toEqual([]);
  });

  it.skipIf(!available)("gives back a ticket with every field as stored and as changed", async () => {
    const input = { ...newTicket("src-fields"), residentId: "p-fields", phone: "13800000000", unit: "2", room: "501" };
    const { ticket } = await s.tickets.create(input);
    const expected: Ticket = {
      ...input,
      id: ticket.id,
      status: "open",
      volunteerId: null,
      volunteerName: null,
      note: null,
      rating: null,
      ratingLabel: null,
      ratingComment: null,
      closeReason: null,
      closeKind: null,
      mergedIntoId: null,
      claimedAt: null,
      doneAt: null,
      closedAt: null,
      updatedAt: input.createdAt,
    };
    expect(ticket).toStrictEqual(expected);
    expect(await s.tickets.get(ticket.id)).toStrictEqual(expected);
    expect(await s.tickets.get(999_999)).toBeNull();

    const closed = await s.tickets.transition(
      ticket.id,
      { from: ["open"] },
      {
        status: "closed",
        rating: 2,
        ratingLabel: "unsatisfied",
        ratingComment: "等太久",
        closeReason: "重复",
        closeKind: "duplicate",
        mergedIntoId: 424242,
        closedAt: at(9),
        note: "备注",
      },
      { type: "closed", actorId: "s1", actorName: "赵书记", note: "重复", at: at(9) },
    );
    const after: Ticket = {
      ...expected,
      status: "closed",
      rating: 2,
      ratingLabel: "unsatisfied",
      ratingComment: "等太久",
      closeReason: "重复",
      closeKind: "duplicate",
      mergedIntoId: 424242,
      closedAt: at(9),
      note: "备注",
      updatedAt: at(9),
    };
    expect(closed).toStrictEqual(after);
    expect(await s.tickets.get(ticket.id)).toStrictEqual(after);
    // A linked report is found from the ticket it is linked to, and a link can be undone.
    expect((await s.tickets.listLinked(424242)).map((t) => t.id)).toEqual([ticket.id]);
    expect(await s.tickets.listLinked(ticket.id)).toEqual([]);
    // A transition from a status the ticket is not in changes nothing and records nothing.
    const none = await s.tickets.transition(
      ticket.id,
      { from: ["open"] },
      { status: "claimed" },
      { type: "claimed", actorId: "v1", actorName: "v", note: null, at: at(10) },
    );
    expect(none).toBeNull();
    expect((await s.tickets.events(ticket.id)).map((e) => e.type)).toEqual(["created", "closed"]);
  });

  it.skipIf(!available)("records extra events and lists them by time, with exactly their fields", async () => {
    const { ticket } = await s.tickets.create({ ...newTicket("src-events"), residentId: "p-events" });
    await s.tickets.addEvent({
      ticketId: ticket.id,
      type: "escalated",
      actorId: null,
      actorName: null,
      note: "居民不满意",
      at: at(8),
    });
    await s.tickets.addEvent({
      ticketId: ticket.id,
      type: "assigned",
      actorId: "s1",
      actorName: "赵书记",
      note: null,
      at: at(4),
    });
    expect(await s.tickets.events(ticket.id)).toStrictEqual([
      { ticketId: ticket.id, type: "created", actorId: "p-events", actorName: "张秀英", note: null, at: at(1) },
      { ticketId: ticket.id, type: "assigned", actorId: "s1", actorName: "赵书记", note: null, at: at(4) },
      { ticketId: ticket.id, type: "escalated", actorId: null, actorName: null, note: "居民不满意", at: at(8) },
    ]);
    expect(await s.tickets.events(999_999)).toEqual([]);
  });

  it.skipIf(!available)(
    "lists tickets by status (oldest first) and by resident (newest first), up to a limit",
    async () => {
      const mine = async (source: string) =>
        (await s.tickets.create({ ...newTicket(source), residentId: "p-lists", residentName: "李建国" })).ticket;
      const a = await mine("src-list-a");
      const b = await mine("src-list-b");
      const c = await mine("src-list-c");
      await s.tickets.transition(
        b.id,
        { from: ["open"] },
        { status: "claimed", volunteerId: "v9", volunteerName: "陈师傅", claimedAt: at(2) },
        { type: "claimed", actorId: "v9", actorName: "陈师傅", note: null, at: at(2) },
      );
      const ours = new Set([a.id, b.id, c.id]);
      const byStatus = async (statuses: Ticket["status"][], limit = 1000) =>
        (await s.tickets.listByStatus(statuses, limit)).filter((t) => ours.has(t.id)).map((t) => t.id);
      expect(await byStatus(["open"])).toEqual([a.id, c.id]);
      expect(await byStatus(["claimed"])).toEqual([b.id]);
      expect(await byStatus(["open", "claimed"])).toEqual([a.id, b.id, c.id]);
      expect(await byStatus([])).toEqual([]);
      const all = await s.tickets.listByStatus(["open", "claimed", "done", "closed"], 2);
      expect(all).toHaveLength(2);
      expect(all[0]!.id).toBeLessThan(all[1]!.id);

      const listed = await s.tickets.listByResident("p-lists", 10);
      expect(listed.map((t) => t.id)).toEqual([c.id, b.id, a.id]);
      expect(listed[1]).toMatchObject({ status: "claimed", volunteerName: "陈师傅", residentName: "李建国" });
      expect((await s.tickets.listByResident("p-lists", 2)).map((t) => t.id)).toEqual([c.id, b.id]);
      expect(await s.tickets.listByResident("nobody", 10)).toEqual([]);
    },
  );

  it.skipIf(!available)("asks the rating for the ticket done most recently, not the one opened last", async () => {
    const mine = async (source: string) =>
      (await s.tickets.create({ ...newTicket(source), residentId: "p-rate2" })).ticket;
    const finish = async (id: number, minute: number) =>
      s.tickets.transition(
        id,
        { from: ["open"] },
        { status: "done", doneAt: at(minute) },
        { type: "done", actorId: "v1", actorName: "v", note: null, at: at(minute) },
      );
    expect(await s.tickets.findAwaitingRating("p-rate2")).toBeNull();
    const older = await mine("src-rate2-a");
    const newer = await mine("src-rate2-b");
    await finish(newer.id, 10);
    await finish(older.id, 12);
    expect((await s.tickets.findAwaitingRating("p-rate2"))?.id).toBe(older.id);
    const done = (await s.tickets.listDoneBefore(at(11))).filter((t) => t.residentId === "p-rate2");
    expect(done.map((t) => t.id)).toEqual([newer.id]);
  });

  it.skipIf(!available)(
    "finds exactly the board's tickets by status, category, building, volunteer, date and search, newest first",
    async () => {
      // Their own days, far from the other tests' tickets: every query is bounded by them.
      const day = (d: number) => new Date(Date.UTC(2027, 0, d, 2, 0));
      const range = { createdFrom: day(1), createdBefore: day(20) };
      const make = async (source: string, d: number, over: Partial<NewTicket>) =>
        (await s.tickets.create({ ...newTicket(source), residentId: `p-board-${source}`, createdAt: day(d), ...over }))
          .ticket;
      const a = await make("b-a", 2, { text: "楼道灯坏了", summary: "楼道灯坏了", building: "3" });
      const b = await make("b-b", 3, {
        text: "厨房水管漏水 50%的地面都湿了",
        summary: "厨房水管漏水",
        building: null,
        roomTopic: "幸福里5号楼居民群",
        residentName: "王桂兰",
      });
      const c = await make("b-c", 4, { text: "垃圾两天没人收", category: "sanitation", building: "5" });
      const d = await make("b-d", 5, { text: "闻到煤气味", category: "safety", urgency: "urgent", building: "7" });
      const e = await make("b-e", 6, {
        text: "小区门口路灯不亮",
        category: "other",
        building: null,
        roomTopic: "幸福里1-3号楼群",
      });
      const f = await make("b-f", 7, { text: "2单元501门口漏水", summary: "501门口漏水", building: "3" });
      const claim = (id: number, minute: number) =>
        s.tickets.transition(
          id,
          { from: ["open"] },
          { status: "claimed", volunteerId: "v-board", volunteerName: "孙师傅", claimedAt: day(minute) },
          { type: "claimed", actorId: "v-board", actorName: "孙师傅", note: null, at: day(minute) },
        );
      await claim(c.id, 8);
      await claim(d.id, 8);
      await s.tickets.transition(
        d.id,
        { from: ["claimed"] },
        { status: "done", doneAt: day(9) },
        { type: "done", actorId: "v-board", actorName: "孙师傅", note: "关了阀门", at: day(9) },
      );
      await s.tickets.transition(
        e.id,
        { from: ["open"] },
        { status: "closed", closeKind: "resolved", closedAt: day(9) },
        { type: "closed", actorId: "s1", actorName: "赵书记", note: "已报市政", at: day(9) },
      );
      const page = { limit: 50, offset: 0 };
      const ids = async (q: Parameters<TicketStore["board"]>[0], p = page) =>
        (await s.tickets.board({ ...range, ...q }, p)).tickets.map((t) => t.id);

      const all = await s.tickets.board(range, page);
      expect(all.tickets.map((t) => t.id)).toEqual([f.id, e.id, d.id, c.id, b.id, a.id]);
      expect(all.tickets[2]).toStrictEqual(await s.tickets.get(d.id));
      expect(all.counts).toEqual({ open: 3, claimed: 1, done: 1, closed: 1 });
      // The tabs keep their figures whichever status is shown.
      const openOnes = await s.tickets.board({ ...range, statuses: ["open"] }, page);
      expect(openOnes.tickets.map((t) => t.id)).toEqual([f.id, b.id, a.id]);
      expect(openOnes.counts).toEqual(all.counts);
      expect(await ids({ statuses: ["claimed", "done"] })).toEqual([d.id, c.id]);
      expect(await ids({ statuses: [] })).toEqual([]);
      expect(await ids({ statuses: ["open"] }, { limit: 2, offset: 1 })).toEqual([b.id, a.id]);
      expect(await ids({}, { limit: 2, offset: 6 })).toEqual([]);

      expect(await ids({ category: "repair" })).toEqual([f.id, b.id, a.id]);
      expect(await ids({ urgency: "urgent" })).toEqual([d.id]);
      expect(await ids({ volunteerId: "v-board" })).toEqual([d.id, c.id]);
      expect(await ids({ building: { building: "3", topics: [] } })).toEqual([f.id, a.id]);
      // A ticket with no building said counts where its group's name puts it.
      expect(await ids({ building: { building: "5", topics: ["幸福里5号楼居民群"] } })).toEqual([c.id, b.id]);
      const topics = await s.tickets.roomTopicsWithoutBuilding();
      expect(topics).toEqual(expect.arrayContaining(["幸福里5号楼居民群", "幸福里1-3号楼群"]));
      expect(new Set(topics).size).toBe(topics.length);
      expect(await ids({ createdFrom: day(3), createdBefore: day(5) })).toEqual([c.id, b.id]);

      expect(await ids({ search: { id: c.id, text: null } })).toEqual([c.id]);
      expect(await ids({ search: { id: null, text: "漏水" } })).toEqual([f.id, b.id]);
      expect(await ids({ search: { id: null, text: "王桂兰" } })).toEqual([b.id]);
      expect(await ids({ search: { id: null, text: "1-3号楼" } })).toEqual([e.id]);
      // A bare number: the ticket with that number, and texts that mention it.
      expect(await ids({ search: { id: a.id, text: "501" } })).toEqual([f.id, a.id]);
      // Wildcards are searched as written.
      expect(await ids({ search: { id: null, text: "%" } })).toEqual([b.id]);
      expect(await ids({ search: { id: null, text: "_" } })).toEqual([]);
      expect(
        await ids({ category: "repair", building: { building: "3", topics: [] }, search: { id: null, text: "漏水" } }),
      ).toEqual([f.id]);
      const some = await s.tickets.board({ ...range, category: "repair" }, page);
      expect(some.counts).toEqual({ open: 3, claimed: 0, done: 0, closed: 0 });
    },
  );

  it.skipIf(!available)("reads the facts of follow-up's limits for many tickets at once", async () => {
    const mine = async (source: string) =>
      (await s.tickets.create({ ...newTicket(source), residentId: `p-facts-${source}` })).ticket;
    const quiet = await mine("f-quiet");
    const claimed = await mine("f-claimed");
    const progressed = await mine("f-progress");
    const moved = await mine("f-moved");
    await s.tickets.transition(
      claimed.id,
      { from: ["open"] },
      { status: "claimed", volunteerId: "v1", volunteerName: "v", claimedAt: at(3) },
      { type: "claimed", actorId: "v1", actorName: "v", note: null, at: at(3) },
    );
    await s.tickets.addEvent({
      ticketId: progressed.id,
      type: "progress",
      actorId: "s1",
      actorName: "赵书记",
      note: "联系物业",
      at: at(4),
    });
    await s.tickets.addEvent({
      ticketId: quiet.id,
      type: "reminded",
      actorId: null,
      actorName: null,
      note: "时限将到",
      at: at(4),
    });
    await s.opened.db.ticketDeadline.create({
      data: { ticketId: moved.id, dueAt: at(600), reason: "等配件", byId: "s1", byName: "赵书记", at: at(5) },
    });
    // Reopened twice, claimed in between: the claim came before the latest reopen, so it is not
    // a response to it. Reopened, then progress recorded: that one counts.
    const reopened = await mine("f-reopened");
    const answered = await mine("f-reopened-answered");
    const event = (ticketId: number, type: "claimed" | "reopened" | "progress", minute: number) =>
      s.tickets.addEvent({ ticketId, type, actorId: "s1", actorName: "赵书记", note: null, at: at(minute) });
    await event(reopened.id, "reopened", 6);
    await event(reopened.id, "claimed", 7);
    await event(reopened.id, "reopened", 9);
    await event(answered.id, "claimed", 3);
    await event(answered.id, "reopened", 8);
    await event(answered.id, "progress", 10);
    const facts = await s.tickets.limitFacts([
      quiet.id,
      claimed.id,
      progressed.id,
      moved.id,
      reopened.id,
      answered.id,
      999_999,
    ]);
    expect(facts.get(quiet.id)).toEqual({ responseEvent: false, movedLimit: null, reopenedAt: null });
    expect(facts.get(claimed.id)).toEqual({ responseEvent: true, movedLimit: null, reopenedAt: null });
    expect(facts.get(progressed.id)).toEqual({ responseEvent: true, movedLimit: null, reopenedAt: null });
    expect(facts.get(moved.id)?.movedLimit?.toISOString()).toBe(at(600).toISOString());
    expect(facts.get(reopened.id)).toEqual({ responseEvent: false, movedLimit: null, reopenedAt: at(9) });
    expect(facts.get(answered.id)).toEqual({ responseEvent: true, movedLimit: null, reopenedAt: at(8) });
    expect(facts.has(999_999)).toBe(false);
    expect((await s.tickets.limitFacts([])).size).toBe(0);
  });

  it.skipIf(!available)("leaves out a limit moved with 延期 before the latest reopen", async () => {
    const mine = async (source: string) =>
      (await s.tickets.create({ ...newTicket(source), residentId: `p-moved-${source}` })).ticket;
    const before = await mine("m-before");
    const after = await mine("m-after");
    const moveAt = (ticketId: number, minute: number) =>
      s.opened.db.ticketDeadline.create({
        data: { ticketId, dueAt: at(900), reason: "等配件", byId: "s1", byName: "赵书记", at: at(minute) },
      });
    const reopen = (ticketId: number, minute: number) =>
      s.tickets.addEvent({
        ticketId,
        type: "reopened",
        actorId: "s1",
        actorName: "赵书记",
        note: null,
        at: at(minute),
      });
    // Moved, then reopened: the reopen starts the limits afresh. Reopened, then moved: it holds.
    await moveAt(before.id, 5);
    await reopen(before.id, 8);
    await reopen(after.id, 8);
    await moveAt(after.id, 9);
    const facts = await s.tickets.limitFacts([before.id, after.id]);
    expect(facts.get(before.id)).toEqual({ responseEvent: false, movedLimit: null, reopenedAt: at(8) });
    expect(facts.get(after.id)).toEqual({ responseEvent: false, movedLimit: at(900), reopenedAt: at(8) });
  });

  it.skipIf(!available)("records a transition's several events in their order, or none of them", async () => {
    const { ticket } = await s.tickets.create({ ...newTicket("src-steps"), residentId: "p-steps" });
    const step = (type: "reopened" | "assigned", note: string) =>
      ({ type, actorId: "s1", actorName: "赵书记", note, at: at(6) }) as const;
    const both = [step("reopened", "居民评价不满意, 重新处理"), step("assigned", "陈师傅")] as const;
    const claimed = await s.tickets.transition(ticket.id, { from: ["open"] }, { status: "claimed" }, both);
    expect(claimed).toMatchObject({ status: "claimed", updatedAt: at(6) });
    expect(await s.tickets.transition(ticket.id, { from: ["open"] }, { status: "done" }, both)).toBeNull();
    expect((await s.tickets.events(ticket.id)).map((e) => [e.type, e.note])).toEqual([
      ["created", null],
      ["reopened", "居民评价不满意, 重新处理"],
      ["assigned", "陈师傅"],
    ]);
  });

  it.skipIf(!available)(
    "reopens a ticket rated 不满意 that staff give to someone (指派): on its timeline, its limits from then",
    async () => {
      // Reported, done and rated 不满意 on Tuesday 10 November; given to 陈师傅 on Friday the 20th.
      const clock = createFakeClock(chinaTimeToDate(2026, 11, 10, 10, 0));
      const rules = defaultRules();
      const tickets = createTicketService({
        store: s.tickets,
        clock,
        enqueue: async () => {},
        roomsOf: () => [],
        ratingTimeoutHours: 72,
        pastLimit: (t, now, f) => isPastLimit(t, rules, now, f.responded, f.movedLimit),
        mergeWindowHours: 0,
      });
      const resident = { id: "p-unsatisfied", name: "张秀英" };
      const t = await tickets.open({
        messageId: "src-unsatisfied",
        resident,
        roomId: "r1",
        roomTopic: "居民群",
        text: "楼道灯坏了",
        parsed: {
          kind: "request",
          category: "repair",
          urgency: "normal",
          building: "3",
          unit: null,
          room: null,
          confidence: 0.9,
        },
      });
      await tickets.claim(t.id, { id: "v1", name: "刘志强" }, "m-claim");
      await tickets.complete(t.id, { id: "v1", name: "刘志强" }, "换了灯泡", "m-done");
      await tickets.rate(resident, 1, t.id, "m-rate");
      clock.set(chinaTimeToDate(2026, 11, 20, 10, 0));
      await tickets.assign(t.id, { id: "v2", name: "陈师傅" }, { id: "s1", name: "赵书记" }, "m-assign");

      const { entries, overdue } = await tickets.timeline(t.id);
      expect(entries.slice(-2).map((e) => e.text)).toEqual([
        "赵书记 重新打开: 居民评价不满意, 重新处理",
        "赵书记 指派给 陈师傅",
      ]);
      expect(overdue).toBe(false);
      expect((await s.tickets.limitFacts([t.id])).get(t.id)).toEqual({
        responseEvent: true,
        movedLimit: null,
        reopenedAt: clock.now(),
      });
      // Three working days from then (Wednesday 25th, 10:00) it is past its finish limit.
      clock.set(chinaTimeToDate(2026, 11, 25, 10, 1));
      expect((await tickets.timeline(t.id)).overdue).toBe(true);
    },
  );

  it.skipIf(!available)(
    "sends replies before notices and notices before broadcasts, each in enqueue order",
    async () => {
      const send = (text: string, priority: number | undefined, min: number) =>
        s.outbox.insert(
          { to: { kind: "room", id: "r1" }, text, mentionIds: [] },
          { account: "prio", key: `prio:${text}`, notBefore: at(min), now: at(min), priority },
        );
      await send("broadcast-1", 3, 0);
      await send("broadcast-2", 3, 0);
      await send("card", undefined, 1);
      await send("reply-late", 1, 3);
      await send("reply-early", 1, 2);
      await send("urgent", 0, 4);
      const order: string[] = [];
      for (;;) {
        const row = await nextDue(s.outbox, "prio", at(10));
        if (!row) break;
        expect(await s.outbox.take(row.id)).toBe(true);
        order.push(row.text);
      }
      expect(order).toEqual(["urgent", "reply-early", "reply-late", "card", "broadcast-1", "broadcast-2"]);
    },
  );
});
