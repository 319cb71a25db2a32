// Ticket messages that, still queued together for one chat, go as one message: residents'
// acknowledgements in a group, task cards for the volunteers' room, the "already claimed"
// answers of a claim race, and "already registered" answers. The words are in ticket-replies.
import type { Merger } from "../outbox/outbox.js";
import { ticketReplies as say } from "./ticket-replies.js";
import type { Ticket } from "./ticket.js";

export type TicketMergeKind = "ack" | "card" | "claimed" | "repeat";
export interface TicketMerge {
  kind: TicketMergeKind;
  part: string;
}

/** Each row's line in a merged message. */
export const mergeParts = {
  /** A resident and their ticket number: the merged message @-mentions each of them. */
  resident: (t: Ticket) => `${t.residentName} #${t.id}`,
  card: (t: Ticket) => say.taskCard(t).split("\n").slice(0, -1).join("\n"),
  claimed: (t: Ticket) => say.alreadyClaimedPart(t),
};

export const ticketMergers: Record<TicketMergeKind, Merger> = {
  ack: { max: 10, compose: say.mergedAcks },
  card: { max: 5, compose: say.mergedCards },
  claimed: { max: 10, compose: say.mergedClaimed },
  repeat: { max: 10, compose: say.mergedRepeats },
};
