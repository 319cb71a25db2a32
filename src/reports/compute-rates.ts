// 响应率 / 解决率 / 满意率, as the README's section of that name defines them. Pure: tickets
// and their timelines in, counts out; the caller picks the tickets (opened in the period).
import type { Range } from "../text/china-time.js";
import { responseEvents } from "../tickets/ticket.js";
import type { ReportTicket } from "./report-store.js";
import type { LimitsOf } from "./ticket-limits.js";

/** A rate as a count over a count; `den` 0 means there is nothing to rate (shown as —). */
export interface Rate {
  num: number;
  den: number;
}

export interface Rates {
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
}

/** Why a ticket does not count as a request of its own: withdrawn by its resident, or merged into another. */
export function endedAs(t: ReportTicket): "withdrawn" | "merged" | null {
  if (t.closeKind === "withdrawn") return "withdrawn";
  // Linked to the first report of the same problem, or closed by staff as the same thing.
  if (t.closeKind === "duplicate" || t.mergedIntoId !== null) return "merged";
  return null;
}

/**
 * When someone first answered the ticket: claimed, assigned, progress, a limit moved by staff
 * (the events follow-up counts as a response), or a staff close (someone other than its
 * resident closing it). Null when nobody has.
 */
export function firstResponseAt(t: ReportTicket): Date | null {
  let first: Date | null = null;
  for (const e of t.events) {
    const staffClose = e.type === "closed" && e.actorId !== null && e.actorId !== t.residentId;
    if (!responseEvents.has(e.type) && !staffClose) continue;
    if (!first || e.at < first) first = e.at;
  }
  return first;
}

/** Finished: done (waiting for its rating), or closed as solved. */
export function isFinished(t: ReportTicket): boolean {
  if (endedAs(t)) return false;
  return t.status === "done" || (t.status === "closed" && (t.closeKind === "resolved" || t.closeKind === null));
}

export function isSatisfied(t: ReportTicket): boolean {
  return t.rating !== null && t.rating >= 4;
}

export function openedIn(t: ReportTicket, range: Range): boolean {
  return t.createdAt >= range.from && t.createdAt < range.to;
}

/**
 * Whether a ticket was responded to within its response limit (follow-up's, 延期 included):
 * true, false, or null when it does not count (merged into another; withdrawn before anyone
 * was due; not answered yet but its limit has not passed at `now`).
 */
export function respondedInTime(t: ReportTicket, limitsOf: LimitsOf, now: Date): boolean | null {
  const ended = endedAs(t);
  if (ended === "merged") return null;
  const deadline = limitsOf(t).respondBy;
  const first = firstResponseAt(t);
  if (first && first <= deadline) return true;
  if (ended === "withdrawn" && !first && t.closedAt && t.closedAt <= deadline) return null;
  if (!first && now < deadline) return null;
  return false;
}

/** The three rates over `tickets` (the caller passes those opened in the period). */
export function computeRates(tickets: readonly ReportTicket[], limitsOf: LimitsOf, now: Date): Rates {
  const response = { num: 0, den: 0 };
  const resolution = { num: 0, den: 0 };
  const satisfaction = { num: 0, den: 0 };
  for (const t of tickets) {
    const inTime = respondedInTime(t, limitsOf, now);
    if (inTime !== null) {
      response.den++;
      if (inTime) response.num++;
    }
    if (!endedAs(t)) {
      resolution.den++;
      if (isFinished(t)) resolution.num++;
    }
    if (t.rating !== null) {
      satisfaction.den++;
      if (isSatisfied(t)) satisfaction.num++;
    }
  }
  return { response, resolution, satisfaction };
}

/** The rates per group (category, building …), groups in order of size. */
export function ratesBy(
  tickets: readonly ReportTicket[],
  keyOf: (t: ReportTicket) => string,
  limitsOf: LimitsOf,
  now: Date,
): { key: string; opened: number; rates: Rates }[] {
  const groups = new Map<string, ReportTicket[]>();
  for (const t of tickets) {
    const k = keyOf(t);
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.entries()]
    .map(([key, ts]) => ({ key, opened: ts.length, rates: computeRates(ts, limitsOf, now) }))
    .sort((a, b) => b.opened - a.opened || a.key.localeCompare(b.key));
}
