import type { Ticket, TicketEvent, TicketStore } from "../tickets/ticket.js";
import type { Db } from "./open-database.js";

type Row = Awaited<ReturnType<Db["ticket"]["findFirst"]>>;

function toTicket(r: NonNullable<Row>): Ticket {
  return {
    ...r,
    category: r.category as Ticket["category"],
    urgency: r.urgency as Ticket["urgency"],
    status: r.status as Ticket["status"],
    ratingLabel: r.ratingLabel as Ticket["ratingLabel"],
    closeKind: r.closeKind as Ticket["closeKind"],
  };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === "P2002";

export function createPrismaTicketStore(db: Db): TicketStore {
  return {
    async create(input) {
      if (input.sourceMessageId) {
        const existing = await db.ticket.findUnique({ where: { sourceMessageId: input.sourceMessageId } });
        if (existing) return { ticket: toTicket(existing), created: false };
      }
      try {
        const row = await db.ticket.create({
          data: {
            ...input,
            updatedAt: input.createdAt,
            events: {
              create: {
                type: "created",
                actorId: input.residentId,
                actorName: input.residentName,
                at: input.createdAt,
              },
            },
          },
        });
        return { ticket: toTicket(row), created: true };
      } catch (err) {
        if (!isUniqueViolation(err) || !input.sourceMessageId) throw err;
        const existing = await db.ticket.findUniqueOrThrow({ where: { sourceMessageId: input.sourceMessageId } });
        return { ticket: toTicket(existing), created: false };
      }
    },
    async get(id) {
      const r = await db.ticket.findUnique({ where: { id } });
      return r ? toTicket(r) : null;
    },
    async transition(id, when, patch, event) {
      return db.$transaction(async (tx) => {
        const { count } = await tx.ticket.updateMany({
          where: {
            id,
            status: { in: when.from },
            ...(when.volunteerId !== undefined ? { volunteerId: when.volunteerId } : {}),
          },
          data: { ...patch, updatedAt: event.at },
        });
        if (count !== 1) return null;
        await tx.ticketEvent.create({ data: { ...event, ticketId: id } });
        return toTicket(await tx.ticket.findUniqueOrThrow({ where: { id } }));
      });
    },
    async addEvent(event) {
      await db.ticketEvent.create({ data: event });
    },
    countEventsBy: (actorId, type, since) => db.ticketEvent.count({ where: { actorId, type, at: { gte: since } } }),
    async events(ticketId) {
      const rows = await db.ticketEvent.findMany({ where: { ticketId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      // Exactly the event's fields (not the row id), as on the SQLite fast path.
      return rows.map((r) => ({
        ticketId: r.ticketId,
        type: r.type as TicketEvent["type"],
        actorId: r.actorId,
        actorName: r.actorName,
        note: r.note,
        at: r.at,
      }));
    },
    async listByStatus(statuses, limit) {
      const rows = await db.ticket.findMany({
        where: { status: { in: statuses } },
        orderBy: { id: "asc" },
        take: limit,
      });
      return rows.map(toTicket);
    },
    async listByResident(residentId, limit) {
      const rows = await db.ticket.findMany({ where: { residentId }, orderBy: { id: "desc" }, take: limit });
      return rows.map(toTicket);
    },
    async findAwaitingRating(residentId) {
      const r = await db.ticket.findFirst({ where: { residentId, status: "done" }, orderBy: { doneAt: "desc" } });
      return r ? toTicket(r) : null;
    },
    async listDoneBefore(cutoff) {
      const rows = await db.ticket.findMany({
        where: { status: "done", doneAt: { lt: cutoff } },
        orderBy: { id: "asc" },
      });
      return rows.map(toTicket);
    },
    async listLinked(id) {
      const rows = await db.ticket.findMany({ where: { mergedIntoId: id }, orderBy: { id: "asc" } });
      return rows.map(toTicket);
    },
  };
}
