import type { InboundMessage } from "../core/types.js";

export type InboxState = "pending" | "done" | "failed" | "ignored";

/** Port: the inbox. A message is stored once, by id, before it is handled. */
export interface InboxStore {
  /** Stores the message; "duplicate" when it was stored before (and handled, or being handled). */
  save(message: InboundMessage): Promise<"new" | "duplicate">;
  finish(id: string, state: Exclude<InboxState, "pending">, at: Date, error?: string): Promise<void>;
  /** Messages stored but never handled (the process stopped), oldest first. */
  pending(limit: number): Promise<InboundMessage[]>;
}
