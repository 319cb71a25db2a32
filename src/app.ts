// The table of contents: the features linli is made of, and the one chain every message runs
// through. Stores sit on one database; channels are created outside and handed in (Sender, Directory).
import type { Config } from "./config.js";
import type { Clock, Logger, Sender } from "./core/types.js";
import { broadcastsFeature } from "./features/broadcasts.js";
import { consoleFeature } from "./features/console.js";
import { faqFeature } from "./features/faq.js";
import { followUpFeature } from "./features/follow-up.js";
import type { ChainPoint, Feature, FeatureDeps, FeatureFactory } from "./features/feature.js";
import { reportsFeature } from "./features/reports.js";
import { ticketsFeature } from "./features/tickets.js";
import { createOpenAiLlm } from "./llm/openai-llm.js";
import { createOutbox, type SendPacing, sendPriority } from "./outbox/outbox.js";
import { outboxReplies } from "./outbox/outbox-replies.js";
import { ticketMergers } from "./tickets/ticket-merges.js";
import { createRoleResolver, type Directory } from "./people/role-resolver.js";
import { type RoomNotice, RoomRegistry } from "./people/room-registry.js";
import { roomsFeature, tellStaffAboutRooms } from "./features/rooms.js";
import { createPrismaRoomStore } from "./store/prisma-room-store.js";
import { answerAddressed } from "./pipeline/answer-addressed.js";
import { createBot } from "./pipeline/create-bot.js";
import { handleNonText, ignoreUnknownRooms } from "./pipeline/handle-non-text.js";
import { understandMessage } from "./pipeline/understand-message.js";
import { type RunningTimer, startTimer } from "./schedule/timer.js";
import type { OpenedDatabase } from "./store/open-database.js";
import { createPrismaInboxStore } from "./store/prisma-inbox-store.js";
import { createPrismaLlmUsageLog } from "./store/prisma-llm-usage-log.js";
import { createPrismaOutboxStore } from "./store/prisma-outbox-store.js";
import { createSqliteInboxStore } from "./store/sqlite-inbox-store.js";
import { createSqliteOutboxStore } from "./store/sqlite-outbox-store.js";
import { createPrismaOutageNoticeStore } from "./store/prisma-outage-notice-store.js";
import { createOutageNotices } from "./tickets/outage-notices.js";
import { createUnderstander, type Understand } from "./understand/understand-message.js";

/**
 * What linli does. Within each point of the chain features run in this order; tickets go
 * last because their command grammar is the widest (a bare 回复 is the FAQ's, not theirs).
 */
export const defaultFeatures: FeatureFactory[] = [
  roomsFeature,
  consoleFeature,
  broadcastsFeature,
  faqFeature,
  followUpFeature,
  reportsFeature,
  ticketsFeature,
];

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
  /** Period of the tickets' housekeeping and follow-up's run (reminders, escalations); 0 turns them off. */
  housekeepingMs?: number;
  features?: FeatureFactory[];
  /** Where the last send time is kept (the account lock's row); in memory only without it. */
  pacing?: SendPacing;
}

export function createApp(o: AppOptions) {
  const { config, clock, logger } = o;
  const { db, sqlite } = o.database;
  let roomNotices: ReturnType<typeof tellStaffAboutRooms> | undefined;
  const rooms = new RoomRegistry(config.rooms, {
    store: createPrismaRoomStore(db),
    clock,
    onNotice: (n: RoomNotice) => roomNotices?.notify(n),
    onError: (err) => logger.error("room binding not stored", { reason: String(err) }),
  });
  const roles = createRoleResolver({ rooms, directory: o.directory, clock });
  const outbox = createOutbox({
    store: sqlite ? createSqliteOutboxStore(sqlite) : createPrismaOutboxStore(db),
    sender: o.sender,
    clock,
    logger,
    intervalMs: config.outbox.intervalMs,
    jitterMs: config.outbox.jitterMs,
    pacing: o.pacing,
    mergers: ticketMergers,
    backlog: {
      threshold: config.outbox.backlogAlert,
      onPassed: async (waiting) => {
        for (const id of rooms.idsByRole("staff"))
          await outbox.enqueue(
            { to: { kind: "room", id }, text: outboxReplies.backlog(waiting), mentionIds: [] },
            { key: `outbox:backlog:${clock.now().toISOString()}:${id}`, priority: sendPriority.urgent },
          );
      },
    },
  });
  roomNotices = tellStaffAboutRooms({ rooms, outbox, clock, logger });
  const llm = config.llm
    ? createOpenAiLlm({ ...config.llm, usage: createPrismaLlmUsageLog(db), clock, logger })
    : undefined;
  const understand =
    o.understand ??
    createUnderstander({ model: llm && config.llm && { llm, threshold: config.llm.threshold }, logger }).understand;

  const deps: FeatureDeps = {
    config,
    db,
    sqlite,
    llm,
    outbox,
    rooms,
    roles,
    directory: o.directory,
    clock,
    logger,
    outageNotices: createOutageNotices({ store: createPrismaOutageNoticeStore(db), clock }),
    housekeepingMs: o.housekeepingMs ?? 60_000,
  };
  const features: Feature[] = (o.features ?? defaultFeatures).map((make) => make(deps));
  const at = (point: ChainPoint) => features.flatMap((f) => f.middleware?.[point] ?? []);

  const bot = createBot({
    botName: config.botName,
    inbox: sqlite ? createSqliteInboxStore(sqlite) : createPrismaInboxStore(db),
    outbox,
    rooms,
    roles,
    clock,
    logger,
    middlewares: [
      ignoreUnknownRooms,
      handleNonText,
      ...at("commands"),
      understandMessage(understand),
      ...at("intake"),
      ...at("understood"),
      answerAddressed,
    ],
    onHandled: o.onHandled,
  });

  let timers: RunningTimer[] = [];
  let loading: Promise<void> | undefined;
  return {
    bot,
    outbox,
    rooms,
    roles,
    db,
    directory: o.directory,
    features,
    /**
     * The account's rooms as the channel lists them: bindings are read (once), each room
     * registered, and on an install's first start the configured topics bound (trust on first use).
     */
    async syncRooms(list: { id: string; topic: string; ownerId?: string | null }[]): Promise<void> {
      loading ??= rooms.load();
      await loading;
      for (const r of list) rooms.register(r.id, r.topic, r.ownerId);
      rooms.bindFirstStart();
      await rooms.flush();
      await roomNotices?.settled();
    },
    /** Call once the channel is logged in and its rooms are registered. */
    async start(): Promise<void> {
      await outbox.start();
      for (const f of features) await f.start?.();
      await bot.recover();
      timers = features.flatMap((f) => f.timers ?? []).map((t) => startTimer(t, logger));
    },
    /** Graceful stop: no new message is taken, the ones in hand finish, the outbox stays stored. */
    async stop(): Promise<void> {
      bot.close();
      for (const t of timers.splice(0)) await t.stop();
      for (const f of features) await f.stop?.();
      await bot.idle();
      await rooms.flush();
      await roomNotices?.settled();
      await outbox.stop();
    },
  };
}

export type App = ReturnType<typeof createApp>;
