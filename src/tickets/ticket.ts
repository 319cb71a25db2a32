import type { Category, Urgency } from "../understand/taxonomy.js";

export type TicketStatus = "open" | "claimed" | "done" | "closed";
export type RatingLabel = "satisfied" | "neutral" | "unsatisfied" | "unrated";
/**
 * How a closed ticket ended: solved; a duplicate of another report (merged into it); or
 * withdrawn by its resident ("不用了, 已经好了"). Only `resolved` is 办结.
 */
export type CloseKind = "resolved" | "duplicate" | "withdrawn";
export type TicketEventType =
  | "created"
  | "claimed"
  | "released"
  | "assigned"
  | "done"
  | "rated"
  | "closed"
  | "escalated"
  /** The bot asked the resident where (once). */
  | "location_asked"
  /** The resident's answer filled in the place. */
  | "located"
  /** Follow-up (催办): a limit is near, or the resident was told it is being chased. */
  | "reminded"
  /** The claimer was asked privately whether they are still on it. */
  | "checked"
  /** `进展 N 说明`: progress without finishing. */
  | "progress"
  /** `延期 N 原因 日期`: staff moved the limit. */
  | "extended"
  /** Linked to an earlier ticket about the same building-wide problem (note: `#N`). */
  | "merged"
  /** Staff undid a link: the report is its own ticket again. */
  | "split"
  /** On the first ticket: another resident's report was linked to it (note: `#M`). */
  | "report_added"
  /** A request from a burst of the same resident, kept with this ticket instead of a new one. */
  | "folded"
  /** The resident wrote about the same problem again (note: what they wrote); no new ticket. */
  | "repeated"
  /**
   * A done or closed ticket is open again (note: why): staff reopened it, or gave a ticket its
   * resident rated 不满意 to someone with 指派 (note: 居民评价不满意, 重新处理).
   */
  | "reopened"
  /** Staff's internal note: never sent to the resident or volunteers. */
  | "noted";

/**
 * Events that show someone took a ticket on: a claim, staff assigning it, progress recorded, or
 * staff moving its limit (延期, the resident told why). Follow-up stops chasing a response after
 * one, and 响应率 counts the first (with a staff close) as the response.
 */
export const responseEvents: ReadonlySet<TicketEventType> = new Set(["claimed", "assigned", "progress", "extended"]);

/**
 * Where a ticket's limits, and the ages its reminders and lists show, count from: the report, or
 * `reopenedAt`, the latest reopen after it (`lastReopenedAt`).
 */
export function limitsStart(t: Pick<Ticket, "createdAt"> & { reopenedAt?: Date | null }): Date {
  return t.reopenedAt && t.reopenedAt > t.createdAt ? t.reopenedAt : t.createdAt;
}

/**
 * When staff last reopened the ticket (its latest `reopened` event), or null. Follow-up's limits
 * count from then: a ticket reopened today is not overdue today for having been reported long ago.
 */
export function lastReopenedAt(events: readonly Pick<TicketEvent, "type" | "at">[]): Date | null {
  let last: Date | null = null;
  for (const e of events) if (e.type === "reopened" && (!last || e.at > last)) last = e.at;
  return last;
}

/**
 * The limit staff moved with 延期 (`dueAt`, moved at `movedAt`), as it stands after the latest
 * reopen: a reopen starts the limits afresh, so one moved before it is gone with it, and one
 * moved since counts as usual. Null when there is none left.
 */
export function movedSinceReopen(dueAt: Date | null, movedAt: Date | null, reopenedAt: Date | null): Date | null {
  return reopenedAt && movedAt && movedAt < reopenedAt ? null : dueAt;
}

/** Someone took the ticket on (one of `responseEvents`) since `since` (always, when null). */
export function respondedSince(events: readonly Pick<TicketEvent, "type" | "at">[], since: Date | null): boolean {
  return events.some((e) => responseEvents.has(e.type) && (!since || e.at >= since));
}

