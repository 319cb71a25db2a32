// The ticket lifecycle: open → claimed → done → closed (rated or not), with every change
// recorded and the right people told. Knows no transport and no database: it takes ports.
import { LinliError } from "../core/errors.js";
import type { Clock } from "../core/types.js";
import { sendPriority } from "../outbox/outbox.js";
import type { Parsed } from "../understand/taxonomy.js";
import { findRepeat } from "./find-repeat.js";
import { findPhone, summarize } from "./mask.js";
import { readCloseKind } from "./read-close-kind.js";
import type { Actor, StepEvent, Ticket, TicketStore } from "./ticket.js";
import { claimerOfClosed, formatLocation, ticketReplies as say } from "./ticket-replies.js";
import { placeReplies } from "./emergency-replies.js";
import { placeUnknown } from "./infer-place.js";
import { mergeParts } from "./ticket-merges.js";
import { createReportLinks } from "./report-links.js";
import { createWithdraw } from "./withdraw-ticket.js";
import { createTicketBoard, type Listed, type PastLimit } from "./ticket-board.js";
import { createTimeline } from "./ticket-timeline.js";
import { createStaffActions } from "./staff-actions.js";
import { boardReplies } from "./board-replies.js";
import type { Location } from "../understand/taxonomy.js";

import { createNotify, type Enqueue } from "./notify.js";

export type { Enqueue } from "./notify.js";

export interface TicketServiceOptions {
  store: TicketStore;
  clock: Clock;
  enqueue: Enqueue;
  roomsOf(role: "volunteer" | "staff"): string[];
  ratingTimeoutHours: number;
  /**
   * Follow-up's rule: whether a running ticket is past a time limit (延期 included). The facts it
   * needs are read in bulk, so staff's list and the board cost two queries, not two per ticket.
   */
  pastLimit: PastLimit;
  /** Another resident's report of the same building-wide problem within this many hours joins the first ticket. */
  mergeWindowHours: number;
  /** The community's duty phone, told with the advice for an urgent report. */
  dutyPhone?: string;
  /** Most claims one volunteer may make in an hour (each claim reveals a resident's phone); 0: no limit. */
  claimsPerHour?: number;
  /**
   * A resident who opened `tickets` tickets within `windowMs` has the next ones folded into the
   * latest (kept as its events); `tickets` 0: never. Default 5 a minute.
   */
  flood?: { tickets: number; windowMs: number };
}

export interface Intake {
  messageId: string;
  resident: Actor;
  roomId: string | null;
  roomTopic: string | null;
  text: string;
  parsed: Parsed;
}

/** The same words from the same resident within this are answered once (by the first reply). */
const sameTextMs = 10 * 60_000;

