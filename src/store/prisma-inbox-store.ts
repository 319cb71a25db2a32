import type { MessageType } from "../core/types.js";
import type { InboxStore } from "../pipeline/inbox-store.js";
import type { Db } from "./open-database.js";

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
