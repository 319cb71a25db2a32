// Tickets as a feature: volunteers', residents' and staff's ticket commands, residents'
// requests turned into tickets once understood, and a housekeeping timer that closes unrated
// tickets. Reminders and escalations are follow-up's (features/follow-up.ts).
import type { Context } from "../pipeline/context.js";
import { createPrismaFollowUpStore } from "../store/prisma-follow-up-store.js";
import { createPrismaTicketStore } from "../store/prisma-ticket-store.js";
import { createSqliteFollowUpStore } from "../store/sqlite-follow-up-store.js";
import { createSqliteTicketStore } from "../store/sqlite-ticket-store.js";
import type { Actor } from "../core/types.js";
import { ticketCommands } from "../tickets/ticket-commands.js";
import { noteOutageNotice, placeAnswer, ticketIntake, withdrawByWords } from "../tickets/ticket-intake.js";
import { createTicketService, type TicketService } from "../tickets/ticket-service.js";
import { isPastLimit } from "../follow-up/deadlines.js";
import { responseEvents } from "../tickets/ticket.js";
import type { Feature, FeatureDeps } from "./feature.js";
import { loadFollowUpRules } from "./follow-up.js";

export interface TicketsFeature extends Feature {
  service: TicketService;
}

export function ticketsFeature(deps: FeatureDeps): TicketsFeature {
  const { config, rooms, logger } = deps;
  const rules = loadFollowUpRules(config);
  const store = deps.sqlite ? createSqliteTicketStore(deps.sqlite) : createPrismaTicketStore(deps.db);
  const followUp = deps.sqlite ? createSqliteFollowUpStore(deps.db, deps.sqlite) : createPrismaFollowUpStore(deps.db);
  const service = createTicketService({
    store,
    clock: deps.clock,
    enqueue: async (m, key, priority) => {
      await deps.outbox.enqueue(m, { key, priority });
    },
    roomsOf: (role) => rooms.idsByRole(role),
    ratingTimeoutHours: config.tickets.ratingTimeoutHours,
    // The limits follow-up chases: responded as it reads it, and a limit moved with 延期.
    async isOverdue(t, now) {
      const responded = t.status !== "open" || (await store.events(t.id)).some((e) => responseEvents.has(e.type));
      return isPastLimit(t, rules, now, responded, (await followUp.movedLimit(t.id))?.dueAt ?? null);
    },
    mergeWindowHours: config.tickets.mergeWindowHours,
    dutyPhone: config.tickets.dutyPhone,
  });

  async function findPerson(ctx: Context, name: string): Promise<Actor | null> {
    const mentioned = ctx.message.mentionIds[0];
    if (mentioned) {
      const n = await deps.directory.nameOf(mentioned);
      return { id: mentioned, name: n ?? name };
    }
    return deps.directory.findMember([...rooms.idsByRole("volunteer"), ...rooms.idsByRole("staff")], name);
  }

  const housekeeping = async () => {
    await service
      .closeUnrated()
      .catch((err) => logger.error("closing unrated tickets failed", { reason: String(err) }));
  };

  return {
    name: "tickets",
    service,
    middleware: {
      commands: [ticketCommands({ tickets: service, findPerson }), noteOutageNotice(deps.outageNotices)],
      intake: [withdrawByWords(service), placeAnswer(service), ticketIntake(service, deps.outageNotices)],
    },
    timers:
      deps.housekeepingMs > 0 ? [{ name: "ticket housekeeping", everyMs: deps.housekeepingMs, run: housekeeping }] : [],
  };
}
