// Turns schedule slots into sends, each slot once. The database decides who runs a slot:
// the run row is unique per (broadcast, slot), so inserting it is the claim. Every room
// gets its parts through the outbox under a key naming run, room and part, so a process
// that stops mid-run can be resumed (by itself or another) without any room hearing twice.
import type { Clock, Logger, OutgoingMessage } from "../core/types.js";
import type { EnqueueOptions } from "../outbox/outbox.js";
import { broadcastReplies, type MissedRun } from "./broadcast-replies.js";
import type { BroadcastRun, BroadcastStore, StoredBroadcast } from "./broadcast-store.js";
import { type LiveData, renderBroadcast } from "./render-broadcast.js";
import { type RoomLookup, resolveTargets } from "./resolve-targets.js";
import { type Schedule, slotsBetween } from "./schedule.js";
import { splitText, WECHAT_MAX_BYTES, WECOM_ROBOT_MAX_BYTES } from "./split-text.js";

/** Port: the outbox (stores before sending, dedupes by key, paces per account). */
export interface BroadcastOutbox {
  enqueue(message: OutgoingMessage, options: EnqueueOptions): Promise<boolean>;
}

export interface BroadcastRunnerOptions {
  store: BroadcastStore;
  clock: Clock;
  liveData: LiveData;
  outbox: BroadcastOutbox;
  /** The outbox account for WeCom group robots (named in config); absent, they are skipped. */
  webhookOutbox?: BroadcastOutbox;
  rooms: RoomLookup;
  /** Names of the WeCom group robots in config (LINLI_WECOM_ROBOTS). */
  robots?: readonly string[];
  /** A slot found at most this late is still sent; older ones are recorded as missed. */
  graceMinutes: number;
  /** Names this process in the run rows it claims (for the log; ownership is the row itself). */
  owner: string;
  logger: Logger;
  maxBytes?: number;
}

export interface TickResult {
  sent: BroadcastRun[];
  missed: MissedRun[];
  resumed: number;
}

export type SendResult = { ok: true; run: BroadcastRun; rooms: number } | { ok: false; reason: "taken" | "no_rooms" };

