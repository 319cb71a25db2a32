// The 红色广播站 as a feature: staff commands in chat, residents' thanks noted as 好人好事,
// and a once-a-minute tick that sends due slots. node-cron only wakes us up; which slots
// are due is decided by slotsBetween and the database (node-cron 4.6 reads day-of-month
// and day-of-week differently from standard cron, and keeps no state across restarts).
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { Feature, FeatureDeps } from "../core/feature.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { createWecomWebhookSender, type WecomWebhookSender } from "../channels/wecom-webhook.js";
import { createOutbox } from "../outbox/outbox.js";
import { createPrismaBroadcastStore } from "../store/prisma-broadcast-store.js";
import { createPrismaOutboxStore } from "../store/prisma-outbox-store.js";
import type { Parsed } from "../understand/taxonomy.js";
import { broadcastCommands } from "./broadcast-commands.js";
import { type BroadcastService, createBroadcastService } from "./broadcast-service.js";
import type { BroadcastStore } from "./broadcast-store.js";
import { createLiveData } from "./create-live-data.js";
import { detectThanks } from "./detect-thanks.js";
import type { DraftWriter } from "./draft-writer.js";
import { createModelDraftWriter } from "./write-draft-with-model.js";
import { createWecomRobotSender } from "./wecom-robot-sender.js";

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

export function createBroadcastFeature(deps: FeatureDeps, extras: BroadcastFeatureExtras = {}): BroadcastFeature {
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
      clock,
      tellStaff,
    }),
    account: "wecom-robot",
    clock,
    logger,
    intervalMs: 0,
    jitterMs: 0,
  });
  const service = createBroadcastService({
    store,
    clock,
    liveData: createLiveData(store),
    outbox: deps.outbox,
    webhookOutbox: robotOutbox,
    rooms,
    graceMinutes: config.broadcasts.graceMinutes,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger,
  });
  const drafts = extras.drafts ?? (deps.llm ? createModelDraftWriter(deps.llm, logger) : undefined);
  let task: ScheduledTask | undefined;

  const tick = () =>
    service.tick().catch((err) => {
      logger.error("broadcast tick failed", { reason: err instanceof Error ? err.message : String(err) });
      return { sent: [], missed: [], resumed: 0 };
    });

  return {
    name: "broadcasts",
    service,
    tick: service.tick,
    commands: broadcastCommands({ service, rooms, clock, drafts }),
    afterUnderstanding: noteThanks(service),
    async start() {
      await robotOutbox.start();
      // Catch up first: slots missed while we were down are sent (within the grace window) or reported.
      await tick();
      task = cron.schedule(extras.tickCron ?? "* * * * *", () => void tick(), {
        timezone: "Asia/Shanghai",
        name: "linli-broadcasts",
        noOverlap: true,
      });
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      await service.idle();
      await robotOutbox.stop();
    },
  };
}

/** Residents' thanks in their rooms become 好人好事 for staff to review; the message goes on. */
function noteThanks(service: BroadcastService): Middleware<Context> {
  return async (ctx, next) => {
    const parsed = ctx.state.parsed as Parsed | undefined;
    if (ctx.room?.role === "resident" && parsed?.kind === "other" && detectThanks(ctx.text)) {
      await service.addPraise(ctx.actor, ctx.text, false);
    }
    return next();
  };
}
