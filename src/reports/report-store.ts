// Port: what the 日清周议 reports read, and the run rows that make a scheduled report go out once.
// Domain code sees only this; src/store/prisma-report-store.ts implements it.
import type { Ticket, TicketEvent } from "../tickets/ticket.js";

/** A ticket with its timeline (type, time, who), as the reports read it. */
export interface ReportTicket extends Ticket {
  events: Pick<TicketEvent, "type" | "at" | "actorId" | "actorName">[];
  /** The limit staff moved with 延期, if any (follow-up's moved limit). */
  movedLimit: Date | null;
}

/** A question handed over to staff and not answered yet. */
export interface WaitingHandover {
  id: number;
  question: string;
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
  /**
   * Claims a report slot by its key. `won`: this call inserted the row; `unfinished`: the row
   * exists but was never marked sent (a process stopped mid-way), so sending again is safe
   * because the outbox keys dedupe. Both false: it went out already.
   */
  claimRun(key: string, owner: string, at: Date): Promise<{ won: boolean; unfinished: boolean }>;
  finishRun(key: string, text: string, at: Date): Promise<void>;
}
