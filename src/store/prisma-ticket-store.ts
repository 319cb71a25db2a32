import type { Prisma } from "../generated/sqlite/client.js";
import {
  type BoardQuery,
  type LimitFacts,
  movedSinceReopen,
  responseEvents,
  stepEvents,
  type Ticket,
  type TicketEvent,
  type TicketStatus,
  type TicketStore,
} from "../tickets/ticket.js";
import { escapeLike, hasLikeWildcard, likeContaining } from "./like-pattern.js";
import type { Db } from "./open-database.js";

const searchColumns = ["text", "summary", "roomTopic", "residentName"] as const;

/**
 * How a search with `%`, `_` or `\\` in it finds those characters as written: Prisma's `contains`
 * does not escape them. PostgreSQL's LIKE takes a backslash as its escape, so escaping the
 * words is enough; SQLite's has no default escape, so the ids come from a LIKE with ESCAPE
 * (raw SQL is safe there: an SQLite file has no schema to name). Rare: staff search for words.
 */
async function literalSearch(db: Db, text: string): Promise<{ ids: number[] } | { escaped: string }> {
  // Typed in Prisma's client (runtime/client.d.ts): "sqlite" or "postgresql".
  if ((db as unknown as { _activeProvider?: string })._activeProvider !== "sqlite")
    return { escaped: escapeLike(text) };
  const p = likeContaining(text);
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT "id" FROM "Ticket"
    WHERE "text" LIKE ${p} ESCAPE '\\' OR "summary" LIKE ${p} ESCAPE '\\'
       OR "roomTopic" LIKE ${p} ESCAPE '\\' OR "residentName" LIKE ${p} ESCAPE '\\'`;
  return { ids: rows.map((r) => Number(r.id)) };
}

/** The board's conditions; `withStatus` false for the per-status counts. */
function boardWhere(
  q: BoardQuery,
  withStatus: boolean,
  literal: { ids: number[] } | { escaped: string } | null,
): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [];
  if (withStatus && q.statuses) and.push({ status: { in: q.statuses } });
  if (q.category) and.push({ category: q.category });
  if (q.urgency) and.push({ urgency: q.urgency });
  if (q.volunteerId) and.push({ volunteerId: q.volunteerId });
  if (q.createdFrom) and.push({ createdAt: { gte: q.createdFrom } });
  if (q.createdBefore) and.push({ createdAt: { lt: q.createdBefore } });
  if (q.building) {
    const { building, topics } = q.building;
    and.push({ OR: [{ building }, ...(topics.length ? [{ building: null, roomTopic: { in: topics } }] : [])] });
  }
  const search = q.search;
  if (search && (search.id !== null || search.text)) {
    const or: Prisma.TicketWhereInput[] = [];
    if (search.id !== null) or.push({ id: search.id });
    const text = literal && "escaped" in literal ? literal.escaped : search.text;
    if (literal && "ids" in literal) or.push({ id: { in: literal.ids } });
    else if (text) or.push(...searchColumns.map((c) => ({ [c]: { contains: text } })));
    and.push({ OR: or });
  }
  return and.length ? { AND: and } : {};
}

type Row = Awaited<ReturnType<Db["ticket"]["findFirst"]>>;

function toTicket(r: NonNullable<Row>): Ticket {
  return {
    ...r,
    category: r.category as Ticket["category"],
    urgency: r.urgency as Ticket["urgency"],
    status: r.status as Ticket["status"],
    ratingLabel: r.ratingLabel as Ticket["ratingLabel"],
    closeKind: r.closeKind as Ticket["closeKind"],
  };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === "P2002";

export function createPrismaTicketStore(db: Db): TicketStore {
  return {
    async create(input) {
      if (input.sourceMessageId) {
        const existing = await db.ticket.findUnique({ where: { sourceMessageId: input.sourceMessageId } });
        if (existing) return { ticket: toTicket(existing), created: false };
      }
      try {
        const row = await db.ticket.create({
          data: {
            ...input,
            updatedAt: input.createdAt,
            events: {
              create: {
                type: "created",
                actorId: input.residentId,
                actorName: input.residentName,
                at: input.createdAt,
              },
            },
          },
        });
        return { ticket: toTicket(row), created: true };
      } catch (err) {
        if (!isUniqueViolation(err) || !input.sourceMessageId) throw err;
        const existing = await db.ticket.findUniqueOrThrow({ where: { sourceMessageId: input.sourceMessageId } });
        return { ticket: toTicket(existing), created: false };
      }
    },
    async get(id) {
      const r = await db.ticket.findUnique({ where: { id } });
      return r ? toTicket(r) : null;
    },
    async transition(id, when, patch, event) {
      const events = stepEvents(event);
      return db.$transaction(async (tx) => {
        const { count } = await tx.ticket.updateMany({
          where: {
            id,
            status: { in: when.from },
            ...(when.volunteerId !== undefined ? { volunteerId: when.volunteerId } : {}),
          },
          data: { ...patch, updatedAt: events.at(-1)!.at },
        });
        if (count !== 1) return null;
        // One by one, so their ids (and the timeline's order at one instant) follow the order given.
        for (const e of events) await tx.ticketEvent.create({ data: { ...e, ticketId: id } });
        return toTicket(await tx.ticket.findUniqueOrThrow({ where: { id } }));
      });
    },
    async addEvent(event) {
      await db.ticketEvent.create({ data: event });
    },
    countEventsBy: (actorId, type, since) => db.ticketEvent.count({ where: { actorId, type, at: { gte: since } } }),
    async events(ticketId) {
      const rows = await db.ticketEvent.findMany({ where: { ticketId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      // Exactly the event's fields (not the row id), as on the SQLite fast path.
      return rows.map((r) => ({
        ticketId: r.ticketId,
        type: r.type as TicketEvent["type"],
        actorId: r.actorId,
        actorName: r.actorName,
        note: r.note,
        at: r.at,
      }));
    },
    async listByStatus(statuses, limit) {
      const rows = await db.ticket.findMany({
        where: { status: { in: statuses } },
        orderBy: { id: "asc" },
        take: limit,
      });
      return rows.map(toTicket);
    },
    async listByResident(residentId, limit) {
      const rows = await db.ticket.findMany({ where: { residentId }, orderBy: { id: "desc" }, take: limit });
      return rows.map(toTicket);
    },
    async findAwaitingRating(residentId) {
      const r = await db.ticket.findFirst({ where: { residentId, status: "done" }, orderBy: { doneAt: "desc" } });
      return r ? toTicket(r) : null;
    },
    async listDoneBefore(cutoff) {
      const rows = await db.ticket.findMany({
        where: { status: "done", doneAt: { lt: cutoff } },
        orderBy: { id: "asc" },
      });
      return rows.map(toTicket);
    },
    async listLinked(id) {
      const rows = await db.ticket.findMany({ where: { mergedIntoId: id }, orderBy: { id: "asc" } });
      return rows.map(toTicket);
    },
    async board(q, page) {
      const text = q.search?.text;
      const literal = text && hasLikeWildcard(text) ? await literalSearch(db, text) : null;
      const [rows, groups] = await Promise.all([
        db.ticket.findMany({
          where: boardWhere(q, true, literal),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: page.limit,
          skip: page.offset,
        }),
        db.ticket.groupBy({ by: ["status"], where: boardWhere(q, false, literal), _count: { _all: true } }),
      ]);
      const counts: Record<TicketStatus, number> = { open: 0, claimed: 0, done: 0, closed: 0 };
      for (const g of groups) counts[g.status as TicketStatus] = g._count._all;
      return { tickets: rows.map(toTicket), counts };
    },
    async limitFacts(ids) {
      const out = new Map<number, LimitFacts>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const [found, latest, moved] = await Promise.all([
          db.ticket.findMany({ where: { id: { in: chunk } }, select: { id: true } }),
          // groupBy is GROUP BY in SQL (findMany's distinct is applied in memory): the latest
          // event of each kind that matters, per ticket.
          db.ticketEvent.groupBy({
            by: ["ticketId", "type"],
            where: { ticketId: { in: chunk }, type: { in: [...responseEvents, "reopened"] } },
            _max: { at: true },
          }),
          db.ticketDeadline.findMany({
            where: { ticketId: { in: chunk } },
            select: { ticketId: true, dueAt: true, at: true },
          }),
        ]);
        for (const r of found) out.set(r.id, { responseEvent: false, movedLimit: null, reopenedAt: null });
        const respondedAt = new Map<number, Date>();
        for (const r of latest) {
          const facts = out.get(r.ticketId);
          const at = r._max.at;
          if (!facts || !at) continue;
          if (r.type === "reopened") facts.reopenedAt = at;
          else {
            const before = respondedAt.get(r.ticketId);
            if (!before || at > before) respondedAt.set(r.ticketId, at);
          }
        }
        // A response before the latest reopen does not count.
        for (const [id, at] of respondedAt) {
          const facts = out.get(id)!;
          facts.responseEvent = facts.reopenedAt === null || at >= facts.reopenedAt;
        }
        // A limit moved with 延期 before the latest reopen is gone with it.
        for (const r of moved) {
          const facts = out.get(r.ticketId);
          if (facts) facts.movedLimit = movedSinceReopen(r.dueAt, r.at, facts.reopenedAt);
        }
      }
      return out;
    },
    async roomTopicsWithoutBuilding() {
      const rows = await db.ticket.groupBy({ by: ["roomTopic"], where: { building: null, roomTopic: { not: null } } });
      return rows.map((r) => r.roomTopic!);
    },
  };
}
