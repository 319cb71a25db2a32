// FollowUpStore on the database: FollowUpStep (unique per ticket and step, written with its
// timeline event in one transaction), TicketDeadline and DutyRoster.
import type { FollowUpStore } from "../follow-up/follow-up-store.js";
import type { Db } from "./open-database.js";

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "P2002";

export function createPrismaFollowUpStore(db: Db): FollowUpStore {
  return {
    async takeStep(ticketId, step, e) {
      try {
        await db.$transaction([
          db.followUpStep.create({ data: { ticketId, step, at: e.at } }),
          db.ticketEvent.create({ data: { ticketId, ...e } }),
        ]);
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async stepTakenAt(ticketId, step) {
      const row = await db.followUpStep.findUnique({ where: { ticketId_step: { ticketId, step } } });
      return row?.at ?? null;
    },
    async movedLimit(ticketId) {
      const row = await db.ticketDeadline.findUnique({ where: { ticketId } });
      return row ? { dueAt: row.dueAt, reason: row.reason, at: row.at } : null;
    },
    async moveLimit(ticketId, limit, by, at, note) {
      const data = { dueAt: limit.dueAt, reason: limit.reason, byId: by.id, byName: by.name, at };
      await db.$transaction([
        db.ticketDeadline.upsert({ where: { ticketId }, create: { ticketId, ...data }, update: data }),
        db.ticketEvent.create({
          data: {
            ticketId,
            type: "extended",
            actorId: by.id,
            actorName: by.name,
            note,
            at,
          },
        }),
      ]);
    },
    async listUnsatisfiedSince(since) {
      const rows = await db.ticket.findMany({
        where: { status: "closed", ratingLabel: "unsatisfied", closedAt: { gte: since } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      return rows.map((r) => r.id);
    },
    async onDuty() {
      const rows = await db.dutyRoster.findMany({ orderBy: { setAt: "asc" } });
      return rows.map((r) => ({ id: r.personId, name: r.name }));
    },
    async setOnDuty(people, by, at) {
      await db.$transaction([
        db.dutyRoster.deleteMany({}),
        ...people.map((p) =>
          db.dutyRoster.create({ data: { personId: p.id, name: p.name, setById: by.id, setAt: at } }),
        ),
      ]);
    },
  };
}
