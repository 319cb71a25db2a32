// When a ticket's limits fall due, measured from when it was reported on the community's
// calendar (urgent limits run on the clock). Pure.
import type { Ticket } from "../tickets/ticket.js";
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

/**
 * The limits still running for a ticket (none once it is finished). `movedTo`, a limit staff
 * moved with 延期, replaces any earlier one; its reminder comes at the same share of the new span.
 */
export function pendingDues(
  t: Pick<Ticket, "urgency" | "category" | "status" | "createdAt">,
  rules: FollowUpRules,
  responded: boolean,
  movedTo: Date | null = null,
): Due[] {
  if (t.status === "done" || t.status === "closed") return [];
  const limits = limitsOf(t, rules);
  const out: Due[] = [];
  const due = (stage: Stage, span: Span) => {
    let dueAt = spanEnd(rules, t.createdAt, span);
    let nearAt = spanEnd(rules, t.createdAt, span, rules.nearShare);
    if (movedTo && movedTo > dueAt) {
      dueAt = movedTo;
      nearAt = new Date(t.createdAt.getTime() + (movedTo.getTime() - t.createdAt.getTime()) * rules.nearShare);
    }
    out.push({ stage, nearAt, dueAt });
  };
  if (!responded) due("respond", limits.respond);
  if (limits.finish) due("finish", limits.finish);
  return out;
}

/** Past a limit now (staff's ⚠超时 mark); a limit moved with 延期 is not known here. */
export function isPastLimit(
  t: Pick<Ticket, "urgency" | "category" | "status" | "createdAt">,
  rules: FollowUpRules,
  now: Date,
): boolean {
  return pendingDues(t, rules, t.status !== "open").some((d) => now >= d.dueAt);
}
