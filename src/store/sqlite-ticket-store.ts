import type Database from "better-sqlite3";
import {
  type BoardQuery,
  type LimitFacts,
  movedSinceReopen,
  responseEvents,
  type StepEvent,
  stepEvents,
  type Ticket,
  type TicketEvent,
  type TicketPatch,
  type TicketStatus,
  type TicketStore,
} from "../tickets/ticket.js";
import { likeContaining } from "./like-pattern.js";
import { fromSqlDate, fromSqlDateOrNull, type Sqlite, toSqlDate, withRetry } from "./sqlite-connection.js";

const dateFields = new Set(["createdAt", "claimedAt", "doneAt", "closedAt", "updatedAt"]);

function toTicket(r: Record<string, unknown>): Ticket {
  return {
    ...(r as unknown as Ticket),
    id: Number(r.id),
    mergedIntoId: r.mergedIntoId === null || r.mergedIntoId === undefined ? null : Number(r.mergedIntoId),
    rating: r.rating === null ? null : Number(r.rating),
    createdAt: fromSqlDate(r.createdAt),
    claimedAt: fromSqlDateOrNull(r.claimedAt),
    doneAt: fromSqlDateOrNull(r.doneAt),
    closedAt: fromSqlDateOrNull(r.closedAt),
    updatedAt: fromSqlDate(r.updatedAt),
  };
}

const sqlValue = (key: string, v: unknown) =>
  v instanceof Date ? toSqlDate(v) : v === undefined ? null : dateFields.has(key) && v ? toSqlDate(v as Date) : v;

/** The board's conditions as SQL; `withStatus` false for the per-status counts. */
function boardWhere(q: BoardQuery, withStatus: boolean): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    args.push(...values);
  };
  const marks = (n: number) => Array.from({ length: n }, () => "?").join(",");
  if (withStatus && q.statuses)
    add(q.statuses.length ? `"status" IN (${marks(q.statuses.length)})` : "0", ...q.statuses);
  if (q.category) add(`"category" = ?`, q.category);
  if (q.urgency) add(`"urgency" = ?`, q.urgency);
  if (q.volunteerId) add(`"volunteerId" = ?`, q.volunteerId);
  if (q.createdFrom) add(`"createdAt" >= ?`, toSqlDate(q.createdFrom));
  if (q.createdBefore) add(`"createdAt" < ?`, toSqlDate(q.createdBefore));
  if (q.building) {
    const { building, topics } = q.building;
    if (topics.length)
      add(`("building" = ? OR ("building" IS NULL AND "roomTopic" IN (${marks(topics.length)})))`, building, ...topics);
    else add(`"building" = ?`, building);
  }
  const search = q.search;
  if (search && (search.id !== null || search.text)) {
    const or: string[] = [];
    const values: unknown[] = [];
    if (search.id !== null) {
      or.push(`"id" = ?`);
      values.push(search.id);
    }
    if (search.text) {
      for (const c of ["text", "summary", "roomTopic", "residentName"]) {
        or.push(`"${c}" LIKE ? ESCAPE '\\'`);
        values.push(likeContaining(search.text));
      }
    }
    add(`(${or.join(" OR ")})`, ...values);
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", args };
}

