import type { OutboxRow, OutboxStore } from "../outbox/outbox-store.js";
import { fromSqlDate, type Sqlite, toSqlDate, withRetry } from "./sqlite-connection.js";

function toRow(r: Record<string, unknown>): OutboxRow {
  return {
    id: Number(r.id),
    account: String(r.account),
    to: { kind: r.destKind as "room" | "contact", id: String(r.destId) },
    text: String(r.text),
    mentionIds: JSON.parse(String(r.mentionIds)) as string[],
    attempts: Number(r.attempts),
    notBefore: fromSqlDate(r.notBefore),
    broadcastRunId: r.broadcastRunId === null ? null : Number(r.broadcastRunId),
    priority: Number(r.priority),
    mergeKind: r.mergeKind === null || r.mergeKind === undefined ? null : String(r.mergeKind),
    mergePart: r.mergePart === null || r.mergePart === undefined ? null : String(r.mergePart),
  };
}

export function createSqliteOutboxStore(db: Sqlite): OutboxStore {
  const insert = db.prepare(
    `INSERT INTO "OutboxMessage" ("account","destKind","destId","text","mentionIds","dedupeKey","state","attempts","notBefore","createdAt","broadcastRunId","priority","mergeKind","mergePart")
     VALUES (?,?,?,?,?,?,'pending',0,?,?,?,?,?,?) ON CONFLICT("dedupeKey") DO NOTHING`,
  );
  const topPriority = db.prepare(
    `SELECT min("priority") AS p FROM "OutboxMessage" WHERE "account" = ? AND "state" = 'pending' AND "notBefore" <= ?`,
  );
  const heads = db.prepare(
    `SELECT * FROM (
       SELECT *, row_number() OVER (PARTITION BY "destKind", "destId" ORDER BY "createdAt" ASC, "id" ASC) AS "rank"
       FROM "OutboxMessage" WHERE "account" = ? AND "state" = 'pending' AND "notBefore" <= ? AND "priority" = ?
     ) WHERE "rank" = 1 ORDER BY "createdAt" ASC, "id" ASC LIMIT ?`,
  );
  const nextWake = db.prepare(
    `SELECT "notBefore" FROM "OutboxMessage" WHERE "account" = ? AND "state" = 'pending' ORDER BY "notBefore" ASC LIMIT 1`,
  );
  const take = db.prepare(
    `UPDATE "OutboxMessage" SET "state" = 'sending', "attempts" = "attempts" + 1 WHERE "id" = ? AND "state" = 'pending'`,
  );
  const mergeable = db.prepare(
    `SELECT * FROM "OutboxMessage" WHERE "account" = ? AND "state" = 'pending' AND "destKind" = ? AND "destId" = ? AND "mergeKind" = ? AND "notBefore" <= ? AND "id" <> ? ORDER BY "createdAt" ASC, "id" ASC LIMIT ?`,
  );
  const sent = db.prepare(`UPDATE "OutboxMessage" SET "state" = 'sent', "sentAt" = ?, "error" = NULL WHERE "id" = ?`);
  const retry = db.prepare(
    `UPDATE "OutboxMessage" SET "state" = 'pending', "error" = ?, "notBefore" = ? WHERE "id" = ?`,
  );
  const unsent = db.prepare(
    `UPDATE "OutboxMessage" SET "state" = 'pending', "attempts" = max("attempts" - 1, 0), "error" = ?, "notBefore" = ? WHERE "id" = ?`,
  );
  const failed = db.prepare(`UPDATE "OutboxMessage" SET "state" = 'failed', "error" = ? WHERE "id" = ?`);
  const settle = db.prepare(
    `UPDATE "OutboxMessage" SET "state" = 'uncertain' WHERE "account" = ? AND "state" = 'sending'`,
  );
  const counts = db.prepare(`SELECT "state", count(*) AS n FROM "OutboxMessage" WHERE "account" = ? GROUP BY "state"`);
  return {
    async insert(m, o) {
      const r = await withRetry(() =>
        insert.run(
          o.account,
          m.to.kind,
          m.to.id,
          m.text,
          JSON.stringify(m.mentionIds ?? []),
          o.key ?? null,
          toSqlDate(o.notBefore),
          toSqlDate(o.now),
          o.broadcastRunId ?? null,
          o.priority ?? 2,
          o.mergeKind ?? null,
          o.mergePart ?? null,
        ),
      );
      return r.changes === 1;
    },
    async dueHeads(account, now, limit) {
      const at = toSqlDate(now);
      const top = (await withRetry(() => topPriority.get(account, at))) as { p: number | null } | undefined;
      if (top?.p === null || top?.p === undefined) return [];
      const p = top.p;
      return ((await withRetry(() => heads.all(account, at, p, limit))) as Record<string, unknown>[]).map(toRow);
    },
    async nextWake(account) {
      const r = (await withRetry(() => nextWake.get(account))) as { notBefore: string } | undefined;
      return r ? fromSqlDate(r.notBefore) : null;
    },
    async take(id) {
      return (await withRetry(() => take.run(id))).changes === 1;
    },
    async takeMergeable(row, now, limit) {
      if (!row.mergeKind || limit <= 0) return [];
      const found = (await withRetry(() =>
        mergeable.all(row.account, row.to.kind, row.to.id, row.mergeKind, toSqlDate(now), row.id, limit),
      )) as Record<string, unknown>[];
      const taken: OutboxRow[] = [];
      for (const r of found) if ((await withRetry(() => take.run(Number(r.id)))).changes === 1) taken.push(toRow(r));
      return taken;
    },
    async markSent(id, at) {
      await withRetry(() => sent.run(toSqlDate(at), id));
    },
    async markRetry(id, error, notBefore) {
      await withRetry(() => retry.run(error, toSqlDate(notBefore), id));
    },
    async markFailed(id, error) {
      await withRetry(() => failed.run(error, id));
    },
    async markUnsent(id, error, notBefore) {
      await withRetry(() => unsent.run(error, toSqlDate(notBefore), id));
    },
    async settleInterrupted(account) {
      return (await withRetry(() => settle.run(account))).changes;
    },
    async countByState(account) {
      const rows = counts.all(account) as { state: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    },
  };
}
