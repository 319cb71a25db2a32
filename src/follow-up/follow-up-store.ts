// Port: what follow-up keeps beside the tickets (steps taken, moved limits, who is on duty).
import type { Actor } from "../core/types.js";
import type { TicketEvent } from "../tickets/ticket.js";

export interface MovedLimit {
  dueAt: Date;
  reason: string;
}

export interface FollowUpStore {
  /**
   * Records a follow-up step of a ticket and its timeline event together, once: false when the
   * step was already taken (by this process before a restart, or by another one).
   */
  takeStep(ticketId: number, step: string, event: Omit<TicketEvent, "ticketId">): Promise<boolean>;
  /** When the step was taken, or null. */
  stepTakenAt(ticketId: number, step: string): Promise<Date | null>;
  /** The ticket's moved limit and when staff moved it, or null. */
  movedLimit(ticketId: number): Promise<(MovedLimit & { at: Date }) | null>;
  /** Moves the ticket's limit and records the `extended` event together. */
  moveLimit(ticketId: number, limit: MovedLimit, by: Actor, at: Date, note: string): Promise<void>;
  /** Tickets closed with a 不满意 rating since `since`. */
  listUnsatisfiedSince(since: Date): Promise<number[]>;
  onDuty(): Promise<Actor[]>;
  setOnDuty(people: Actor[], by: Actor, at: Date): Promise<void>;
}
