// The day in figures for 日清: what came in, what was finished, what is still open or late,
// what waits for a rating, the urgent ones and what became of them, hand-overs waiting.
import type { Range } from "../text/china-time.js";
import { endedAs, openedIn } from "./compute-rates.js";
import { lastReopenedAt, movedSinceReopen, respondedSince } from "../tickets/ticket.js";
import type { ReportTicket, WaitingHandover } from "./report-store.js";
import type { LimitsOf } from "./ticket-limits.js";

export interface DaySummary {
  range: Range;
  opened: number;
  /** Of those opened: merged into another report or withdrawn by the resident. */
  merged: number;
  withdrawn: number;
  finished: number;
  /** Not finished now, whenever opened. */
  waitingClaim: number;
  inHand: number;
  /** Still running past a limit, oldest first: not responded to, or not finished, in time. */
  overdue: Overdue[];
  /** Done, waiting for the resident's rating. */
  unrated: ReportTicket[];
  urgent: ReportTicket[];
  handovers: WaitingHandover[];
}

/** When a ticket was finished (done, or closed as solved without a done step), or null. */
export function finishedAt(t: ReportTicket): Date | null {
  if (endedAs(t)) return null;
  if (t.doneAt) return t.doneAt;
  return t.status === "closed" && t.closeKind !== "duplicate" ? t.closedAt : null;
}

export interface Overdue {
  ticket: ReportTicket;
  /** The limit passed: the claim, the staff reply (suggestions, disputes) or the finish. */
  missed: "claim" | "reply" | "finish";
  /** When staff last reopened it, if ever: its limits, and the wait 日清 shows, count from then. */
  reopenedAt: Date | null;
}

/**
 * Which limit a running ticket is past at `now`, as follow-up chases it: the response limit
 * while nobody has taken it on, else the finish limit (either as moved with 延期); null when none.
 */
export function overdueLimit(t: ReportTicket, limitsOf: LimitsOf, now: Date): Overdue["missed"] | null {
  if ((t.status !== "open" && t.status !== "claimed") || endedAs(t)) return null;
  // Reopened by staff: the limits, and whether anyone took it on, count from then (as the board's);
  // a limit moved with 延期 before the reopen is gone with it.
  const reopenedAt = lastReopenedAt(t.events);
  const movedLimit = movedSinceReopen(t.movedLimit, t.movedAt, reopenedAt);
  const { respondBy, finishBy } = limitsOf({ ...t, reopenedAt, movedLimit });
  const responded = t.status !== "open" || respondedSince(t.events, reopenedAt);
  if (!responded && now >= respondBy) return finishBy ? "claim" : "reply";
  if (finishBy && now >= finishBy) return "finish";
  return null;
}

export function summarizeDay(
  tickets: readonly ReportTicket[],
  handovers: readonly WaitingHandover[],
  range: Range,
  limitsOf: LimitsOf,
  now: Date,
): DaySummary {
  const opened = tickets.filter((t) => openedIn(t, range));
  const inRange = (d: Date | null) => d !== null && d >= range.from && d < range.to;
  const byAge = (a: ReportTicket, b: ReportTicket) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
  return {
    range,
    opened: opened.length,
    merged: opened.filter((t) => endedAs(t) === "merged").length,
    withdrawn: opened.filter((t) => endedAs(t) === "withdrawn").length,
    finished: tickets.filter((t) => inRange(finishedAt(t))).length,
    waitingClaim: tickets.filter((t) => t.status === "open").length,
    inHand: tickets.filter((t) => t.status === "claimed").length,
    overdue: [...tickets].sort(byAge).flatMap((ticket) => {
      const missed = overdueLimit(ticket, limitsOf, now);
      return missed ? [{ ticket, missed, reopenedAt: lastReopenedAt(ticket.events) }] : [];
    }),
    unrated: tickets.filter((t) => t.status === "done").sort(byAge),
    urgent: opened.filter((t) => t.urgency === "urgent").sort(byAge),
    handovers: [...handovers],
  };
}