export function createBroadcastRunner(o: BroadcastRunnerOptions) {
  const maxBytes = o.maxBytes ?? WECHAT_MAX_BYTES;
  const graceMs = o.graceMinutes * 60_000;
  let ticking: Promise<unknown> = Promise.resolve();

  /** Enqueues every part for every room; safe to repeat for the same run. */
  async function deliver(run: BroadcastRun, b: StoredBroadcast): Promise<number> {
    const { roomIds, robots: robotNames, missing } = resolveTargets(b.targets, o.rooms, o.robots);
    if (missing.length > 0) o.logger.warn("broadcast rooms not found", { broadcastId: b.id, runId: run.id, missing });
    const now = o.clock.now();
    const robots = await deliverToRobots(run, robotNames);
    if (roomIds.length === 0 && robots === 0) {
      await o.store.finishRun(run.id, "failed", now);
      await tellStaff(broadcastReplies.runFailedNoRooms(b, run.slot, now), `broadcast:${run.id}:no-rooms`);
      return 0;
    }
    const parts = splitText(run.text ?? "", maxBytes);
    for (const roomId of roomIds) {
      for (const [i, part] of parts.entries()) {
        await o.outbox.enqueue(
          { to: { kind: "room", id: roomId }, text: part, mentionIds: [] },
          { key: `broadcast:${run.id}:${roomId}:${i}`, broadcastRunId: run.id },
        );
      }
    }
    await o.store.finishRun(run.id, "sent", o.clock.now());
    o.logger.info("broadcast run queued", {
      broadcastId: b.id,
      runId: run.id,
      rooms: roomIds.length,
      robots,
      parts: parts.length,
    });
    return roomIds.length + robots;
  }

  /** Each robot post is one outbox row, cut to the robot's 2048 bytes, so a retry never repeats a part. */
  async function deliverToRobots(run: BroadcastRun, names: readonly string[]): Promise<number> {
    if (names.length === 0) return 0;
    if (!o.webhookOutbox) {
      o.logger.warn("broadcast has robot targets but no robot channel", { runId: run.id, robots: names.length });
      return 0;
    }
    const parts = splitText(run.text ?? "", WECOM_ROBOT_MAX_BYTES);
    for (const [r, name] of names.entries()) {
      for (const [i, part] of parts.entries()) {
        // The row names the robot, never its key: the sender looks the key up in config.
        await o.webhookOutbox.enqueue(
          { to: { kind: "room", id: name }, text: part, mentionIds: [] },
          { key: `broadcast:${run.id}:robot${r}:${i}`, broadcastRunId: run.id },
        );
      }
    }
    return names.length;
  }

  /**
   * Renders, claims the slot and delivers; `taken` when the slot already has a run.
   * `claimed` runs between the claim and the delivery, so a confirmation to the staff
   * member who asked is queued before the broadcast it confirms.
   */
  async function runSlot(
    b: StoredBroadcast,
    slot: Date,
    claimed?: (rooms: number) => Promise<void>,
  ): Promise<SendResult> {
    const now = o.clock.now();
    const resolved = resolveTargets(b.targets, o.rooms, o.robots);
    if (resolved.roomIds.length === 0 && (resolved.robots.length === 0 || !o.webhookOutbox)) {
      const run = await o.store.claimRun({
        broadcastId: b.id,
        slot,
        state: "failed",
        text: null,
        owner: o.owner,
        at: now,
      });
      if (run) await tellStaff(broadcastReplies.runFailedNoRooms(b, slot, now), `broadcast:${run.id}:no-rooms`);
      return run ? { ok: false, reason: "no_rooms" } : { ok: false, reason: "taken" };
    }
    // Rendered before the claim so the stored text is final: a resumed run sends exactly it.
    const { text } = await renderBroadcast(b.content, o.liveData, now);
    const run = await o.store.claimRun({ broadcastId: b.id, slot, state: "sending", text, owner: o.owner, at: now });
    if (!run) return { ok: false, reason: "taken" };
    await claimed?.(resolved.roomIds.length + (o.webhookOutbox ? resolved.robots.length : 0));
    const rooms = await deliver(run, b);
    return rooms > 0 ? { ok: true, run, rooms } : { ok: false, reason: "no_rooms" };
  }

  async function tellStaff(text: string, key: string): Promise<void> {
    for (const id of o.rooms.idsByRole("staff")) {
      await o.outbox.enqueue({ to: { kind: "room", id }, text, mentionIds: [] }, { key: `${key}:${id}` });
    }
  }

  async function resumeUnfinished(): Promise<number> {
    let resumed = 0;
    for (const run of await o.store.unfinishedRuns()) {
      const b = await o.store.get(run.broadcastId);
      if (!b) {
        await o.store.finishRun(run.id, "failed", o.clock.now());
        continue;
      }
      await deliver(run, b);
      resumed++;
    }
    return resumed;
  }

  async function tickOnce(): Promise<TickResult> {
    const now = o.clock.now();
    const result: TickResult = { sent: [], missed: [], resumed: await resumeUnfinished() };
    const last = await o.store.lastTick();
    // Slots at most graceMs late are due; anything older is missed.
    const missedUntil = new Date(now.getTime() - graceMs - 1);
    let failures = 0;
    for (const b of await o.store.listActive()) {
      if (!b.schedule) continue;
      // A slot before the broadcast existed, or while it was paused, is not owed to anyone.
      const from = last && last > b.updatedAt ? last : b.updatedAt;
      try {
        for (const slot of lateSlots(b.schedule, from, missedUntil)) {
          const run = await o.store.claimRun({
            broadcastId: b.id,
            slot,
            state: "missed",
            text: null,
            owner: o.owner,
            at: now,
          });
          if (run) result.missed.push({ broadcast: b, slot });
        }
        const dueFrom = from > missedUntil ? from : missedUntil;
        for (const slot of slotsBetween(b.schedule, dueFrom, now)) {
          const r = await runSlot(b, slot);
          if (r.ok) result.sent.push(r.run);
        }
      } catch (err) {
        failures++;
        o.logger.error("broadcast tick failed", {
          broadcastId: b.id,
          reason: err instanceof Error ? err.message : String(err),
        });
      }
    }
    if (result.missed.length > 0) {
      const first = result.missed[0]!;
      await tellStaff(
        broadcastReplies.missed(result.missed, o.graceMinutes, now),
        `broadcast:missed:${first.broadcast.id}:${first.slot.getTime()}`,
      );
    }
    // Keep the mark when something failed, so the next tick tries those slots again.
    if (failures === 0) await o.store.saveLastTick(now);
    return result;
  }

  return {
    /** Sends what is due since the last look, records what is too late; one tick at a time per process. */
    tick(): Promise<TickResult> {
      const next = ticking.then(tickOnce, tickOnce);
      ticking = next.catch(() => undefined);
      return next;
    },
    runSlot,
    /** Resolves when no tick is under way (for stop). */
    idle: () => ticking.then(() => undefined),
  };
}

/** Slots in (from, until], or none when the window is empty. */
function lateSlots(schedule: Schedule, from: Date, until: Date): Date[] {
  return from < until ? slotsBetween(schedule, from, until) : [];
}

export type BroadcastRunner = ReturnType<typeof createBroadcastRunner>;
