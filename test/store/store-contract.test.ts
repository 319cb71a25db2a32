// The same behaviour from every store implementation: the SQLite fast path, Prisma on
// SQLite, and Prisma on PostgreSQL (skipped, with a message, where no server runs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/core/types.js";
import type { OutboxStore } from "../../src/outbox/outbox-store.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaInboxStore, type InboxStore } from "../../src/store/prisma-inbox-store.js";
import { createPrismaOutboxStore } from "../../src/store/prisma-outbox-store.js";
import { createPrismaTicketStore } from "../../src/store/prisma-ticket-store.js";
import { createSqliteInboxStore } from "../../src/store/sqlite-inbox-store.js";
import { createSqliteOutboxStore } from "../../src/store/sqlite-outbox-store.js";
import { createSqliteTicketStore } from "../../src/store/sqlite-ticket-store.js";
import type { NewTicket, TicketStore } from "../../src/tickets/ticket.js";
import { tempDir } from "../helpers/grpc-harness.js";
import { freshPostgresSchema, postgresAvailable } from "../helpers/postgres.js";

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
      const due = await s.outbox.nextDue("a", at(1));
      expect(due).toMatchObject({ text: "您好", mentionIds: ["p1"], to: { kind: "room", id: "r1" } });
      expect(await s.outbox.take(due!.id)).toBe(true);
      expect(await s.outbox.take(due!.id)).toBe(false);
      expect(await s.outbox.nextDue("a", at(1))).toBeNull();
      expect((await s.outbox.nextWake("a"))?.toISOString()).toBe(at(30).toISOString());
      expect(await s.outbox.settleInterrupted("a")).toBe(1);
      expect(await s.outbox.countByState("a")).toEqual({ uncertain: 1, pending: 1 });
    },
  );
});