export function createTicketService(o: TicketServiceOptions) {
  const notify = createNotify(o);
  const { toResident, toRooms, toPerson } = notify;
  const links = createReportLinks({ store: o.store, clock: o.clock, notify, windowHours: o.mergeWindowHours });
  const board = createTicketBoard({ store: o.store, clock: o.clock, pastLimit: o.pastLimit });
  const staffActions = createStaffActions({ store: o.store, clock: o.clock, notify });
  const flood = o.flood ?? { tickets: 5, windowMs: 60_000 };

  async function mustGet(id: number): Promise<Ticket> {
    const t = await o.store.get(id);
    if (!t) throw new LinliError("ticket_not_found", `ticket ${id} not found`, { id });
    return t;
  }

  /**
   * A burst from one resident: the request is kept with their latest ticket (nothing lost) and
   * they are told kindly, once per ticket, that it is all in hand.
   */
  async function fold(latest: Ticket, intake: Intake, now: Date): Promise<Ticket> {
    await o.store.addEvent({
      ticketId: latest.id,
      type: "folded",
      actorId: intake.resident.id,
      actorName: intake.resident.name,
      note: summarize(intake.text, 200),
      at: now,
    });
    await toResident(latest, say.foldedBurst(latest), `ticket:${latest.id}:folded`, sendPriority.reply);
    return latest;
  }

  return {
    /** A resident's request becomes a ticket; the resident, volunteers and (if urgent) staff are told. */
    async open(intake: Intake): Promise<Ticket> {
      const now = o.clock.now();
      const recent = await o.store.listByResident(intake.resident.id, Math.max(5, flood.tickets));
      // The same words again (a resend, or a burst of copies): the first reply answers them all.
      const same = recent.find(
        (t) => t.text.trim() === intake.text.trim() && now.getTime() - t.createdAt.getTime() < sameTextMs,
      );
      if (same && same.sourceMessageId !== intake.messageId) return same;
      // An urgent message is never folded into an older ticket: staff must hear it now.
      const urgentReport = intake.parsed.urgency === "urgent";
      if (!urgentReport) {
        const repeat = findRepeat(recent, intake.text, intake.parsed, now);
        if (repeat && repeat.sourceMessageId !== intake.messageId) {
          // On the ticket's timeline: staff see what the resident said again.
          await o.store.addEvent({
            ticketId: repeat.id,
            type: "repeated",
            actorId: intake.resident.id,
            actorName: intake.resident.name,
            note: summarize(intake.text, 200),
            at: now,
          });
          await toResident(
            repeat,
            say.alreadyRegistered(repeat),
            `ticket:${repeat.id}:repeat:${intake.messageId}`,
            sendPriority.reply,
            repeat.roomId ? { kind: "repeat", part: mergeParts.resident(repeat) } : undefined,
          );
          return repeat;
        }
        const burst = recent.filter((t) => now.getTime() - t.createdAt.getTime() < flood.windowMs);
        const latest = burst[0];
        const flooding = flood.tickets > 0 && burst.length >= flood.tickets;
        if (latest && flooding && !recent.some((t) => t.sourceMessageId === intake.messageId))
          return fold(latest, intake, now);
      }
      const { ticket, created } = await o.store.create({
        sourceMessageId: intake.messageId,
        residentId: intake.resident.id,
        residentName: intake.resident.name,
        roomId: intake.roomId,
        roomTopic: intake.roomTopic,
        text: intake.text,
        summary: summarize(intake.text, 60),
        phone: findPhone(intake.text),
        category: intake.parsed.category ?? "other",
        urgency: intake.parsed.urgency ?? "normal",
        building: intake.parsed.building,
        unit: intake.parsed.unit,
        room: intake.parsed.room,
        createdAt: now,
      });
      const k = `ticket:${ticket.id}:created`;
      if (!created) return ticket;
      // Another resident already reported this building-wide problem: one ticket, one card.
      const shared = urgentReport
        ? null
        : await links.findTarget({
            residentId: intake.resident.id,
            roomTopic: intake.roomTopic,
            text: intake.text,
            parsed: intake.parsed,
          });
      if (shared && shared.id !== ticket.id) return links.linkNew(ticket, shared, intake.messageId);
      // No place said and none in the group's name: ask once. An ordinary request asks in its
      // acknowledgement; an urgent one asks only after the alert and the card have gone out.
      const askWhere = placeUnknown(ticket);
      const urgent = ticket.urgency === "urgent";
      const ack = say.acknowledged(ticket, o.dutyPhone);
      // Urgent: staff first (they can act), then the resident's advice, both before anything else.
      if (urgent) await toRooms("staff", say.urgentAlert(ticket), `${k}:urgent`, sendPriority.urgent);
      await toResident(
        ticket,
        askWhere && !urgent ? `${ack}${placeReplies.askWhere()}` : ack,
        `${k}:ack`,
        urgent ? sendPriority.urgent : sendPriority.reply,
        urgent || askWhere || !ticket.roomId ? undefined : { kind: "ack", part: mergeParts.resident(ticket) },
      );
      await toRooms(
        "volunteer",
        say.taskCard(ticket),
        `${k}:card`,
        undefined,
        urgent ? undefined : { kind: "card", part: mergeParts.card(ticket) },
      );
      if (askWhere) {
        if (urgent) await toResident(ticket, placeReplies.askWhereUrgent(ticket.id), `${k}:ask-where`);
        await o.store.addEvent({
          ticketId: ticket.id,
          type: "location_asked",
          actorId: null,
          actorName: null,
          note: null,
          at: now,
        });
      }
      return ticket;
    },

    /**
     * The resident's answer to "在几号楼几单元呀?": fills in the place of their open ticket in the same
     * chat that was asked and has no place yet, and tells volunteers (and staff, when urgent).
     * Returns null when no ticket is waiting for a place.
     */
    async addPlace(resident: Actor, roomId: string | null, place: Location, messageId: string): Promise<Ticket | null> {
      const now = o.clock.now();
      for (const t of await o.store.listByResident(resident.id, 5)) {
        if (t.status !== "open" && t.status !== "claimed") continue;
        if (t.roomId !== roomId || t.building || t.unit || t.room) continue;
        if (now.getTime() - t.createdAt.getTime() > 24 * 3600_000) continue;
        const events = await o.store.events(t.id);
        if (!events.some((e) => e.type === "location_asked") || events.some((e) => e.type === "located")) continue;
        const where = formatLocation({ ...place, roomTopic: null });
        const located = await o.store.transition(
          t.id,
          { from: ["open", "claimed"] },
          { building: place.building, unit: place.unit, room: place.room },
          { type: "located", actorId: resident.id, actorName: resident.name, note: where, at: now },
        );
        if (!located) return null;
        const k = `ticket:${t.id}:located:${messageId}`;
        await toResident(located, placeReplies.noted(t.id, where), `${k}:resident`);
        await toRooms("volunteer", placeReplies.forVolunteers(t.id, where), `${k}:volunteers`);
        if (located.volunteerId)
          await toPerson(located.volunteerId, placeReplies.forVolunteers(t.id, where), `${k}:claimer`);
        if (located.urgency === "urgent") await toRooms("staff", placeReplies.forVolunteers(t.id, where), `${k}:staff`);
        return located;
      }
      return null;
    },

    async claim(id: number, volunteer: Actor, messageId: string): Promise<Ticket> {
      const now = o.clock.now();
      const limit = o.claimsPerHour ?? 0;
      if (limit > 0) {
        const recent = await o.store.countEventsBy(volunteer.id, "claimed", new Date(now.getTime() - 3600_000));
        if (recent >= limit) throw new LinliError("too_many", "claims per hour", { limit });
      }
      const won = await o.store.transition(
        id,
        { from: ["open"] },
        { status: "claimed", volunteerId: volunteer.id, volunteerName: volunteer.name, claimedAt: now },
        { type: "claimed", actorId: volunteer.id, actorName: volunteer.name, note: null, at: now },
      );
      if (!won) {
        const t = await mustGet(id);
        if (t.volunteerId === volunteer.id && t.status === "claimed")
          throw new LinliError("already_claimed", "yours", { ticket: t, yours: true });
        if (t.status === "claimed") throw new LinliError("already_claimed", "claimed", { ticket: t });
        throw new LinliError("bad_state", "not open", { ticket: t, action: "认领" });
      }
      const k = `ticket:${id}:claimed:${messageId}`;
      await toRooms("volunteer", say.claimedInGroup(won), k, sendPriority.reply);
      await toPerson(volunteer.id, say.claimerContact(won), `${k}:contact`);
      await toResident(won, say.volunteerComing(won), `${k}:resident`);
      return won;
    },

    async release(id: number, actor: Actor, messageId: string, asStaff: boolean): Promise<Ticket> {
      const now = o.clock.now();
      const t = await mustGet(id);
      if (t.status !== "claimed") throw new LinliError("bad_state", "not claimed", { ticket: t, action: "放弃" });
      if (t.volunteerId !== actor.id && !asStaff) throw new LinliError("not_claimer", "not claimer", { ticket: t });
      const back = await o.store.transition(
        id,
        { from: ["claimed"], volunteerId: t.volunteerId ?? undefined },
        { status: "open", volunteerId: null, volunteerName: null, claimedAt: null },
        { type: "released", actorId: actor.id, actorName: actor.name, note: null, at: now },
      );
      if (!back) throw new LinliError("bad_state", "changed meanwhile", { ticket: await mustGet(id), action: "放弃" });
      await toRooms(
        "volunteer",
        `${say.released(back, actor.name)}\n${say.taskCard(back)}`,
        `ticket:${id}:released:${messageId}`,
      );
      await toResident(back, say.volunteerGaveUp(back), `ticket:${id}:released:${messageId}:resident`);
      return back;
    },

    async complete(id: number, actor: Actor, note: string, messageId: string): Promise<Ticket> {
      const now = o.clock.now();
      const t = await mustGet(id);
      if (t.status !== "claimed") throw new LinliError("bad_state", "not claimed", { ticket: t, action: "完成" });
      if (t.volunteerId !== actor.id) throw new LinliError("not_claimer", "not claimer", { ticket: t });
      const done = await o.store.transition(
        id,
        { from: ["claimed"], volunteerId: actor.id },
        { status: "done", doneAt: now, note: note || null },
        { type: "done", actorId: actor.id, actorName: actor.name, note: note || null, at: now },
      );
      if (!done) throw new LinliError("bad_state", "changed meanwhile", { ticket: await mustGet(id), action: "完成" });
      const k = `ticket:${id}:done:${messageId}`;
      await toResident(done, say.doneAskRating(done), `${k}:ask`);
      await links.tellDone(done, messageId);
      return done;
    },

    /** The resident's ticket waiting for a rating (the one named, or the latest), or null. */
    async awaitingRating(residentId: string, id: number | null): Promise<Ticket | null> {
      const t = id ? await o.store.get(id) : await o.store.findAwaitingRating(residentId);
      return t && t.residentId === residentId && t.status === "done" ? t : null;
    },

    /** A resident's rating (with what they wrote after it) closes their ticket that is waiting for one. */
    async rate(resident: Actor, rating: number, id: number | null, messageId: string, comment = ""): Promise<Ticket> {
      const now = o.clock.now();
      const t = await this.awaitingRating(resident.id, id);
      if (!t) throw new LinliError("not_found", "nothing to rate");
      const label = rating >= 4 ? "satisfied" : rating === 3 ? "neutral" : "unsatisfied";
      const closed = await o.store.transition(
        t.id,
        { from: ["done"] },
        {
          status: "closed",
          rating,
          ratingLabel: label,
          ratingComment: comment || null,
          // A linked report keeps its rating but is not a second 办结.
          closeKind: t.mergedIntoId === null ? "resolved" : "duplicate",
          closedAt: now,
        },
        {
          type: "rated",
          actorId: resident.id,
          actorName: resident.name,
          note: comment ? `${rating} ${comment}` : String(rating),
          at: now,
        },
      );
      if (!closed) throw new LinliError("not_found", "nothing to rate");
      const k = `ticket:${t.id}:rated:${messageId}`;
      await toResident(closed, say.ratedThanks(closed), `${k}:thanks`, sendPriority.reply);
      if (label === "unsatisfied") {
        await o.store.addEvent({
          ticketId: t.id,
          type: "escalated",
          actorId: null,
          actorName: null,
          note: "居民不满意",
          at: now,
        });
        await toRooms("staff", say.unsatisfiedAlert(closed), `${k}:staff`);
      }
      return closed;
    },

    async close(id: number, staff: Actor, reason: string, messageId: string): Promise<Ticket> {
      const now = o.clock.now();
      const t = await mustGet(id);
      if (t.status === "closed") throw new LinliError("bad_state", "closed", { ticket: t, action: "关闭" });
      // A duplicate ("同一次停水") is closed as such: not solved for its resident, not 办结.
      const { kind, sameAs } = readCloseKind(reason);
      const closed = await o.store.transition(
        id,
        { from: ["open", "claimed", "done"] },
        {
          status: "closed",
          closeReason: reason || null,
          closeKind: kind,
          closedAt: now,
          ratingLabel: t.status === "done" && kind === "resolved" ? "unrated" : null,
          // "和#3是一件事": its resident hears when #3 is finished.
          ...(kind === "duplicate" && sameAs !== null && sameAs !== id ? { mergedIntoId: sameAs } : {}),
        },
        { type: "closed", actorId: staff.id, actorName: staff.name, note: reason || null, at: now },
      );
      if (!closed)
        throw new LinliError("bad_state", "changed meanwhile", { ticket: await mustGet(id), action: "关闭" });
      await toResident(
        closed,
        kind === "duplicate" ? say.duplicateNotice(closed) : say.closedNotice(closed),
        `ticket:${id}:closed:${messageId}`,
      );
      // A volunteer still on their way is told to stop (one who already finished needs nothing). Read
      // from the closed row, not the one read before: a claim just before the close is told too.
      if (claimerOfClosed(closed) && closed.volunteerId)
        await toPerson(closed.volunteerId, say.closedToClaimer(closed), `ticket:${id}:closed:${messageId}:claimer`);
      if (kind === "resolved") await links.tellClosed(closed, messageId);
      return closed;
    },

    /**
     * Staff assign a ticket to someone. A ticket its resident rated 不满意 is reopened this way: the
     * reopen is recorded before the assignment, as staff's 重新打开 records it, so its limits, the
     * wait staff and volunteers see, the resident's 督促 notice and 延期 all start afresh from it.
     */
    async assign(id: number, assignee: Actor, staff: Actor, messageId: string): Promise<Ticket> {
      const now = o.clock.now();
      const t = await mustGet(id);
      const reopenable = t.status === "closed" && t.ratingLabel === "unsatisfied";
      // Given to someone else while another volunteer holds it: that one is told to stop.
      const reassigned = t.status === "claimed" && t.volunteerId !== null && t.volunteerId !== assignee.id;
      if (t.status === "done" || (t.status === "closed" && !reopenable))
        throw new LinliError("bad_state", "finished", { ticket: t, action: "指派" });
      const assignedEvent: StepEvent = {
        type: "assigned",
        actorId: staff.id,
        actorName: staff.name,
        note: reassigned ? `${assignee.name} (原 ${t.volunteerName ?? "-"})` : assignee.name,
        at: now,
      };
      const assigned = await o.store.transition(
        id,
        { from: [t.status] },
        {
          status: "claimed",
          volunteerId: assignee.id,
          volunteerName: assignee.name,
          claimedAt: now,
          closedAt: null,
          doneAt: null,
        },
        reopenable
          ? [
              { type: "reopened", actorId: staff.id, actorName: staff.name, note: say.reopenedUnsatisfied(), at: now },
              assignedEvent,
            ]
          : assignedEvent,
      );
      if (!assigned)
        throw new LinliError("bad_state", "changed meanwhile", { ticket: await mustGet(id), action: "指派" });
      const k = `ticket:${id}:assigned:${messageId}`;
      await toPerson(assignee.id, say.assignedToYou(assigned, staff.name), `${k}:contact`);
      await toRooms("volunteer", say.claimedInGroup(assigned), k);
      await toResident(assigned, say.volunteerComing(assigned), `${k}:resident`);
      if (reassigned && t.volunteerId)
        await toPerson(t.volunteerId, boardReplies.reassignedAway(assigned, staff.name), `${k}:previous`);
      return assigned;
    },

    async progress(id: number, asker: Actor, asStaff: boolean): Promise<Ticket> {
      const t = await mustGet(id);
      if (!asStaff && t.residentId !== asker.id) throw new LinliError("forbidden", "not yours", { id });
      return t;
    },

    /** The ticket a duplicate was closed into ("和#3是一件事"), whose progress is its resident's too. */
    async twinOf(t: Ticket): Promise<Ticket | null> {
      if (t.mergedIntoId !== null) return o.store.get(t.mergedIntoId);
      if (t.closeKind !== "duplicate" || !t.closeReason) return null;
      const { sameAs } = readCloseKind(t.closeReason);
      return sameAs && sameAs !== t.id ? o.store.get(sameAs) : null;
    },

    listForResident: (residentId: string) => o.store.listByResident(residentId, 10),
    /** Reports linked to ticket `id` (the same building-wide problem). */
    listLinked: (id: number) => o.store.listLinked(id),
    split: links.split,
    withdraw: createWithdraw({ store: o.store, clock: o.clock, notify }).withdraw,
    mergeByHand: links.mergeByHand,
    /**
     * Staff's 工单: the tickets not finished yet (done ones waiting for a rating too), oldest first,
     * each with its latest reopen (its age counts from then), and the ids of those past a limit.
     */
    listOpenForStaff: async () =>
      board.withLimits(await o.store.listByStatus(["open", "claimed", "done"], 50), o.clock.now()),
    now: () => o.clock.now(),
    /** The volunteers' list: tickets nobody has taken, oldest first, each with its latest reopen. */
    listUnclaimed: async (): Promise<Listed[]> =>
      (await board.withLimits(await o.store.listByStatus(["open"], 30), o.clock.now())).tickets,
    /** Tickets a volunteer holds (claimed or assigned, not yet done). */
    async listHeldBy(volunteerId: string): Promise<Ticket[]> {
      return (await o.store.listByStatus(["claimed"], 500)).filter((t) => t.volunteerId === volunteerId);
    },
    async isOverdue(t: Ticket): Promise<boolean> {
      return (await board.overdueIds([t], o.clock.now())).has(t.id);
    },
    /** The ids of these tickets that are past a limit now (two queries for all of them). */
    overdueIds: (tickets: Ticket[]) => board.overdueIds(tickets, o.clock.now()),

    /** The staff board: a page of tickets by filter, newest first, counts per status, urgent and overdue marked. */
    board: board.list,
    /** A ticket's whole timeline in staff's words, its linked reports, urgent and overdue. */
    timeline: createTimeline({ store: o.store, clock: o.clock, board }).timeline,
    /** Staff open a done or closed ticket again; resident, former volunteer and volunteers' room told. */
    reopen: staffActions.reopen,
    /** Staff's internal note on the timeline; nobody is sent anything. */
    addNote: staffActions.addNote,

    /** Closes tickets whose rating never came. Run periodically. */
    async closeUnrated(): Promise<number> {
      const now = o.clock.now();
      const cutoff = new Date(now.getTime() - o.ratingTimeoutHours * 3600_000);
      let n = 0;
      for (const t of await o.store.listDoneBefore(cutoff)) {
        const closed = await o.store.transition(
          t.id,
          { from: ["done"] },
          {
            status: "closed",
            ratingLabel: "unrated",
            closeKind: t.mergedIntoId === null ? "resolved" : "duplicate",
            closedAt: now,
          },
          { type: "closed", actorId: null, actorName: null, note: "未评价, 自动办结", at: now },
        );
        if (closed) {
          n++;
          await toResident(closed, say.autoClosedUnrated(closed), `ticket:${t.id}:auto-closed`);
        }
      }
      return n;
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
