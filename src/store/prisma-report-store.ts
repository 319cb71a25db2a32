// ReportStore on Prisma (SQLite and PostgreSQL). A report slot is sent once because ReportRun's
// key is unique: inserting the row is the claim, and a unique violation means someone has it.
import type { HandoverFigures, ReportStore, ReportTicket } from "../reports/report-store.js";
import type { Ticket, TicketEvent } from "../tickets/ticket.js";
import type { Db } from "./open-database.js";

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

export function createPrismaReportStore(db: Db): ReportStore {
  return {
    async ticketsSince(from) {
      const rows = await db.ticket.findMany({
        where: {
          OR: [
            { createdAt: { gte: from } },
            { doneAt: { gte: from } },
            { closedAt: { gte: from } },
            { status: { not: "closed" } },
          ],
        },
        include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
        orderBy: { id: "asc" },
      });
      // Limits moved with 延期 (follow-up's TicketDeadline rows), so the reports count with them.
      const moved = new Map<number, { dueAt: Date; at: Date }>();
      for (let i = 0; i < rows.length; i += 500) {
        const ids = rows.slice(i, i + 500).map((r) => r.id);
        const deadlines = await db.ticketDeadline.findMany({ where: { ticketId: { in: ids } } });
        for (const d of deadlines) moved.set(d.ticketId, { dueAt: d.dueAt, at: d.at });
      }
      return rows.map(
        ({ events, ...r }): ReportTicket => ({
          ...r,
          category: r.category as Ticket["category"],
          urgency: r.urgency as Ticket["urgency"],
          status: r.status as Ticket["status"],
          ratingLabel: r.ratingLabel as Ticket["ratingLabel"],
          closeKind: r.closeKind as Ticket["closeKind"],
          movedLimit: moved.get(r.id)?.dueAt ?? null,
          movedAt: moved.get(r.id)?.at ?? null,
          events: events.map((e) => ({
            type: e.type as TicketEvent["type"],
            at: e.at,
            actorId: e.actorId,
            actorName: e.actorName,
          })),
        }),
      );
    },
    async waitingHandovers() {
      const rows = await db.handover.findMany({ where: { status: "open" }, orderBy: { createdAt: "asc" } });
      return rows.map((r) => ({ id: r.id, question: r.question, createdAt: r.createdAt }));
    },
    async handoversOpenedBetween(from, to) {
      const rows = await db.handover.findMany({
        where: { createdAt: { gte: from, lt: to } },
        select: { id: true, status: true, createdAt: true, answeredAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({ ...r, status: r.status as HandoverFigures["status"] }));
    },
    async approvedPraisesBetween(from, to) {
      const rows = await db.praise.findMany({
        where: { approved: true, createdAt: { gte: from, lt: to } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({
        id: r.id,
        text: r.text,
        source: r.source === "staff" ? "staff" : "thanks",
        // A resident's name stays out of reports; a staff member's note is signed.
        authorName: r.source === "staff" ? r.authorName : null,
        ticketId: r.ticketId,
        createdAt: r.createdAt,
      }));
    },
    async claimRun(key, owner, at) {
      try {
        await db.reportRun.create({ data: { key, owner, state: "sending", createdAt: at } });
        return { won: true, unfinished: false };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const row = await db.reportRun.findUnique({ where: { key } });
        return { won: false, unfinished: row?.state === "sending" };
      }
    },
    async finishRun(key, text, at) {
      await db.reportRun.updateMany({ where: { key }, data: { state: "sent", text, finishedAt: at } });
    },
  };
}
