// What staff do to a ticket from the console that chat had no word for: open a finished ticket
// again (its resident and the volunteer who had it told, a new card to the volunteers), and an
// internal note. Assign, close, merge and 延期 are the chat path's own service methods.
import { LinliError } from "../core/errors.js";
import type { Actor, Clock } from "../core/types.js";
import { boardReplies as say } from "./board-replies.js";
import type { Notify } from "./notify.js";
import type { Ticket, TicketEvent, TicketStore } from "./ticket.js";
import { ticketReplies } from "./ticket-replies.js";

export interface StaffActionsOptions {
  store: TicketStore;
  clock: Clock;
  notify: Notify;
}

export const noteMaxLength = 1000;

export function createStaffActions(o: StaffActionsOptions) {
  async function mustGet(id: number): Promise<Ticket> {
    const t = await o.store.get(id);
    if (!t) throw new LinliError("ticket_not_found", `ticket ${id} not found`, { id });
    return t;
  }

  return {
    /**
     * A done or closed ticket is open again: not finished, not rated, nobody holding it. Its
     * resident is told, the volunteer who had it is told privately, the volunteers get its card.
     * A report linked to another ticket is reopened through that one (or split first).
     */
    async reopen(id: number, staff: Actor, reason: string, messageId: string): Promise<Ticket> {
      const now = o.clock.now();
      const t = await mustGet(id);
      if (t.status !== "done" && t.status !== "closed")
        throw new LinliError("bad_state", "running", { ticket: t, action: "重新打开", say: say.cannotReopen(t) });
      if (t.mergedIntoId !== null)
        throw new LinliError("bad_state", "linked", { ticket: t, action: "重新打开", say: say.reopenLinked(t) });
      const why = reason.trim();
      const open = await o.store.transition(
        id,
        { from: [t.status] },
        {
          status: "open",
          volunteerId: null,
          volunteerName: null,
          claimedAt: null,
          doneAt: null,
          closedAt: null,
          closeKind: null,
          closeReason: null,
          note: null,
          rating: null,
          ratingLabel: null,
          ratingComment: null,
        },
        { type: "reopened", actorId: staff.id, actorName: staff.name, note: why || null, at: now },
      );
      if (!open)
        throw new LinliError("bad_state", "changed meanwhile", { ticket: await mustGet(id), action: "重新打开" });
      const k = `ticket:${id}:reopened:${messageId}`;
      await o.notify.toResident(open, say.reopenedToResident(open), `${k}:resident`);
      if (t.volunteerId) await o.notify.toPerson(t.volunteerId, say.reopenedToVolunteer(t, why), `${k}:volunteer`);
      await o.notify.toRooms("volunteer", `${say.reopenedInGroup(open)}\n${ticketReplies.taskCard(open)}`, `${k}:card`);
      return open;
    },

    /** A staff note on the ticket's timeline: internal, nobody is sent anything. */
    async addNote(id: number, staff: Actor, text: string): Promise<TicketEvent> {
      const note = text.trim();
      if (!note) throw new LinliError("bad_input", "empty note", { say: say.emptyNote() });
      if (note.length > noteMaxLength)
        throw new LinliError("bad_input", "note too long", { say: say.noteTooLong(noteMaxLength) });
      await mustGet(id);
      const event: TicketEvent = {
        ticketId: id,
        type: "noted",
        actorId: staff.id,
        actorName: staff.name,
        note,
        at: o.clock.now(),
      };
      await o.store.addEvent(event);
      return event;
    },
  };
}
