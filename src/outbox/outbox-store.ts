import type { Destination, OutgoingMessage } from "../core/types.js";

export interface OutboxRow {
  id: number;
  account: string;
  to: Destination;
  text: string;
  mentionIds: string[];
  attempts: number;
  notBefore: Date;
  broadcastRunId: number | null;
  priority: number;
  /** Queued rows of one kind to one chat may go as one message (see Merger in outbox.ts). */
  mergeKind: string | null;
  /** This row's line in such a merged message. */
  mergePart: string | null;
}

/** Port: outbox persistence. A row is taken (pending → sending) by one sender only. */
export interface OutboxStore {
  /** False when a row with this key exists already (nothing is queued twice). */
  insert(
    message: OutgoingMessage,
    opts: {
      account: string;
      key?: string;
      notBefore: Date;
      now: Date;
      broadcastRunId?: number;
      priority?: number;
      mergeKind?: string;
      mergePart?: string;
    },
  ): Promise<boolean>;
  /**
   * The rows that may go next: among due rows of the lowest priority number, the earliest
   * enqueued (createdAt, then id) of each chat, up to `limit` chats, earliest first. The
   * outbox picks one chat among them (round-robin); a chat's own rows keep their order.
   */
  dueHeads(account: string, now: Date, limit: number): Promise<OutboxRow[]>;
  /** The earliest notBefore of any pending row. */
  nextWake(account: string): Promise<Date | null>;
  take(id: number): Promise<boolean>;
  /**
   * Takes (pending → sending) up to `limit` more due rows with `row`'s account, chat and merge
   * kind, oldest first, to go in one message with it. Each keeps its own key and is marked sent.
   */
  takeMergeable(row: OutboxRow, now: Date, limit: number): Promise<OutboxRow[]>;
  markSent(id: number, at: Date): Promise<void>;
  markRetry(id: number, error: string, notBefore: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Back to pending without counting the attempt `take` counted (the message never left). */
  markUnsent(id: number, error: string, notBefore: Date): Promise<void>;
  /**
   * Rows left "sending" by a process that stopped may or may not have reached WeChat;
   * they are marked "uncertain" and not sent again (never twice beats maybe twice).
   */
  settleInterrupted(account: string): Promise<number>;
  countByState(account: string): Promise<Record<string, number>>;
}
