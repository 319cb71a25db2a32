import type { InboundMessage, MessageType } from "../core/types.js";
import type { Db } from "./open-database.js";

export type InboxState = "pending" | "done" | "failed" | "ignored";

/** Port: the inbox. A message is stored once, by id, before it is handled. */
export interface InboxStore {
  /** Stores the message; "duplicate" when it was stored before (and handled, or being handled). */
  save(message: InboundMessage): Promise<"new" | "duplicate">;
  finish(id: string, state: Exclude<InboxState, "pending">, at: Date, error?: string): Promise<void>;
  /** Messages stored but never handled (the process stopped), oldest first. */
  pending(limit: number): Promise<InboundMessage[]>;
}

export function createPrismaInboxStore(db: Db): InboxStore {
  return {
    async save(m) {
      try {
        await db.inboundMessage.create({
          data: {
            id: m.id,
            roomId: m.roomId,
            roomTopic: m.roomTopic,
            talkerId: m.talkerId,
            talkerName: m.talkerName,
            type: m.type,
            text: m.text,
            mentionSelf: m.mentionSelf,
            receivedAt: m.receivedAt,
          },
        });
        return "new";
      } catch (err) {
        if ((err as { code?: string })?.code === "P2002") return "duplicate";
        throw err;
      }
    },
    async finish(id, state, at, error) {
      // updateMany: an unknown id is not an error, as on the SQLite fast path.
      await db.inboundMessage.updateMany({ where: { id }, data: { state, handledAt: at, error: error ?? null } });
    },
    async pending(limit) {
      const rows = await db.inboundMessage.findMany({
        where: { state: "pending" },
        orderBy: { receivedAt: "asc" },
        take: limit,
      });
      return rows.map((r) => ({
        id: r.id,
        roomId: r.roomId,
        roomTopic: r.roomTopic,
        talkerId: r.talkerId,
        talkerName: r.talkerName,
        type: r.type as MessageType,
        text: r.text,
        mentionSelf: r.mentionSelf,
        mentionIds: [],
        self: false,
        receivedAt: r.receivedAt,
      }));
    },
  };
}
