// The port for questions handed over to staff, and the audit trail of what staff did with them.
import type { Actor } from "../core/types.js";

export type HandoverStatus = "open" | "answered" | "closed";

export interface Handover {
  id: number;
  /** The resident's message; one hand-over per message, so a replayed message is not handed over twice. */
  messageId: string | null;
  question: string;
  askerId: string;
  askerName: string;
  /** Null when asked in a private chat. */
  roomId: string | null;
  roomTopic: string | null;
  status: HandoverStatus;
  answer: string | null;
  answeredBy: string | null;
  kbEntryId: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

/** What the console lists: newest first, optionally only waiting or only answered ones, matching some text. */
export interface HandoverQuery {
  /** "open": waiting for staff; "answered": answered (or closed); null: both. */
  status: "open" | "answered" | null;
  /** Matched against the question, the asker, the room, the answer and who answered; a number also finds #N. */
  text: string | null;
  /** Only hand-overs older than this one (the next page). */
  beforeId: number | null;
  limit: number;
}

export type NewHandover = Pick<Handover, "messageId" | "question" | "askerId" | "askerName" | "roomId" | "roomTopic">;

export interface HandoverStore {
  /** Stores a hand-over, or returns the one already stored for the same message. */
  open(handover: NewHandover, at: Date): Promise<Handover>;
  get(id: number): Promise<Handover | null>;
  /** Sets the answer if the hand-over is still open; null when someone answered first. */
  markAnswered(id: number, answer: string, answeredBy: string, at: Date): Promise<Handover | null>;
  linkKbEntry(id: number, kbEntryId: string): Promise<void>;
  /** The latest hand-over this person answered, for a bare 加入知识库. */
  lastAnsweredBy(name: string): Promise<Handover | null>;
  /** Newest first. */
  list(query: HandoverQuery): Promise<Handover[]>;
  /** How many are waiting and how many are answered (or closed). */
  countByState(): Promise<{ open: number; answered: number }>;
  audit(actor: Actor, action: string, detail: Record<string, unknown>, at: Date): Promise<void>;
}
