// 催办 / 督办: each run looks at the tickets still running and takes the steps that are due:
// a reminder when a limit is near, an escalation when it passes (the resident told once per
// open period: once for the report, once more after each reopen), a question to a claimer with
// no progress and, unanswered, the ticket back to the pool; a reminder to rate; a staff
// follow-up of a 不满意 rating. Each step is sent with outbox keys
// and recorded once (a unique step row with its timeline event), so a restart or a second
// process sends nothing twice.
import { LinliError } from "../core/errors.js";
import type { Actor, Clock, Destination } from "../core/types.js";
import type { Enqueue } from "../tickets/ticket-service.js";
import {
  lastReopenedAt,
  movedSinceReopen,
  respondedSince,
  responseEvents,
  type Ticket,
  type TicketEvent,
  type TicketStore,
} from "../tickets/ticket.js";
import { ticketReplies } from "../tickets/ticket-replies.js";
import { type Due, limitsOf, pendingDues, spanEnd } from "./deadlines.js";
import type { FollowUpRules } from "./follow-up-rules.js";
import type { FollowUpStore } from "./follow-up-store.js";
import { formatWhen, followUpReplies as say } from "./follow-up-replies.js";

export interface FollowUpOptions {
  tickets: TicketStore;
  store: FollowUpStore;
  clock: Clock;
  enqueue: Enqueue;
  roomsOf(role: "volunteer" | "staff"): string[];
  rules: FollowUpRules;
  /** Staff on duty: the roster set by `值班 @某人`, else the configured names. */
  onDuty(): Promise<Actor[]>;
  /** A done ticket closes unrated after this (the rating reminder comes before). */
  ratingTimeoutHours: number;
}

export interface FollowUpCounts {
  reminded: number;
  escalated: number;
  residentsTold: number;
  asked: number;
  released: number;
  ratingReminded: number;
}

const epoch = (d: Date) => Math.floor(d.getTime() / 60_000);
const DAY = 24 * 3600_000;

