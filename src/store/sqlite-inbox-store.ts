import type { MessageType } from "../core/types.js";
import type { InboxStore } from "../pipeline/inbox-store.js";
import { fromSqlDate, type Sqlite, toSqlDate, withRetry } from "./sqlite-connection.js";

export function createSqliteInboxStore(db: Sqlite): InboxStore {
  const insert = db.prepare(
    `INSERT INTO "InboundMessage" ("id","roomId","roomTopic","talkerId","talkerName","type","text","mentionSelf","receivedAt","state")
     VALUES (?,?,?,?,?,?,?,?,?,'pending') ON CONFLICT("id") DO NOTHING`,
  );
  const finish = db.prepare(`UPDATE "InboundMessage" SET "state" = ?, "handledAt" = ?, "error" = ? WHERE "id" = ?`);
  const pending = db.prepare(
    `SELECT * FROM "InboundMessage" WHERE "state" = 'pending' ORDER BY "receivedAt" ASC LIMIT ?`,
  );
  return {
    async save(m) {
      const r = await withRetry(() =>
        insert.run(
          m.id,
          m.roomId,
          m.roomTopic,
          m.talkerId,
          m.talkerName,
          m.type,
          m.text,
          m.mentionSelf ? 1 : 0,
          toSqlDate(m.receivedAt),
        ),
      );
      return r.changes === 1 ? "new" : "duplicate";
    },
    async finish(id, state, at, error) {
      await withRetry(() => finish.run(state, toSqlDate(at), error ?? null, id));
    },
    async pending(limit) {
      const rows = pending.all(limit) as Record<string, unknown>[];
      return rows.map((r) => ({
        id: String(r.id),
        roomId: (r.roomId as string | null) ?? null,
        roomTopic: (r.roomTopic as string | null) ?? null,
        talkerId: String(r.talkerId),
        talkerName: String(r.talkerName),
        type: r.type as MessageType,
        text: String(r.text),
        mentionSelf: Boolean(r.mentionSelf),
        mentionIds: [],
        self: false,
        receivedAt: fromSqlDate(r.receivedAt),
      }));
    },
  };
}
