// A ticket's whole story for staff: every event in order with who and when, in precise words,
// the reports linked to it, and whether it is overdue now.
import { LinliError } from "../core/errors.js";
import type { Actor, Clock } from "../core/types.js";
import { describeEvent, formatWhen } from "./board-replies.js";
import type { TicketBoard } from "./ticket-board.js";
import type { Ticket, TicketEventType, TicketStore } from "./ticket.js";

export interface TimelineEntry {
  at: Date;
  /** `2026年11月20日 10:05`, China time. */
  when: string;
  type: TicketEventType;
  /** Who did it; null for the bot itself (reminders, escalations, automatic links and closes). */
  actor: Actor | null;
  note: string | null;
  /** The event in staff's words. */
  text: string;
  /** A staff note: never told to the resident or volunteers. */
  internal: boolean;
}

export interface TicketTimeline {
  ticket: Ticket;
  entries: TimelineEntry[];
  /** Other residents' reports linked to this ticket (the same building-wide problem), oldest first. */
  linked: Ticket[];
  urgent: boolean;
  overdue: boolean;
}

export interface TimelineOptions {
  store: TicketStore;
  clock: Clock;
  board: Pick<TicketBoard, "overdueIds">;
}

export function createTimeline(o: TimelineOptions) {
  return {
    async timeline(id: number): Promise<TicketTimeline> {
      const ticket = await o.store.get(id);
      if (!ticket) throw new LinliError("ticket_not_found", `ticket ${id} not found`, { id });
      const [events, linked, late] = await Promise.all([
        o.store.events(id),
        o.store.listLinked(id),
        o.board.overdueIds([ticket], o.clock.now()),
      ]);
      return {
        ticket,
        entries: events.map((e) => ({
          at: e.at,
          when: formatWhen(e.at),
          type: e.type,
          actor: e.actorId !== null || e.actorName !== null ? { id: e.actorId ?? "", name: e.actorName ?? "" } : null,
          note: e.note,
          text: describeEvent(e, ticket),
          internal: e.type === "noted",
        })),
        linked,
        urgent: ticket.urgency === "urgent",
        overdue: late.has(id),
      };
    },
  };
}
