// What staff can do with broadcasts and praise notes, checked and recorded in the audit
// log. Takes ports and a clock only; the chat wording lives in broadcast-replies.ts.
import { LinliError } from "../core/errors.js";
import type { Clock } from "../core/types.js";
import { createBroadcastRunner, type BroadcastRunnerOptions, type SendResult } from "./broadcast-runner.js";
import type {
  BroadcastStatus,
  BroadcastStore,
  Person,
  RunDelivery,
  RunState,
  StoredBroadcast,
  StoredPraise,
} from "./broadcast-store.js";
import { chinaMonthOf } from "../text/china-time.js";
import { describeSchedule } from "./describe-schedule.js";
import type { BroadcastTarget } from "./parse-broadcast-targets.js";
import { renderBroadcast, type RenderedBroadcast } from "./render-broadcast.js";
import { resolveTargets } from "./resolve-targets.js";
import { type Schedule, slotsBetween } from "./schedule.js";

export type BroadcastServiceOptions = BroadcastRunnerOptions & { store: BroadcastStore; clock: Clock };

export type StatusChange = { changed: boolean; broadcast: StoredBroadcast };

/** How one chat fared in one run: sent, failed, missed (too late, not sent), queued, or uncertain. */
export type ChatDelivery = {
  chat: string;
  kind: "room" | "robot";
  state: "sent" | "failed" | "missed" | "queued" | "uncertain";
  sentAt: Date | null;
};

export interface RunHistory {
  id: number;
  slot: Date;
  state: RunState;
  chats: ChatDelivery[];
}

/** A slot on the calendar: one already run (its state) or one still planned. */
export interface CalendarEntry {
  broadcastId: number;
  at: Date;
  state: RunState | "planned";
}

/** At most this many planned slots per broadcast in one calendar window. */
const MAX_PLANNED_SLOTS = 200;