export function createSqliteTicketStore(db: Sqlite): TicketStore {
  const bySource = db.prepare(`SELECT * FROM "Ticket" WHERE "sourceMessageId" = ?`);
  const byId = db.prepare(`SELECT * FROM "Ticket" WHERE "id" = ?`);
  const insertTicket = db.prepare(
    `INSERT INTO "Ticket" ("sourceMessageId","residentId","residentName","roomId","roomTopic","text","summary","phone","category","urgency","building","unit","room","status","createdAt","updatedAt")
     VALUES (@sourceMessageId,@residentId,@residentName,@roomId,@roomTopic,@text,@summary,@phone,@category,@urgency,@building,@unit,@room,'open',@createdAt,@createdAt)
     ON CONFLICT("sourceMessageId") DO NOTHING RETURNING *`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO "TicketEvent" ("ticketId","type","actorId","actorName","note","at") VALUES (?,?,?,?,?,?)`,
  );
  const eventsOf = db.prepare(`SELECT * FROM "TicketEvent" WHERE "ticketId" = ? ORDER BY "at" ASC, "id" ASC`);
  const countBy = db.prepare(
    `SELECT COUNT(*) AS n FROM "TicketEvent" WHERE "actorId" = ? AND "type" = ? AND "at" >= ?`,
  );
  const byResident = db.prepare(`SELECT * FROM "Ticket" WHERE "residentId" = ? ORDER BY "id" DESC LIMIT ?`);
  const awaiting = db.prepare(
    `SELECT * FROM "Ticket" WHERE "residentId" = ? AND "status" = 'done' ORDER BY "doneAt" DESC LIMIT 1`,
  );
  const doneBefore = db.prepare(`SELECT * FROM "Ticket" WHERE "status" = 'done' AND "doneAt" < ? ORDER BY "id" ASC`);
  const linked = db.prepare(`SELECT * FROM "Ticket" WHERE "mergedIntoId" = ? ORDER BY "id" ASC`);
  const updates = new Map<string, Database.Statement<unknown[]>>();
  const queries = new Map<string, Database.Statement<unknown[]>>();
  const query = (sql: string) => {
    let stmt = queries.get(sql);
    if (!stmt) {
      stmt = db.prepare<unknown[]>(sql);
      // Board queries vary with the filters given; a few dozen shapes at most are kept.
      if (queries.size > 200) queries.clear();
      queries.set(sql, stmt);
    }
    return stmt;
  };
  const topicsWithoutBuilding = db.prepare(
    `SELECT DISTINCT "roomTopic" AS t FROM "Ticket" WHERE "building" IS NULL AND "roomTopic" IS NOT NULL`,
  );

  const addEvent = (e: TicketEvent) =>
    insertEvent.run(e.ticketId, e.type, e.actorId, e.actorName, e.note, toSqlDate(e.at));

  const create = db.transaction((t: Parameters<TicketStore["create"]>[0]) => {
    const row = insertTicket.get({ ...t, createdAt: toSqlDate(t.createdAt) }) as Record<string, unknown> | undefined;
    if (!row) return { ticket: toTicket(bySource.get(t.sourceMessageId) as Record<string, unknown>), created: false };
    addEvent({
      ticketId: Number(row.id),
      type: "created",
      actorId: t.residentId,
      actorName: t.residentName,
      note: null,
      at: t.createdAt,
    });
    return { ticket: toTicket(row), created: true };
  });

  function updateFor(keys: string[], from: number, withVolunteer: boolean) {
    const sig = `${keys.join(",")}|${from}|${withVolunteer}`;
    let stmt = updates.get(sig);
    if (!stmt) {
      const sets = [...keys.map((k) => `"${k}" = ?`), `"updatedAt" = ?`].join(", ");
      const statuses = Array.from({ length: from }, () => "?").join(",");
      stmt = db.prepare<unknown[]>(
        `UPDATE "Ticket" SET ${sets} WHERE "id" = ? AND "status" IN (${statuses})${withVolunteer ? ` AND "volunteerId" IS ?` : ""}`,
      );
      updates.set(sig, stmt);
    }
    return stmt;
  }

  const transition = db.transaction(
    (
      id: number,
      when: { from: string[]; volunteerId?: string },
      patch: TicketPatch,
      event: StepEvent | readonly StepEvent[],
    ) => {
      const events = stepEvents(event);
      const keys = Object.keys(patch).sort();
      const values = keys.map((k) => sqlValue(k, (patch as Record<string, unknown>)[k]));
      const args = [
        ...values,
        toSqlDate(events.at(-1)!.at),
        id,
        ...when.from,
        ...(when.volunteerId !== undefined ? [when.volunteerId] : []),
      ];
      const r = updateFor(keys, when.from.length, when.volunteerId !== undefined).run(...args);
      if (r.changes !== 1) return null;
      for (const e of events) addEvent({ ...e, ticketId: id });
      return toTicket(byId.get(id) as Record<string, unknown>);
    },
  );

  return {
    async create(t) {
      if (t.sourceMessageId) {
        const existing = bySource.get(t.sourceMessageId) as Record<string, unknown> | undefined;
        if (existing) return { ticket: toTicket(existing), created: false };
      }
      return withRetry(() => create.immediate(t));
    },
    async get(id) {
      const r = byId.get(id) as Record<string, unknown> | undefined;
      return r ? toTicket(r) : null;
    },
    async transition(id, when, patch, event) {
      return withRetry(() => transition.immediate(id, when, patch, event));
    },
    async addEvent(e) {
      await withRetry(() => addEvent(e));
    },
    async countEventsBy(actorId, type, since) {
      return Number((countBy.get(actorId, type, toSqlDate(since)) as { n: number }).n);
    },
    async events(ticketId) {
      return (eventsOf.all(ticketId) as Record<string, unknown>[]).map((r) => ({
        ticketId: Number(r.ticketId),
        type: r.type as TicketEvent["type"],
        actorId: (r.actorId as string | null) ?? null,
        actorName: (r.actorName as string | null) ?? null,
        note: (r.note as string | null) ?? null,
        at: fromSqlDate(r.at),
      }));
    },
    async listByStatus(statuses, limit) {
      const q = db.prepare(
        `SELECT * FROM "Ticket" WHERE "status" IN (${statuses.map(() => "?").join(",")}) ORDER BY "id" ASC LIMIT ?`,
      );
      return (q.all(...statuses, limit) as Record<string, unknown>[]).map(toTicket);
    },
    async listByResident(residentId, limit) {
      return (byResident.all(residentId, limit) as Record<string, unknown>[]).map(toTicket);
    },
    async findAwaitingRating(residentId) {
      const r = awaiting.get(residentId) as Record<string, unknown> | undefined;
      return r ? toTicket(r) : null;
    },
    async listDoneBefore(cutoff) {
      return (doneBefore.all(toSqlDate(cutoff)) as Record<string, unknown>[]).map(toTicket);
    },
    async listLinked(id) {
      return (linked.all(id) as Record<string, unknown>[]).map(toTicket);
    },
    async board(q, page) {
      const rows = boardWhere(q, true);
      const tickets = (
        query(`SELECT * FROM "Ticket" ${rows.sql} ORDER BY "createdAt" DESC, "id" DESC LIMIT ? OFFSET ?`).all(
          ...rows.args,
          page.limit,
          page.offset,
        ) as Record<string, unknown>[]
      ).map(toTicket);
      const all = boardWhere(q, false);
      const counts: Record<TicketStatus, number> = { open: 0, claimed: 0, done: 0, closed: 0 };
      for (const r of query(`SELECT "status", COUNT(*) AS n FROM "Ticket" ${all.sql} GROUP BY "status"`).all(
        ...all.args,
      ) as { status: TicketStatus; n: number }[])
        counts[r.status] = Number(r.n);
      return { tickets, counts };
    },
    async limitFacts(ids) {
      const out = new Map<number, LimitFacts>();
      const types = [...responseEvents];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const marks = chunk.map(() => "?").join(",");
        const found = query(`SELECT "id" FROM "Ticket" WHERE "id" IN (${marks})`).all(...chunk) as { id: number }[];
        for (const r of found) out.set(Number(r.id), { responseEvent: false, movedLimit: null, reopenedAt: null });
        // Per ticket: the latest reopen and the latest response; a response before the reopen
        // does not count. Times are ISO strings in UTC, so MAX orders them.
        const typeMarks = types.map(() => "?").join(",");
        const latest = query(
          `SELECT "ticketId" AS id,
             MAX(CASE WHEN "type" = 'reopened' THEN "at" END) AS reopenedAt,
             MAX(CASE WHEN "type" IN (${typeMarks}) THEN "at" END) AS respondedAt
           FROM "TicketEvent" WHERE "ticketId" IN (${marks}) AND "type" IN ('reopened',${typeMarks})
           GROUP BY "ticketId"`,
        ).all(...types, ...chunk, ...types) as { id: number; reopenedAt: unknown; respondedAt: unknown }[];
        for (const r of latest) {
          const facts = out.get(Number(r.id));
          if (!facts) continue;
          const reopenedAt = fromSqlDateOrNull(r.reopenedAt);
          const respondedAt = fromSqlDateOrNull(r.respondedAt);
          facts.reopenedAt = reopenedAt;
          facts.responseEvent = respondedAt !== null && (reopenedAt === null || respondedAt >= reopenedAt);
        }
        // A limit moved with 延期 before the latest reopen is gone with it.
        const moved = query(
          `SELECT "ticketId" AS id, "dueAt", "at" FROM "TicketDeadline" WHERE "ticketId" IN (${marks})`,
        ).all(...chunk) as { id: number; dueAt: unknown; at: unknown }[];
        for (const r of moved) {
          const facts = out.get(Number(r.id));
          if (facts) facts.movedLimit = movedSinceReopen(fromSqlDate(r.dueAt), fromSqlDate(r.at), facts.reopenedAt);
        }
      }
      return out;
    },
    async roomTopicsWithoutBuilding() {
      return (topicsWithoutBuilding.all() as { t: string }[]).map((r) => r.t);
    },
  };
}
