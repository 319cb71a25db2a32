// The 红色广播站 as a feature: staff commands in chat, residents' thanks noted as 好人好事,
// and a once-a-minute tick that sends due slots. The tick only wakes us up; which slots are
// due is decided by slotsBetween and the database, so a restart loses nothing.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { broadcastCommands } from "../broadcasts/broadcast-commands.js";
import { type BroadcastService, createBroadcastService } from "../broadcasts/broadcast-service.js";
import type { BroadcastStore } from "../broadcasts/broadcast-store.js";
import { createLiveData } from "../broadcasts/create-live-data.js";
import type { DraftWriter } from "../broadcasts/draft-writer.js";
import { noteThanks } from "../broadcasts/note-thanks.js";
import type { WecomWebhookSender } from "../broadcasts/robot-webhook.js";
import { createWecomRobotSender } from "../broadcasts/wecom-robot-sender.js";
import { createModelDraftWriter } from "../broadcasts/write-draft-with-model.js";
import { createWecomWebhookSender } from "../channels/wecom-webhook.js";
import { createOutbox } from "../outbox/outbox.js";
import { createPrismaBroadcastStore } from "../store/prisma-broadcast-store.js";
import { createPrismaOutboxStore } from "../store/prisma-outbox-store.js";
import type { Feature, FeatureDeps } from "./feature.js";
import { loadFollowUpRules } from "./follow-up.js";
import { monthFiguresFrom } from "./reports.js";

/** A robot at its limit gives the message back after this; the outbox retries it later. */
const ROBOT_MAX_WAIT_MS = 5_000;

export interface BroadcastFeature extends Feature {
  service: BroadcastService;
  /** Runs one scheduler tick now (tests move a fake clock and call this). */
  tick: BroadcastService["tick"];
}

export interface BroadcastFeatureExtras {
  store?: BroadcastStore;
  drafts?: DraftWriter;
  /** The WeCom robot client (tests pass one on a loopback robot). */
  webhook?: WecomWebhookSender;
  /** The tick's cron expression; tests may use the 6-field `* * * * * *` (every second). */
  tickCron?: string;
}

export function broadcastsFeature(deps: FeatureDeps, extras: BroadcastFeatureExtras = {}): BroadcastFeature {
  const { config, clock, logger, rooms } = deps;
  const store = extras.store ?? createPrismaBroadcastStore(deps.db);
  const tellStaff = async (text: string, key: string) => {
    for (const id of rooms.idsByRole("staff")) {
      await deps.outbox.enqueue({ to: { kind: "room", id }, text, mentionIds: [] }, { key: `${key}:${id}` });
    }
  };
  // WeCom robots get their own outbox account: the robot's limit (20 a minute per robot) is
  // kept by the webhook sender, and WeChat's pacing is not slowed by robot posts.
  const robotOutbox = createOutbox({
    store: createPrismaOutboxStore(deps.db),
    sender: createWecomRobotSender({
      webhook: extras.webhook ?? createWecomWebhookSender({ clock, maxWaitMs: ROBOT_MAX_WAIT_MS }),
      robots: config.broadcasts.robots,
      clock,
      tellStaff,
    }),
    account: "wecom-robot",
    clock,
    logger,
    intervalMs: 0,
    jitterMs: 0,
  });
  // A broadcast to a residents' group announcing a planned outage ("明天8:00-18:00 7号楼停水") is
  // noted, so residents who report it in the window are told instead of opening tickets.
  const outbox: typeof deps.outbox = Object.create(deps.outbox);
  outbox.enqueue = async (m, opts = {}) => {
    const queued = await deps.outbox.enqueue(m, opts);
    const room = m.to.kind === "room" ? rooms.get(m.to.id) : undefined;
    if (opts.broadcastRunId !== undefined && opts.key && room?.role === "resident") {
      await deps.outageNotices
        .note(m.text, room.id, room.topic, opts.key)
        .catch((err) => logger.warn("reading an outage notice failed", { reason: String(err) }));
    }
    return queued;
  };
  const service = createBroadcastService({
    store,
    clock,
    liveData: createLiveData(store, monthFiguresFrom(deps.db, loadFollowUpRules(config))),
    outbox,
    webhookOutbox: robotOutbox,
    rooms,
    robots: Object.keys(config.broadcasts.robots),
    graceMinutes: config.broadcasts.graceMinutes,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger,
  });
  const drafts = extras.drafts ?? (deps.llm ? createModelDraftWriter(deps.llm, logger) : undefined);

  const tick = () =>
    service.tick().catch((err) => {
      logger.error("broadcast tick failed", { reason: err instanceof Error ? err.message : String(err) });
      return { sent: [], missed: [], resumed: 0 };
    });

  return {
    name: "broadcasts",
    service,
    tick: service.tick,
    middleware: {
      commands: broadcastCommands({ service, rooms, robots: Object.keys(config.broadcasts.robots), clock, drafts }),
      understood: noteThanks(service),
    },
    timers: [{ name: "linli-broadcasts", cron: extras.tickCron ?? "* * * * *", timezone: "Asia/Shanghai", run: tick }],
    async start() {
      await robotOutbox.start();
      // Catch up first: slots missed while we were down are sent (within the grace window) or reported.
      await tick();
    },
    async stop() {
      await service.idle();
      await robotOutbox.stop();
    },
  };
}