export function createBroadcastService(o: BroadcastServiceOptions) {
  const { store, clock } = o;
  const runner = createBroadcastRunner(o);

  async function find(id: number, allowDraft = false): Promise<StoredBroadcast> {
    const b = await store.get(id);
    if (!b || (b.status === "draft" && !allowDraft))
      throw new LinliError("not_found", `broadcast ${id} not found`, { id });
    return b;
  }

  async function audit(actor: Person, action: string, detail: Record<string, unknown>): Promise<void> {
    await store.audit({ actor, action, detail, at: clock.now() });
  }

  async function setStatus(
    actor: Person,
    id: number,
    from: BroadcastStatus[],
    to: BroadcastStatus,
  ): Promise<StatusChange> {
    const b = await find(id, from.includes("draft"));
    if (!from.includes(b.status)) return { changed: false, broadcast: b };
    const updated = await store.update(id, { status: to }, clock.now());
    await audit(actor, `broadcast.${to === "active" ? "resume" : to === "paused" ? "pause" : "delete"}`, { id });
    return { changed: true, broadcast: updated };
  }

  return {
    runner,
    tick: runner.tick,
    idle: runner.idle,

    async schedule(
      actor: Person,
      c: { schedule: Schedule; targets: BroadcastTarget[]; content: string },
    ): Promise<StoredBroadcast> {
      const b = await store.create({
        schedule: c.schedule,
        description: describeSchedule(c.schedule),
        targets: c.targets,
        content: c.content,
        status: "active",
        createdBy: actor,
        at: clock.now(),
      });
      await audit(actor, "broadcast.create", {
        id: b.id,
        schedule: c.schedule,
        targets: c.targets,
        content: c.content,
      });
      return b;
    },

    list: () => store.list().then((all) => all.filter((b) => b.status !== "draft")),
    /** One broadcast (not a draft, not deleted); not_found otherwise. */
    get: (id: number) => find(id),

    /**
     * Changes time, rooms and text of a broadcast, keeping it paused or active. Slots between
     * the last tick and now are not caught up (as after a pause): the new schedule starts now.
     */
    async edit(
      actor: Person,
      id: number,
      c: { schedule: Schedule; targets: BroadcastTarget[]; content: string },
    ): Promise<StoredBroadcast> {
      await find(id);
      const updated = await store.update(
        id,
        { schedule: c.schedule, description: describeSchedule(c.schedule), targets: c.targets, content: c.content },
        clock.now(),
      );
      await audit(actor, "broadcast.edit", { id, schedule: c.schedule, targets: c.targets, content: c.content });
      return updated;
    },

    /** The live fields of `content` filled as they would be if it were sent now (nothing stored). */
    render: (content: string) => renderBroadcast(content, o.liveData, clock.now()),

    /** The latest runs of a broadcast with how each chat fared (from the run and outbox rows). */
    async history(id: number, limit = 20): Promise<RunHistory[]> {
      const b = await find(id);
      const runs = await store.runsOf(id, limit);
      const deliveries = await store.deliveries(runs.map((r) => r.id));
      const topics = new Map(o.rooms.all().map((r) => [r.id, r.topic]));
      return runs.map((run) => {
        let chats: ChatDelivery[];
        if (run.state === "missed") {
          // Nothing was queued: the chats it was owed to are the ones its targets name now.
          const { roomIds, robots } = resolveTargets(b.targets, o.rooms, o.robots);
          chats = [
            ...roomIds.map((id) => ({ chat: topics.get(id) ?? "已解绑的群", kind: "room" as const })),
            ...robots.map((name) => ({ chat: name, kind: "robot" as const })),
          ].map((c) => ({ ...c, state: "missed", sentAt: null }));
        } else {
          chats = deliveries
            .filter((d) => d.runId === run.id)
            .map((d) => ({
              chat: d.account === "wecom-robot" ? d.destId : (topics.get(d.destId) ?? "已解绑的群"),
              kind: d.account === "wecom-robot" ? "robot" : "room",
              state: deliveryState(d),
              sentAt: d.sentAt,
            }));
        }
        return { id: run.id, slot: run.slot, state: run.state, chats };
      });
    },

    /** Runs recorded in [from, to) and the slots still planned there for active broadcasts. */
    async calendar(from: Date, to: Date): Promise<CalendarEntry[]> {
      const now = clock.now();
      const entries: CalendarEntry[] = (await store.runsBetween(from, to)).map((r) => ({
        broadcastId: r.broadcastId,
        at: r.slot,
        state: r.state,
      }));
      const plannedFrom = new Date(Math.max(from.getTime() - 1, now.getTime()));
      const plannedTo = new Date(to.getTime() - 1);
      for (const b of await store.listActive()) {
        if (!b.schedule || plannedFrom >= plannedTo) continue;
        for (const at of slotsBetween(b.schedule, plannedFrom, plannedTo, MAX_PLANNED_SLOTS)) {
          if (!entries.some((e) => e.broadcastId === b.id && e.at.getTime() === at.getTime()))
            entries.push({ broadcastId: b.id, at, state: "planned" });
        }
      }
      return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.broadcastId - b.broadcastId);
    },
    pause: (actor: Person, id: number) => setStatus(actor, id, ["active"], "paused"),
    resume: (actor: Person, id: number) => setStatus(actor, id, ["paused"], "active"),
    remove: (actor: Person, id: number) => setStatus(actor, id, ["active", "paused", "draft"], "deleted"),

    async preview(id: number): Promise<{ broadcast: StoredBroadcast; rendered: RenderedBroadcast }> {
      const b = await find(id, true);
      return { broadcast: b, rendered: await renderBroadcast(b.content, o.liveData, clock.now()) };
    },

    /** Sends now as the run of the current minute (so two `立即广播` in one minute send once). */
    async sendNow(
      actor: Person,
      id: number,
      claimed?: (b: StoredBroadcast, rooms: number) => Promise<void>,
    ): Promise<{ broadcast: StoredBroadcast; result: SendResult }> {
      const b = await find(id);
      const slot = floorToMinute(clock.now());
      const result = await runner.runSlot(b, slot, claimed && ((rooms) => claimed(b, rooms)));
      await audit(actor, "broadcast.send-now", {
        id,
        slot: slot.toISOString(),
        outcome: result.ok ? "sent" : result.reason,
      });
      return { broadcast: b, result };
    },

    /** Rooms the targets name right now (for the confirmation). */
    roomCount: (b: StoredBroadcast) => resolveTargets(b.targets, o.rooms, o.robots).roomIds.length,

    /** A model's draft: stored, never sent until staff confirm it with a time and rooms. */
    async saveDraft(actor: Person, topic: string, content: string): Promise<StoredBroadcast> {
      const b = await store.create({
        schedule: null,
        description: "草稿",
        targets: [],
        content,
        status: "draft",
        createdBy: actor,
        at: clock.now(),
      });
      await audit(actor, "broadcast.draft", { id: b.id, topic });
      return b;
    },

    async confirmDraft(
      actor: Person,
      id: number,
      schedule: Schedule,
      targets: BroadcastTarget[],
    ): Promise<StoredBroadcast> {
      const b = await find(id, true);
      if (b.status !== "draft") throw new LinliError("bad_state", `broadcast ${id} is not a draft`, { id });
      const updated = await store.update(
        id,
        { status: "active", schedule, description: describeSchedule(schedule), targets },
        clock.now(),
      );
      await audit(actor, "broadcast.confirm", { id, schedule, targets });
      return updated;
    },

    async addPraise(author: Person, text: string, fromStaff: boolean): Promise<StoredPraise> {
      const p = await store.addPraise({
        text,
        source: fromStaff ? "staff" : "thanks",
        author,
        approved: fromStaff,
        at: clock.now(),
      });
      if (fromStaff) await audit(author, "praise.create", { id: p.id, text });
      return p;
    },

    async monthPraises(): Promise<StoredPraise[]> {
      const { from, to } = chinaMonthOf(clock.now());
      return store.praisesBetween(from, to);
    },

    async reviewPraise(actor: Person, id: number, approved: boolean): Promise<StoredPraise> {
      const p = await store.getPraise(id);
      if (!p) throw new LinliError("not_found", `praise ${id} not found`, { id });
      const updated = await store.setPraiseApproved(id, approved);
      await audit(actor, approved ? "praise.approve" : "praise.reject", { id });
      return updated;
    },
  };
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;

function deliveryState(d: RunDelivery): ChatDelivery["state"] {
  if (d.states.every((s) => s === "sent")) return "sent";
  if (d.states.includes("failed")) return "failed";
  if (d.states.includes("uncertain")) return "uncertain";
  return "queued";
}

/** Floors to the minute: the slot of an immediate send. */
function floorToMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
}