export interface Ticket {
  id: number;
  sourceMessageId: string | null;
  residentId: string;
  residentName: string;
  roomId: string | null;
  roomTopic: string | null;
  text: string;
  summary: string;
  phone: string | null;
  category: Category;
  urgency: Urgency;
  building: string | null;
  unit: string | null;
  room: string | null;
  status: TicketStatus;
  volunteerId: string | null;
  volunteerName: string | null;
  note: string | null;
  rating: number | null;
  ratingLabel: RatingLabel | null;
  /** What the resident wrote after the rating ("不满意 等了好久才来"). */
  ratingComment: string | null;
  closeReason: string | null;
  closeKind: CloseKind | null;
  /** The first ticket about the same building-wide problem, which this report is linked to. */
  mergedIntoId: number | null;
  createdAt: Date;
  claimedAt: Date | null;
  doneAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface TicketEvent {
  ticketId: number;
  type: TicketEventType;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  at: Date;
}

export type { Actor } from "../core/types.js";

export type NewTicket = Omit<
  Ticket,
  | "id"
  | "status"
  | "volunteerId"
  | "volunteerName"
  | "note"
  | "rating"
  | "ratingLabel"
  | "ratingComment"
  | "closeReason"
  | "closeKind"
  | "mergedIntoId"
  | "claimedAt"
  | "doneAt"
  | "closedAt"
  | "updatedAt"
>;

/** Fields a transition may set. */
export type TicketPatch = Partial<
  Pick<
    Ticket,
    | "status"
    | "volunteerId"
    | "volunteerName"
    | "note"
    | "rating"
    | "ratingLabel"
    | "ratingComment"
    | "closeReason"
    | "closeKind"
    | "mergedIntoId"
    | "claimedAt"
    | "doneAt"
    | "closedAt"
    | "building"
    | "unit"
    | "room"
  >
>;

/**
 * What the staff board asks the store for: every field optional, all given ones must hold.
 * Search and building come already read (see ticket-board.ts), so each store only matches.
 */
export interface BoardQuery {
  statuses?: TicketStatus[];
  category?: Category;
  urgency?: Urgency;
  /** The building, or tickets with no building whose group's name is one of `topics` (inferred there). */
  building?: { building: string; topics: string[] };
  /** Held by this volunteer (claimer or assignee). */
  volunteerId?: string;
  /** Created at or after. */
  createdFrom?: Date;
  /** Created before. */
  createdBefore?: Date;
  /** Ticket number `id`, or `text` within the text, summary, group name or resident's name (either, when both). */
  search?: { id: number | null; text: string | null };
}

export interface BoardSlice {
  /** Newest first (by creation time, then number). */
  tickets: Ticket[];
  /** Per status, for the same query without its `statuses`: the board's tabs. */
  counts: Record<TicketStatus, number>;
}

/** What follow-up's limits need beyond the ticket, read in bulk for a page of tickets. */
export interface LimitFacts {
  /** The timeline has one of `responseEvents` (since the latest reopen, when reopened). */
  responseEvent: boolean;
  /** The limit staff moved with 延期, if any (moved since the latest reopen, when reopened). */
  movedLimit: Date | null;
  /** The latest `reopened` event: the limits count from then. */
  reopenedAt: Date | null;
}

/** An event a transition records on its ticket. */
export type StepEvent = Omit<TicketEvent, "ticketId">;

/** A transition's event or events, as a list in their order. */
export function stepEvents(event: StepEvent | readonly StepEvent[]): readonly StepEvent[] {
  return "type" in event ? [event] : event;
}

/** Port: ticket persistence. Transitions are compare-and-set, so concurrent claims have one winner. */
export interface TicketStore {
  /** Creates the ticket and its `created` event; returns the existing one for a known source message. */
  create(ticket: NewTicket): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: number): Promise<Ticket | null>;
  /**
   * Applies `patch` only if the ticket's status is one of `from` (and, when given, its
   * volunteer is `volunteerId`), recording `event` (or several, in their order, all or none:
   * a ticket reopened by 指派 records the reopen, then the assignment). Returns the updated
   * ticket, or null when the condition did not hold.
   */
  transition(
    id: number,
    when: { from: TicketStatus[]; volunteerId?: string },
    patch: TicketPatch,
    event: StepEvent | readonly [StepEvent, ...StepEvent[]],
  ): Promise<Ticket | null>;
  addEvent(event: TicketEvent): Promise<void>;
  events(ticketId: number): Promise<TicketEvent[]>;
  /** How many events of this type one person caused since `since` (e.g. claims in the last hour). */
  countEventsBy(actorId: string, type: TicketEventType, since: Date): Promise<number>;
  listByStatus(statuses: TicketStatus[], limit: number): Promise<Ticket[]>;
  listByResident(residentId: string, limit: number): Promise<Ticket[]>;
  /** The resident's most recent ticket that is done and waiting for a rating. */
  findAwaitingRating(residentId: string): Promise<Ticket | null>;
  listDoneBefore(cutoff: Date): Promise<Ticket[]>;
  /** Reports linked to ticket `id` (mergedIntoId = id), oldest first. */
  listLinked(id: number): Promise<Ticket[]>;
  /** The staff board: one page of the tickets the query finds, with counts per status. */
  board(query: BoardQuery, page: { limit: number; offset: number }): Promise<BoardSlice>;
  /** Limit facts for these tickets (missing ids are left out). */
  limitFacts(ids: number[]): Promise<Map<number, LimitFacts>>;
  /** Group names of tickets with no building given (to find the building a group's name says). */
  roomTopicsWithoutBuilding(): Promise<string[]>;
}
