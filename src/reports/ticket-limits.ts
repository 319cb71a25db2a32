// Port: a ticket's time limits. The reports count with the very limits follow-up chases (its
// calendar, per-urgency and per-category limits, and limits moved with 延期), wired in
// src/features/reports.ts from src/follow-up/deadlines.ts, so 响应率 and 日清's overdue agree
// with the reminders and escalations staff get.
import type { Ticket } from "../tickets/ticket.js";

export interface ReportLimits {
  /** Claimed (or answered by staff) by then. */
  respondBy: Date;
  /** Finished by then; none for suggestions and disputes, which need a staff reply only. */
  finishBy: Date | null;
}

/**
 * The limits of a ticket as they stand; `movedLimit` is the one staff moved with 延期, if any;
 * `reopenedAt`, when given, the latest reopen, which the limits then count from (日清's overdue
 * passes it; 响应率 does not, and counts the first response against the report's own limit).
 */
export type LimitsOf = (
  ticket: Pick<Ticket, "createdAt" | "urgency" | "category"> & { movedLimit: Date | null; reopenedAt?: Date | null },
) => ReportLimits;
