import type { NoticeAnswer, OutageNotice, OutageNoticeStore } from "../tickets/outage-notices.js";
import type { Db } from "./open-database.js";

type Row = NonNullable<Awaited<ReturnType<Db["outageNotice"]["findFirst"]>>>;
const toNotice = (r: Row): OutageNotice => ({ ...r, kind: r.kind as OutageNotice["kind"] });

export function createPrismaOutageNoticeStore(db: Db): OutageNoticeStore {
  return {
    async add(n) {
      const row = await db.outageNotice.upsert({ where: { sourceKey: n.sourceKey }, create: n, update: {} });
      return toNotice(row);
    },
    async activeAt(at, earlyMs) {
      const rows = await db.outageNotice.findMany({
        where: { endsAt: { gt: at }, startsAt: { lte: new Date(at.getTime() + earlyMs) } },
        orderBy: { id: "desc" },
      });
      return rows.map(toNotice);
    },
    async addAnswer(a) {
      await db.outageNoticeAnswer.upsert({ where: { messageId: a.messageId }, create: a, update: {} });
    },
    async answersTo(residentId, since): Promise<NoticeAnswer[]> {
      const rows = await db.outageNoticeAnswer.findMany({
        where: { residentId, at: { gte: since } },
        orderBy: { id: "asc" },
      });
      return rows.map(({ id: _id, ...a }) => a);
    },
  };
}
