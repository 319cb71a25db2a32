// Wires the real parts together: stores on one database, the outbox, the pipeline and
// the domain services. Channels are created outside and handed in (Sender, Directory).
import type { Config } from "./config.js";
import type { Clock, Logger, Sender } from "./core/types.js";
import { createOutbox } from "./outbox/outbox.js";
import { answerAddressed } from "./pipeline/answer-addressed.js";
import { handleNonText, ignoreUnknownRooms } from "./pipeline/handle-non-text.js";
import type { Middleware } from "./pipeline/compose.js";
import type { Context } from "./pipeline/context.js";
import { createBot } from "./pipeline/create-bot.js";
import { createRoleResolver, type Directory } from "./people/role-resolver.js";
import { RoomRegistry } from "./people/room-registry.js";
import type { OpenedDatabase } from "./store/open-database.js";
import { createPrismaInboxStore } from "./store/prisma-inbox-store.js";
import { createPrismaOutboxStore } from "./store/prisma-outbox-store.js";
import { createPrismaTicketStore } from "./store/prisma-ticket-store.js";
import { createSqliteInboxStore } from "./store/sqlite-inbox-store.js";
import { createSqliteOutboxStore } from "./store/sqlite-outbox-store.js";
import { createSqliteTicketStore } from "./store/sqlite-ticket-store.js";
import { ticketCommands } from "./tickets/ticket-commands.js";
import { placeAnswer, ticketIntake, understandMessage, type Understand } from "./tickets/ticket-intake.js";
import { createTicketService, type Enqueue } from "./tickets/ticket-service.js";
import { createUnderstander } from "./understand/understand-message.js";
import { createOpenAiLlm } from "./llm/openai-llm.js";
import { createPrismaLlmUsageLog } from "./store/prisma-llm-usage-log.js";
import type { Actor } from "./tickets/ticket.js";
import type { Feature, FeatureFactory } from "./core/feature.js";
import { createBroadcastFeature } from "./broadcasts/broadcast-feature.js";
import { createFaqFeature } from "./faq/faq-feature.js";

/** Features on by default; tests may pass their own list. */
export const defaultFeatures: FeatureFactory[] = [createBroadcastFeature, createFaqFeature];

export interface AppOptions {
  config: Readonly<Config>;
  database: OpenedDatabase;
  sender: Sender;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** Replaces the understanding (tests); by default the embedded parser, plus the model when configured. */
  understand?: Understand;
  onHandled?: Parameters<typeof createBot>[0]["onHandled"];
  /** Housekeeping period (closing unrated tickets); 0 turns it off. */
  housekeepingMs?: number;
  features?: FeatureFactory[];
}

export function createApp(o: AppOptions) {
  const { config, clock, logger } = o;
  const db = o.database.db;
  const rooms = new RoomRegistry(config.rooms);
  const roles = createRoleResolver({ rooms, directory: o.directory, clock });
  const fast = o.database.sqlite;
  const stores = {
    inbox: fast ? createSqliteInboxStore(fast) : createPrismaInboxStore(db),
    outbox: fast ? createSqliteOutboxStore(fast) : createPrismaOutboxStore(db),
    tickets: fast ? createSqliteTicketStore(fast) : createPrismaTicketStore(db),
  };
  const outbox = createOutbox({
    store: stores.outbox,
    sender: o.sender,
    clock,
    logger,
    intervalMs: config.outbox.intervalMs,
    jitterMs: config.outbox.jitterMs,
  });
  const enqueue: Enqueue = async (m, key, priority) => {
    await outbox.enqueue(m, { key, priority });
  };
  const tickets = createTicketService({
    store: stores.tickets,
    clock,
    enqueue,
    roomsOf: (role) => rooms.idsByRole(role),
    ratingTimeoutHours: config.tickets.ratingTimeoutHours,
    overdueHours: config.tickets.overdueHours,
    dutyPhone: config.tickets.dutyPhone,
  });

  const llm = config.llm
    ? createOpenAiLlm({ ...config.llm, usage: createPrismaLlmUsageLog(db), clock, logger })
    : undefined;
  const understand: Understand =
    o.understand ??
    createUnderstander({ model: llm && config.llm && { llm, threshold: config.llm.threshold }, logger }).understand;

  async function findPerson(ctx: Context, name: string): Promise<Actor | null> {
    const mentioned = ctx.message.mentionIds[0];
    if (mentioned) {
      const n = await o.directory.nameOf(mentioned);
      return { id: mentioned, name: n ?? name };
    }
    return o.directory.findMember([...rooms.idsByRole("volunteer"), ...rooms.idsByRole("staff")], name);
  }

  const deps = { config, db, llm, outbox, rooms, roles, tickets, clock, logger };
  const features: Feature[] = (o.features ?? defaultFeatures).map((make) => make(deps));
  const middlewares: Middleware<Context>[] = [
    ignoreUnknownRooms,
    handleNonText,
    ...features.flatMap((f) => (f.commands ? [f.commands] : [])),
    ticketCommands({ tickets, findPerson }),
    understandMessage(understand),
    placeAnswer(tickets),
    ticketIntake(tickets),
    ...features.flatMap((f) => (f.afterUnderstanding ? [f.afterUnderstanding] : [])),
    answerAddressed,
  ];

  const bot = createBot({
    botName: config.botName,
    inbox: stores.inbox,
    outbox,
    rooms,
    roles,
    clock,
    logger,
    middlewares,
    onHandled: o.onHandled,
  });

  let timer: NodeJS.Timeout | undefined;
  return {
    bot,
    outbox,
    rooms,
    roles,
    tickets,
    db,
    features,
    /** Call once the channel is logged in and its rooms are registered. */
    async start(): Promise<void> {
      await outbox.start();
      for (const f of features) await f.start?.();
      await bot.recover();
      const every = o.housekeepingMs ?? 60_000;
      if (every > 0) {
        timer = setInterval(() => {
          tickets
            .closeUnrated()
            .catch((err) => logger.error("closing unrated tickets failed", { reason: String(err) }));
          tickets.remindOverdue().catch((err) => logger.error("overdue reminders failed", { reason: String(err) }));
        }, every);
        timer.unref();
      }
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      for (const f of features) await f.stop?.();
      await bot.idle();
      await outbox.stop();
    },
  };
}

export type App = ReturnType<typeof createApp>;
