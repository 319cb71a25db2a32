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
  /** The people staff may assign: members of the bound volunteers' rooms, by name (the console's list). */
  volunteers(): Promise<Actor[]>;
  /**
   * The volunteer called `name`, found as `指派 N 某人` finds them: a member of a bound volunteers'
   * room. Null when nobody there has that name.
   */
  findVolunteer(name: string): Promise<Actor | null>;
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

  /** Only a member of a bound volunteers' room may be assigned. */
  async function mustBeVolunteer(person: Actor | null): Promise<Actor | null> {
    // The bot sits in the volunteers' rooms too, but takes no tasks.
    if (!person || person.name === config.botName) return null;
    if (!(await deps.roles.rolesOf(person.id)).has("volunteer"))
      throw new LinliError("not_found", "assignee is no volunteer", { notVolunteer: true });
    return person;
  }

  /** The person meant in `指派 N @某人`: only a member of a bound volunteers' room may be assigned. */
  async function findPerson(ctx: Context, name: string): Promise<Actor | null> {
    const mentioned = ctx.message.mentionIds[0];
    return mustBeVolunteer(
      mentioned
        ? { id: mentioned, name: (await deps.directory.nameOf(mentioned)) ?? name }
        : await deps.directory.findMember(rooms.idsByRole("volunteer"), name),
    );
  }

  async function volunteers(): Promise<Actor[]> {
    const seen = new Map<string, Actor>();
    for (const roomId of rooms.idsByRole("volunteer"))
      for (const id of await deps.directory.memberIds(roomId)) {
        if (seen.has(id)) continue;
        const name = await deps.directory.nameOf(id);
        // The bot is a member of every room it serves; it takes no tasks.
        if (name && name !== config.botName) seen.set(id, { id, name });
      }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  }

  const housekeeping = async () => {
    await service
      .closeUnrated()
      .catch((err) => logger.error("closing unrated tickets failed", { reason: String(err) }));
  };

  return {
    name: "tickets",
    service,
    volunteers,
    findVolunteer: async (name) =>
      mustBeVolunteer(await deps.directory.findMember(rooms.idsByRole("volunteer"), name.trim())),
    middleware: {
      commands: [ticketCommands({ tickets: service, findPerson }), noteOutageNotice(deps.outageNotices)],
      intake: [withdrawByWords(service), placeAnswer(service), ticketIntake(service, deps.outageNotices)],
    },
    timers:
      deps.housekeepingMs > 0 ? [{ name: "ticket housekeeping", everyMs: deps.housekeepingMs, run: housekeeping }] : [],
  };
}
