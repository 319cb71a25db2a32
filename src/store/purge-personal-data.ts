// Data retention: personal data older than the cut-off is blanked where it is kept, while the
// rows stay so counts remain true (a closed ticket keeps its category, building, status, times
// and rating; a sent message keeps its idempotency key, so nothing is sent again).
// Running it twice removes nothing the second time.
import type { Db } from "./open-database.js";

export interface PurgeCounts {
  /** Inbox messages whose text and sender's name were removed. */
  inbox: number;
  /** Sent (or given up) outbox messages whose body was removed. */
  outbox: number;
  /** Closed tickets whose resident's name, phone, words, room and helpers' names were removed. */
  tickets: number;
  /** Closed or answered hand-overs whose question, answer and asker's name were removed. */
  handovers: number;
  /** 好人好事 notes whose text and author's name were removed. */
  praises: number;
  /** Questions the FAQ answered (kept masked for the console's 知识库 page), removed. */
  faqMatches: number;
}

export async function purgePersonalData(db: Db, options: { before: Date; dryRun: boolean }): Promise<PurgeCounts> {
  const before = options.before;
  const inbox = { receivedAt: { lt: before }, state: { not: "pending" }, NOT: { text: "", talkerName: "" } };
  const outbox = { createdAt: { lt: before }, state: { in: ["sent", "failed", "uncertain"] }, text: { not: "" } };
  const tickets = { status: "closed", closedAt: { lt: before }, residentName: { not: "" } };
  const handovers = { createdAt: { lt: before }, status: { not: "open" }, askerName: { not: "" } };
  const praises = { createdAt: { lt: before }, authorName: { not: "" } };
  const faqMatches = { at: { lt: before } };

  if (options.dryRun) {
    return {
      inbox: await db.inboundMessage.count({ where: inbox }),
      outbox: await db.outboxMessage.count({ where: outbox }),
      tickets: await db.ticket.count({ where: tickets }),
      handovers: await db.handover.count({ where: handovers }),
      praises: await db.praise.count({ where: praises }),
      faqMatches: await db.faqMatch.count({ where: faqMatches }),
    };
  }
  return db.$transaction(async (tx) => {
    const ticketIds = (await tx.ticket.findMany({ where: tickets, select: { id: true } })).map((t) => t.id);
    await tx.ticketEvent.updateMany({
      where: { ticketId: { in: ticketIds } },
      data: { actorId: null, actorName: null, note: null },
    });
    await tx.ticketDeadline.updateMany({
      where: { ticketId: { in: ticketIds } },
      data: { reason: "", byId: "", byName: "" },
    });
    const purgedTickets = await tx.ticket.updateMany({
      where: { id: { in: ticketIds } },
      data: {
        residentId: "",
        residentName: "",
        phone: null,
        text: "",
        summary: "",
        unit: null,
        room: null,
        volunteerId: null,
        volunteerName: null,
        note: null,
        ratingComment: null,
        closeReason: null,
      },
    });
    return {
      inbox: (await tx.inboundMessage.updateMany({ where: inbox, data: { text: "", talkerName: "", error: null } }))
        .count,
      outbox: (await tx.outboxMessage.updateMany({ where: outbox, data: { text: "", mentionIds: "[]", error: null } }))
        .count,
      tickets: purgedTickets.count,
      handovers: (
        await tx.handover.updateMany({
          where: handovers,
          data: { question: "", answer: null, askerId: "", askerName: "", answeredBy: null },
        })
      ).count,
      praises: (await tx.praise.updateMany({ where: praises, data: { text: "", authorId: "", authorName: "" } })).count,
      faqMatches: (await tx.faqMatch.deleteMany({ where: faqMatches })).count,
    };
  });
}
