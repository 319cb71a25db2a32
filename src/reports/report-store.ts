// Port: what the 日清周议 reports read, and the run rows that make a scheduled report go out once.
// Domain code sees only this; src/store/prisma-report-store.ts implements it.
import type { Ticket, TicketEvent } from "../tickets/ticket.js";

/** A ticket with its timeline (type, time, who), as the reports read it. */
export interface ReportTicket extends Ticket {
  events: Pick<TicketEvent, "type" | "at" | "actorId" | "actorName">[];
  /** The limit staff moved with 延期, if any (follow-up's moved limit). */
  movedLimit: Date | null;
  /** When staff moved it: a limit moved before the latest reopen no longer holds (日清's overdue). */
  movedAt: Date | null;
}

/** A question handed over to staff and not answered yet. */
export interface WaitingHandover {
  id: number;
  question: string;
  createdAt: Date;
}

/** A question handed over to a person, as the period report counts it (no question text, no asker). */
export interface HandoverFigures {
  id: number;
  status: "open" | "answered" | "closed";
  createdAt: Date;
  answeredAt: Date | null;
}

/** An approved 好人好事 note. `authorName` is a staff member's for staff notes; residents' thanks carry none. */
export interface ApprovedPraise {
  id: number;
  text: string;
  source: "thanks" | "staff";
  authorName: string | null;
  ticketId: number | null;
  createdAt: Date;
}

export interface ReportStore {
  /**
   * Every ticket opened at or after `from`, finished or closed at or after `from`, or not yet
   * closed, with its events: enough for any period ending now that starts at `from` or later.
   */
  ticketsSince(from: Date): Promise<ReportTicket[]>;
  /** Hand-overs still waiting for a staff answer, oldest first. */
  waitingHandovers(): Promise<WaitingHandover[]>;
  /** Hand-overs opened in [from, to), with their state now, oldest first. */
  handoversOpenedBetween(from: Date, to: Date): Promise<HandoverFigures[]>;
  /** 好人好事 written in [from, to) and approved by staff, oldest first. */
  approvedPraisesBetween(from: Date, to: Date): Promise<ApprovedPraise[]>;
  /**
   * Claims a report slot by its key. `won`: this call inserted the row; `unfinished`: the row
   * exists but was never marked sent (a process stopped mid-way), so sending again is safe
   * because the outbox keys dedupe. Both false: it went out already.
   */
  claimRun(key: string, owner: string, at: Date): Promise<{ won: boolean; unfinished: boolean }>;
  finishRun(key: string, text: string, at: Date): Promise<void>;
}
