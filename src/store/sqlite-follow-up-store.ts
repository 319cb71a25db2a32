// FollowUpStore on SQLite: the writes that must be atomic (a step with its timeline event, a
// moved limit with its event) on the direct connection, which never holds the lock across an
// await; everything else through Prisma.
import type { FollowUpStore } from "../follow-up/follow-up-store.js";
import type { Db } from "./open-database.js";
import { createPrismaFollowUpStore } from "./prisma-follow-up-store.js";
import { fromSqlDate, type Sqlite, toSqlDate, withRetry } from "./sqlite-connection.js";

export function createSqliteFollowUpStore(db: Db, sqlite: Sqlite): FollowUpStore {
  const insertStep = sqlite.prepare(
    `INSERT INTO "FollowUpStep" ("ticketId","step","at") VALUES (?,?,?) ON CONFLICT("ticketId","step") DO NOTHING`,
  );
  const stepAt = sqlite.prepare(`SELECT "at" FROM "FollowUpStep" WHERE "ticketId" = ? AND "step" = ?`);
  const insertEvent = sqlite.prepare(
    `INSERT INTO "TicketEvent" ("ticketId","type","actorId","actorName","note","at") VALUES (?,?,?,?,?,?)`,
  );
  const upsertLimit = sqlite.prepare(
    `INSERT INTO "TicketDeadline" ("ticketId","dueAt","reason","byId","byName","at") VALUES (?,?,?,?,?,?)
     ON CONFLICT("ticketId") DO UPDATE SET "dueAt" = excluded."dueAt", "reason" = excluded."reason",
       "byId" = excluded."byId", "byName" = excluded."byName", "at" = excluded."at"`,
  );
  const take = sqlite.transaction((ticketId: number, step: string, e: Parameters<FollowUpStore["takeStep"]>[2]) => {
    if (insertStep.run(ticketId, step, toSqlDate(e.at)).changes !== 1) return false;
    insertEvent.run(ticketId, e.type, e.actorId, e.actorName, e.note, toSqlDate(e.at));
    return true;
  });
  const move = sqlite.transaction(
    (ticketId: number, dueAt: Date, reason: string, by: { id: string; name: string }, at: Date, note: string) => {
      upsertLimit.run(ticketId, toSqlDate(dueAt), reason, by.id, by.name, toSqlDate(at));
      insertEvent.run(ticketId, "extended", by.id, by.name, note, toSqlDate(at));
    },
  );
  return {
    ...createPrismaFollowUpStore(db),
    takeStep: (ticketId, step, e) => withRetry(() => take.immediate(ticketId, step, e)),
    async stepTakenAt(ticketId, step) {
      const row = stepAt.get(ticketId, step) as { at: unknown } | undefined;
      return row ? fromSqlDate(row.at) : null;
    },
    moveLimit: (ticketId, limit, by, at, note) =>
      withRetry(() => move.immediate(ticketId, limit.dueAt, limit.reason, by, at, note)),
  };
}
