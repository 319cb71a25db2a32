// When a ticket's limits fall due, measured from when it was reported (or, once staff reopened
// it, from the latest reopen) on the community's calendar (urgent limits run on the clock). Pure.
import { limitsStart, type Ticket } from "../tickets/ticket.js";
import { addWorkingMinutes } from "./calendar.js";
import type { FollowUpRules, LimitSet, Span } from "./follow-up-rules.js";

export type Stage = "respond" | "finish";

export interface Due {
  stage: Stage;
  /** A reminder from here on. */
  nearAt: Date;
  /** Overdue from here on: escalated. */
  dueAt: Date;
}

export function limitsOf(t: Pick<Ticket, "urgency" | "category">, rules: FollowUpRules): LimitSet {
  if (t.urgency === "urgent") return rules.urgent;
  return rules.byCategory[t.category] ?? rules.normal;
}

/** The instant `share` of `span` after `from`. */
export function spanEnd(rules: FollowUpRules, from: Date, span: Span, share = 1): Date {
  const minutes = span.minutes * share;
  return span.working ? addWorkingMinutes(rules.calendar, from, minutes) : new Date(from.getTime() + minutes * 60_000);
}

/** A ticket's two limits as they stand: when it must be responded to and finished by. */
export interface TicketLimits {
  respondBy: Date;
  /** None for suggestions and disputes, which need a staff reply only. */
  finishBy: Date | null;
}

/** `reopenedAt`: the latest time staff reopened the ticket (`lastReopenedAt`), if ever. */
export type Limited = Pick<Ticket, "urgency" | "category" | "createdAt"> & { reopenedAt?: Date | null };

/**
 * Both limits and their reminder times. `movedTo`, a limit staff moved with 延期, replaces any
 * earlier one; its reminder comes at the same share of the new span.
 */
function limitTimes(t: Limited, rules: FollowUpRules, movedTo: Date | null) {
  const limits = limitsOf(t, rules);
  const start = limitsStart(t);
  const times = (span: Span) => {
    const dueAt = spanEnd(rules, start, span);
    if (movedTo && movedTo > dueAt) {
      const share = (movedTo.getTime() - start.getTime()) * rules.nearShare;
      return { dueAt: movedTo, nearAt: new Date(start.getTime() + share) };
    }
    return { dueAt, nearAt: spanEnd(rules, start, span, rules.nearShare) };
  };
  return { respond: times(limits.respond), finish: limits.finish ? times(limits.finish) : null };
}

/** The limits follow-up chases a ticket by; the reports count 响应率 and 日清's overdue with them too. */
export function ticketLimits(t: Limited, rules: FollowUpRules, movedTo: Date | null = null): TicketLimits {
  const { respond, finish } = limitTimes(t, rules, movedTo);
  return { respondBy: respond.dueAt, finishBy: finish?.dueAt ?? null };
}

/** The limits still running for a ticket (none once it is finished). */
export function pendingDues(
  t: Limited & Pick<Ticket, "status">,
  rules: FollowUpRules,
  responded: boolean,
  movedTo: Date | null = null,
): Due[] {
  if (t.status === "done" || t.status === "closed") return [];
  const { respond, finish } = limitTimes(t, rules, movedTo);
  const out: Due[] = [];
  if (!responded) out.push({ stage: "respond", ...respond });
  if (finish) out.push({ stage: "finish", ...finish });
  return out;
}

/**
 * Whether a ticket still running is past a limit at `now` (staff's ⚠超时 mark, 日清's overdue):
 * not responded by its response limit, or not finished by its finish limit, either as moved
 * with 延期. `responded`: its status is past open, or its timeline has a `responseEvents` one
 * (since the latest reopen). The limits count from `limitsStart`.
 */
export function isPastLimit(
  t: Limited & Pick<Ticket, "status">,
  rules: FollowUpRules,
  now: Date,
  responded: boolean = t.status !== "open",
  movedTo: Date | null = null,
): boolean {
  return pendingDues(t, rules, responded, movedTo).some((d) => now >= d.dueAt);
}
