// HandoverStore on the database (Handover and AuditLog rows). It sits beside the feature only because
// src/store/ belongs to another team; it would move there unchanged.
import type { Db } from "./open-database.js";
import type { Handover, HandoverStatus, HandoverStore } from "../faq/handover-store.js";

type Row = Awaited<ReturnType<Db["handover"]["findUnique"]>> & {};

export function createPrismaHandoverStore(db: Db): HandoverStore {
  return {
    async open(h, at) {
      if (h.messageId) {
        const known = await db.handover.findUnique({ where: { messageId: h.messageId } });
        if (known) return toHandover(known);
      }
      return toHandover(await db.handover.create({ data: { ...h, status: "open", createdAt: at } }));
    },
    async get(id) {
      const row = await db.handover.findUnique({ where: { id } });
      return row ? toHandover(row) : null;
    },
    async markAnswered(id, answer, answeredBy, at) {
      // Conditional on status: two staff answering at once, only the first is relayed.
      const { count } = await db.handover.updateMany({
        where: { id, status: "open" },
        data: { status: "answered", answer, answeredBy, answeredAt: at },
      });
      if (count === 0) return null;
      const row = await db.handover.findUnique({ where: { id } });
      return row ? toHandover(row) : null;
    },
    async linkKbEntry(id, kbEntryId) {
      await db.handover.update({ where: { id }, data: { kbEntryId } });
    },
    async lastAnsweredBy(name) {
      const row = await db.handover.findFirst({
        where: { answeredBy: name, status: "answered" },
        orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
      });
      return row ? toHandover(row) : null;
    },
    async audit(actor, action, detail, at) {
      await db.auditLog.create({
        data: { actorId: actor.id, actorName: actor.name, action, detail: JSON.stringify(detail), at },
      });
    },
  };
}

function toHandover(row: Row): Handover {
  return { ...row, status: row.status as HandoverStatus };
}
