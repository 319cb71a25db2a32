// Who hears about a ticket, in one place: its resident (in the chat it was raised, with an @),
// the volunteers' or staff rooms, or one person privately. Every send carries an idempotency key.
import type { Destination, OutgoingMessage } from "../core/types.js";
import type { SendPriority } from "../outbox/outbox.js";
import type { Ticket } from "./ticket.js";
import type { TicketMerge } from "./ticket-merges.js";

/**
 * Port: the outbox. `key` makes an enqueue idempotent (a re-handled message sends nothing
 * twice); `priority` puts a reply to the person who asked before cards and notices.
 */
export type Enqueue = (
  message: OutgoingMessage,
  key?: string,
  priority?: SendPriority,
  merge?: TicketMerge,
) => Promise<void>;

export interface NotifyOptions {
  enqueue: Enqueue;
  roomsOf(role: "volunteer" | "staff"): string[];
}

export function createNotify(o: NotifyOptions) {
  const residentDest = (t: Ticket): Destination =>
    t.roomId ? { kind: "room", id: t.roomId } : { kind: "contact", id: t.residentId };
  return {
    /** `merge`: still queued with others of its kind to the same chat, it goes as one message. */
    toResident: (t: Ticket, text: string, key: string, priority?: SendPriority, merge?: TicketMerge) =>
      o.enqueue({ to: residentDest(t), text, mentionIds: t.roomId ? [t.residentId] : [] }, key, priority, merge),
    async toRooms(
      role: "volunteer" | "staff",
      text: string,
      key: string,
      priority?: SendPriority,
      merge?: TicketMerge,
    ) {
      for (const id of o.roomsOf(role))
        await o.enqueue({ to: { kind: "room", id }, text }, `${key}:${id}`, priority, merge);
    },
    toPerson: (id: string, text: string, key: string) => o.enqueue({ to: { kind: "contact", id }, text }, key),
  };
}

export type Notify = ReturnType<typeof createNotify>;