export function createFollowUpService(o: FollowUpOptions) {
  const residentDest = (t: Ticket): Destination =>
    t.roomId ? { kind: "room", id: t.roomId } : { kind: "contact", id: t.residentId };
  const toResident = (t: Ticket, text: string, key: string) =>
    o.enqueue({ to: residentDest(t), text, mentionIds: t.roomId ? [t.residentId] : [] }, key);
  const toRooms = async (role: "volunteer" | "staff", text: string, key: string, mentionIds: string[] = []) => {
    for (const id of o.roomsOf(role)) await o.enqueue({ to: { kind: "room", id }, text, mentionIds }, `${key}:${id}`);
  };
  const toPerson = (id: string, text: string, key: string) => o.enqueue({ to: { kind: "contact", id }, text }, key);
  const event = (type: TicketEvent["type"], note: string, at: Date): Omit<TicketEvent, "ticketId"> => ({
    type,
    actorId: null,
    actorName: null,
    note,
    at,
  });

  /** Sends (idempotently) and then records the step; the sends are skipped when it was taken. */
  async function step(
    t: Ticket,
    name: string,
    e: Omit<TicketEvent, "ticketId">,
    send: (key: string) => Promise<void>,
  ): Promise<boolean> {
    if (await o.store.stepTakenAt(t.id, name)) return false;
    await send(`ticket:${t.id}:remind:${name}`);
    return o.store.takeStep(t.id, name, e);
  }

  const isStaffReply = (t: Ticket) => limitsOf(t, o.rules).finish === null;

  /**
   * A running ticket as follow-up chases it: `reopenedAt`, the latest time staff reopened it, which
   * starts a new open period (its limits count from then, and the resident may be told again).
   */
  type Chased = Ticket & { reopenedAt: Date | null };

  async function followDue(t: Chased, d: Due, now: Date, n: FollowUpCounts): Promise<void> {
    const staffReply = isStaffReply(t);
    const what = d.stage === "respond" ? (staffReply ? "答复" : "认领") : "办结";
    if (now >= d.dueAt) {
      const name = `${d.stage}:passed:${epoch(d.dueAt)}`;
      const sent = await step(t, name, event("escalated", `${what}超时, 已报社区督办`, now), async (key) => {
        await toRooms("staff", say.overdue(t, now, d.dueAt, staffReply), key);
        if (t.urgency === "urgent")
          for (const p of await o.onDuty()) await toPerson(p.id, say.overdueOnDuty(t, now), `${key}:duty:${p.id}`);
      });
      if (sent) n.escalated++;
      // Once per open period: once for the report, once again after each reopen.
      const chased = t.reopenedAt ? `chased:${epoch(t.reopenedAt)}` : "chased";
      const told = await step(t, chased, event("reminded", "已告知居民正在督办", now), (key) =>
        toResident(t, say.chased(t), key),
      );
      if (told) n.residentsTold++;
      return;
    }
    if (now >= d.nearAt) {
      const name = `${d.stage}:near:${epoch(d.dueAt)}`;
      const sent = await step(t, name, event("reminded", `${what}时限将到 (${formatWhen(d.dueAt)})`, now), (key) =>
        d.stage === "respond"
          ? toRooms(staffReply ? "staff" : "volunteer", say.nearRespond(t, now, d.dueAt, staffReply), key)
          : toRooms("volunteer", say.nearFinish(t, now, d.dueAt), key, t.volunteerId ? [t.volunteerId] : []),
      );
      if (sent) n.reminded++;
    }
  }

  async function followIdle(t: Ticket, events: TicketEvent[], now: Date, n: FollowUpCounts): Promise<void> {
    if (t.status !== "claimed" || !t.volunteerId) return;
    const last = events.filter((e) => responseEvents.has(e.type)).at(-1)?.at ?? t.claimedAt ?? t.createdAt;
    if (now < spanEnd(o.rules, last, o.rules.idleAsk)) return;
    const askName = `idle-ask:${epoch(last)}`;
    const volunteerId = t.volunteerId;
    if (
      await step(t, askName, { ...event("checked", "长时间无进展, 已私信询问认领人", now) }, (key) =>
        toPerson(volunteerId, say.stillOn(t), key),
      )
    )
      n.asked++;
    const askedAt = (await o.store.stepTakenAt(t.id, askName)) ?? now;
    if (now < spanEnd(o.rules, askedAt, o.rules.idleRelease)) return;
    const back = await o.tickets.transition(
      t.id,
      { from: ["claimed"], volunteerId },
      { status: "open", volunteerId: null, volunteerName: null, claimedAt: null },
      event("released", `${t.volunteerName ?? ""} 未回复进展询问, 自动退回任务池`, now),
    );
    if (!back) return;
    n.released++;
    const key = `ticket:${t.id}:remind:idle-release:${epoch(last)}`;
    await toPerson(volunteerId, say.releasedToClaimer(t), `${key}:claimer`);
    await toRooms(
      "volunteer",
      `${say.releasedInGroup(back, t.volunteerName ?? "认领人")}\n${ticketReplies.taskCard(back)}`,
      key,
    );
    await toResident(back, ticketReplies.volunteerGaveUp(back), `${key}:resident`);
  }

  async function followRating(t: Ticket, now: Date, n: FollowUpCounts): Promise<void> {
    if (t.status !== "done" || !t.doneAt) return;
    const remindAt = spanEnd(o.rules, t.doneAt, o.rules.ratingReminder);
    const closesAt = t.doneAt.getTime() + o.ratingTimeoutHours * 3600_000;
    if (now < remindAt || now.getTime() >= closesAt) return;
    const sent = await step(t, `rating:${epoch(t.doneAt)}`, event("reminded", "已提醒居民评价", now), (key) =>
      toResident(t, say.ratingReminder(t), key),
    );
    if (sent) n.ratingReminded++;
  }

  async function followUnsatisfied(t: Ticket, events: TicketEvent[], now: Date, n: FollowUpCounts): Promise<void> {
    if (t.status !== "closed" || t.ratingLabel !== "unsatisfied" || !t.closedAt) return;
    const since = t.closedAt;
    if (events.some((e) => e.at >= since && (e.type === "assigned" || e.type === "progress"))) return;
    const dueAt = spanEnd(o.rules, since, o.rules.unsatisfied);
    const nearAt = spanEnd(o.rules, since, o.rules.unsatisfied, o.rules.nearShare);
    if (now >= dueAt) {
      const sent = await step(
        t,
        `revisit:passed:${epoch(since)}`,
        event("escalated", "不满意回访超时, 已报社区督办", now),
        async (key) => {
          await toRooms("staff", say.unsatisfiedOverdue(t, dueAt), key);
          for (const p of await o.onDuty()) await toPerson(p.id, say.unsatisfiedOnDuty(t), `${key}:duty:${p.id}`);
        },
      );
      if (sent) n.escalated++;
    } else if (now >= nearAt) {
      const sent = await step(t, `revisit:near:${epoch(since)}`, event("reminded", "不满意回访时限将到", now), (key) =>
        toRooms("staff", say.unsatisfiedNear(t, dueAt), key),
      );
      if (sent) n.reminded++;
    }
  }

  async function mustGet(id: number): Promise<Ticket> {
    const t = await o.tickets.get(id);
    if (!t) throw new LinliError("ticket_not_found", `ticket ${id} not found`, { id });
    return t;
  }

  return {
    rules: o.rules,

    /** One run over the tickets still running. Run periodically. */
    async run(): Promise<FollowUpCounts> {
      const now = o.clock.now();
      const n: FollowUpCounts = {
        reminded: 0,
        escalated: 0,
        residentsTold: 0,
        asked: 0,
        released: 0,
        ratingReminded: 0,
      };
      for (const t of await o.tickets.listByStatus(["open", "claimed"], 2000)) {
        const events = await o.tickets.events(t.id);
        // Reopened by staff: the limits, and whether anyone took it on, count from then; a limit
        // moved with 延期 before the reopen is gone with it.
        const reopenedAt = lastReopenedAt(events);
        const responded = t.status !== "open" || respondedSince(events, reopenedAt);
        const moved = await o.store.movedLimit(t.id);
        const movedTo = movedSinceReopen(moved?.dueAt ?? null, moved?.at ?? null, reopenedAt);
        const chased = { ...t, reopenedAt };
        for (const d of pendingDues(chased, o.rules, responded, movedTo)) await followDue(chased, d, now, n);
        await followIdle(t, events, now, n);
      }
      for (const t of await o.tickets.listByStatus(["done"], 2000)) await followRating(t, now, n);
      for (const id of await o.store.listUnsatisfiedSince(new Date(now.getTime() - 30 * DAY))) {
        const t = await o.tickets.get(id);
        if (t) await followUnsatisfied(t, await o.tickets.events(id), now, n);
      }
      return n;
    },

    /** `进展 N 说明`: the one who holds the ticket, or staff; the resident is told. */
    async recordProgress(id: number, actor: Actor, note: string, asStaff: boolean, messageId: string) {
      const now = o.clock.now();
      const t = await mustGet(id);
      const revisit = t.status === "closed" && t.ratingLabel === "unsatisfied" && asStaff;
      if ((t.status === "closed" && !revisit) || t.status === "done")
        throw new LinliError("bad_state", "finished", { ticket: t });
      if (!asStaff && t.volunteerId !== actor.id) throw new LinliError("not_claimer", "not claimer", { ticket: t });
      await o.tickets.addEvent({
        ticketId: id,
        type: "progress",
        actorId: actor.id,
        actorName: actor.name,
        note,
        at: now,
      });
      await toResident(t, say.progressToResident(t, note), `ticket:${id}:progress:${messageId}`);
      return t;
    },

    /** `延期 N 原因 日期` (staff): the limit moves to the end of that working day; the resident is told. */
    async extend(id: number, staff: Actor, reason: string, dueAt: Date, messageId: string) {
      const now = o.clock.now();
      const t = await mustGet(id);
      if (t.status === "done" || t.status === "closed") throw new LinliError("bad_state", "finished", { ticket: t });
      if (dueAt <= now) throw new LinliError("bad_input", "in the past", {});
      await o.store.moveLimit(id, { dueAt, reason }, staff, now, `${reason} (延至 ${formatWhen(dueAt)})`);
      await toResident(t, say.extendedToResident(t, reason, dueAt), `ticket:${id}:extended:${messageId}`);
      return t;
    },

    onDuty: () => o.onDuty(),
    setOnDuty: (people: Actor[], by: Actor) => o.store.setOnDuty(people, by, o.clock.now()),
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
