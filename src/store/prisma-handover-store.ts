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
    async list(q) {
      const base: object[] = [];
      if (q.status === "open") base.push({ status: "open" });
      if (q.status === "answered") base.push({ status: { not: "open" } });
      if (q.beforeId !== null) base.push({ id: { lt: q.beforeId } });
      const newest = async (and: object[], take?: number) =>
        (await db.handover.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take })).map(toHandover);
      const anyField = (text: string) => ({ OR: searchFields.map((field) => ({ [field]: { contains: text } })) });
      const text = q.text?.trim() ?? "";
      if (!text) return newest(base, q.limit);
      if (!/[%_\\]/.test(text)) {
        const number = /^#?(\d{1,9})$/.exec(text);
        const byNumber = number ? [{ id: Number(number[1]) }] : [];
        return newest([...base, { OR: [...byNumber, ...anyField(text).OR] }], q.limit);
      }
      // `contains` is LIKE, and SQLite's LIKE has no escape: % and _ would be patterns. The words
      // between them narrow the rows; the whole text is then matched literally here.
      const pieces = text.split(/[%_\\]+/).filter(Boolean);
      const rows = await newest([...base, ...pieces.map(anyField)]);
      return rows.filter((h) => searchFields.some((field) => h[field]?.includes(text))).slice(0, q.limit);
    },
    async countByState() {
      const [open, all] = await Promise.all([db.handover.count({ where: { status: "open" } }), db.handover.count()]);
      return { open, answered: all - open };
    },
    async audit(actor, action, detail, at) {
      await db.auditLog.create({
        data: { actorId: actor.id, actorName: actor.name, action, detail: JSON.stringify(detail), at },
      });
    },
  };
}

/** What a search looks in. */
const searchFields = ["question", "askerName", "roomTopic", "answer", "answeredBy"] as const;

function toHandover(row: Row): Handover {
  return { ...row, status: row.status as HandoverStatus };
}
