// Port: where broadcasts, their runs, praise notes and the figures a broadcast quotes are
// kept. Domain code sees only this; src/store/prisma-broadcast-store.ts implements it.

import type { BroadcastTarget } from "./parse-broadcast-targets.js";
import type { Schedule } from "./schedule.js";

export type BroadcastStatus = "active" | "paused" | "deleted" | "draft";
export type RunState = "sending" | "sent" | "missed" | "failed";

export interface Person {
  id: string;
  name: string;
}

export interface StoredBroadcast {
  id: number;
  /** Null for a draft that has no time yet. */
  schedule: Schedule | null;
  targets: BroadcastTarget[];
  content: string;
  status: BroadcastStatus;
  createdBy: Person;
  createdAt: Date;
  /** Set on creation and on every status change: slots before it are never caught up. */
  updatedAt: Date;
}

export interface NewBroadcast {
  schedule: Schedule | null;
  description: string;
  targets: BroadcastTarget[];
  content: string;
  status: BroadcastStatus;
  createdBy: Person;
  at: Date;
}

export interface BroadcastRun {
  id: number;
  broadcastId: number;
  slot: Date;
  state: RunState;
  text: string | null;
}

/** One chat's share of a run in the outbox: its parts and how far they got. */
export interface RunDelivery {
  runId: number;
  /** A room id, or a robot's name for the WeCom robot account. */
  destId: string;
  account: string;
  /** Outbox states of the parts: pending | sending | sent | failed | uncertain. */
  states: string[];
  /** The last error an outbox part recorded, if any. */
  error: string | null;
  sentAt: Date | null;
}

export interface StoredPraise {
  id: number;
  text: string;
  source: "thanks" | "staff";
  author: Person;
  approved: boolean;
  /** Staff have decided (approved or not); a thanks not yet reviewed is false. */
  reviewed: boolean;
  createdAt: Date;
}

export interface ActivityEntry {
  title: string;
  tags: string[];
  answer: string;
  extra: Record<string, unknown>;
}

export interface BroadcastStore {
  create(b: NewBroadcast): Promise<StoredBroadcast>;
  get(id: number): Promise<StoredBroadcast | null>;
  /** Every broadcast not deleted, oldest first. */
  list(): Promise<StoredBroadcast[]>;
  listActive(): Promise<StoredBroadcast[]>;
  update(
    id: number,
    change: {
      status?: BroadcastStatus;
      schedule?: Schedule;
      description?: string;
      targets?: BroadcastTarget[];
      content?: string;
    },
    at: Date,
  ): Promise<StoredBroadcast>;

  /**
   * Claims a slot: inserts its run row. Null when a run for (broadcast, slot) exists
   * already, i.e. this or another process has it: the database decides, once.
   */
  claimRun(run: {
    broadcastId: number;
    slot: Date;
    state: RunState;
    text: string | null;
    owner: string;
    at: Date;
  }): Promise<BroadcastRun | null>;
  finishRun(id: number, state: RunState, at: Date): Promise<void>;
  /** Runs left `sending` (a process stopped mid-run); resuming them is safe, outbox keys dedupe. */
  unfinishedRuns(): Promise<BroadcastRun[]>;

  /** A broadcast's runs, newest slot first, at most `limit`. */
  runsOf(broadcastId: number, limit: number): Promise<BroadcastRun[]>;
  /** Runs of every broadcast with a slot in [from, to), earliest first. */
  runsBetween(from: Date, to: Date): Promise<BroadcastRun[]>;
  /** What the outbox holds for these runs: one line per run, chat and state. */
  deliveries(runIds: readonly number[]): Promise<RunDelivery[]>;

  /** When the scheduler last looked at the clock (shared by every process on the database). */
  lastTick(): Promise<Date | null>;
  /** Moves the mark forward only, so a slow process never rewinds a faster one. */
  saveLastTick(at: Date): Promise<void>;

  audit(entry: { actor: Person; action: string; detail: Record<string, unknown>; at: Date }): Promise<void>;

  addPraise(p: {
    text: string;
    source: "thanks" | "staff";
    author: Person;
    approved: boolean;
    at: Date;
  }): Promise<StoredPraise>;
  praisesBetween(from: Date, to: Date): Promise<StoredPraise[]>;
  getPraise(id: number): Promise<StoredPraise | null>;
  setPraiseApproved(id: number, approved: boolean): Promise<StoredPraise>;

  activityEntries(): Promise<ActivityEntry[]>;
}
