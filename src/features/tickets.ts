// Tickets as a feature: volunteers', residents' and staff's ticket commands, residents'
// requests turned into tickets once understood, and a housekeeping timer that closes unrated
// tickets. Reminders and escalations are follow-up's (features/follow-up.ts).
import type { Context } from "../pipeline/context.js";
import { createPrismaTicketStore } from "../store/prisma-ticket-store.js";
import { createSqliteTicketStore } from "../store/sqlite-ticket-store.js";
import { LinliError } from "../core/errors.js";
import type { Actor } from "../core/types.js";
import { ticketCommands } from "../tickets/ticket-commands.js";
import { noteOutageNotice, placeAnswer, ticketIntake, withdrawByWords } from "../tickets/ticket-intake.js";
import { createTicketService, type TicketService } from "../tickets/ticket-service.js";
import { isPastLimit } from "../follow-up/deadlines.js";
import type { Feature, FeatureDeps } from "./feature.js";
import { loadFollowUpRules } from "./follow-up.js";

export interface TicketsFeature extends Feature {
  service: TicketService;
}

export function ticketsFeature(deps: FeatureDeps): TicketsFeature {
  const { config, rooms, logger } = deps;
  const rules = loadFollowUpRules(config);
  const store = deps.sqlite ? createSqliteTicketStore(deps.sqlite) : createPrismaTicketStore(deps.db);
  const service = createTicketService({
    store,
    clock: deps.clock,
    enqueue: async (m, key, priority, merge) => {
      await deps.outbox.enqueue(m, { key, priority, merge });
    },
    roomsOf: (role) => rooms.idsByRole(role),
    ratingTimeoutHours: config.tickets.ratingTimeoutHours,
    // The limits follow-up chases: responded as it reads it, and a limit moved with 延期.
    pastLimit: (t, now, facts) => isPastLimit(t, rules, now, facts.responded, facts.movedLimit),
    mergeWindowHours: config.tickets.mergeWindowHours,
    dutyPhone: config.tickets.dutyPhone,
    claimsPerHour: config.tickets.claimsPerHour,
    flood: config.tickets.flood,
  });

  /** The person meant in `指派 N @某人`: only a member of a bound volunteers' room may be assigned. */
  async function findPerson(ctx: Context, name: string): Promise<Actor | null> {
    const mentioned = ctx.message.mentionIds[0];
    const person = mentioned
      ? { id: mentioned, name: (await deps.directory.nameOf(mentioned)) ?? name }
      : await deps.directory.findMember(rooms.idsByRole("volunteer"), name);
    if (!person) return null;
    if (!(await deps.roles.rolesOf(person.id)).has("volunteer"))
      throw new LinliError("not_found", "assignee is no volunteer", { notVolunteer: true });
    return person;
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
