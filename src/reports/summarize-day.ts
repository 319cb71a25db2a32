// The day in figures for 日清: what came in, what was finished, what is still open or late,
// what waits for a rating, the urgent ones and what became of them, hand-overs waiting.
import type { Range } from "../text/china-time.js";
import type { ClaimLimitOf } from "./claim-limit.js";
import { endedAs, openedIn } from "./compute-rates.js";
import type { ReportTicket, WaitingHandover } from "./report-store.js";

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
  /** Unclaimed past their claim limit, oldest first. */
  overdue: ReportTicket[];
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

export function isOverdue(t: ReportTicket, limitOf: ClaimLimitOf, now: Date): boolean {
  return t.status === "open" && !endedAs(t) && now > limitOf(t);
}

export function summarizeDay(
  tickets: readonly ReportTicket[],
  handovers: readonly WaitingHandover[],
  range: Range,
  limitOf: ClaimLimitOf,
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
    overdue: tickets.filter((t) => isOverdue(t, limitOf, now)).sort(byAge),
    unrated: tickets.filter((t) => t.status === "done").sort(byAge),
    urgent: opened.filter((t) => t.urgency === "urgent").sort(byAge),
    handovers: [...handovers],
  };
}
