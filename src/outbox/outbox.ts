// One outbox for every outgoing message: stored before sending, sent once, paced per
// account so a burst (or a broadcast to fifty groups) never floods the WeChat account.
import { type Clock, type Logger, NotConnectedError, type OutgoingMessage, type Sender } from "../core/types.js";
import type { OutboxRow, OutboxStore } from "./outbox-store.js";

/**
 * How queued rows of one merge kind to one chat go as one message: fewer sends is faster for
 * residents and safer for the account. `compose` gets the distinct parts, oldest first.
 */
export interface Merger {
  /** Most rows in one message. */
  max: number;
  compose(parts: string[]): string;
}

/**
 * Port: when the account last sent, kept in the database so the gap between two sends holds
 * across a restart or a takeover by another process.
 */
export interface SendPacing {
  lastSentAt(): Promise<Date | null>;
  noteSent(at: Date): Promise<void>;
}

export interface OutboxOptions {
  store: OutboxStore;
  sender: Sender;
  clock: Clock;
  logger: Logger;
  account?: string;
  /** Smallest gap between two sends, plus a random 0..jitterMs. */
  intervalMs: number;
  jitterMs: number;
  maxAttempts?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  pacing?: SendPacing;
  /** Merge kinds this outbox knows; rows of an unknown kind go one by one. */
  mergers?: Readonly<Record<string, Merger>>;
  /** Told once when the rows waiting pass `threshold`, and again only after it fell to half. */
  backlog?: { threshold: number; onPassed(waiting: number): Promise<void> };
}

/**
 * Send order when several messages are due: a reply to the person who asked goes before
 * the work it confirms (cards, notices), and those before broadcasts. Lower goes first.
 */
export const sendPriority = { urgent: 0, reply: 1, notice: 2, broadcast: 3 } as const;
export type SendPriority = (typeof sendPriority)[keyof typeof sendPriority];

export interface EnqueueOptions {
  key?: string;
  notBefore?: Date;
  broadcastRunId?: number;
  /** Defaults to `broadcast` for a broadcast run's rows, else `notice`. */
  priority?: SendPriority;
  /** Still queued with others of this kind to the same chat, it goes as one message with them. */
  merge?: { kind: string; part: string };
}

/** One message for rows taken together: their distinct parts composed, everyone mentioned once. */
export function mergeRows(rows: OutboxRow[], merger: Merger | undefined): OutgoingMessage {
  const first = rows[0]!;
  const mentionIds = [...new Set(rows.flatMap((r) => r.mentionIds))];
  const texts = new Set(rows.map((r) => r.text));
  if (texts.size === 1 || !merger) return { to: first.to, text: first.text, mentionIds };
  const parts = [...new Set(rows.map((r) => r.mergePart ?? r.text))];
  return { to: first.to, text: parts.length === 1 ? first.text : merger.compose(parts), mentionIds };
}

export function createOutbox(o: OutboxOptions) {
  const account = o.account ?? "wechaty";
  const maxAttempts = o.maxAttempts ?? 5;
  const random = o.random ?? Math.random;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let running = false;
  let loop: Promise<void> | null = null;
  let lastSentAt = 0;
  let wake: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];
  let sentCount = 0;
  let backlogTold = false;
  let backlogCheckedAt = 0;
  let paused = false;
  // A message the channel could not hand over waits this long before the next try.
  const notConnectedRetryMs = 1_000;

  const poke = () => {
    wake?.();
    wake = null;
  };

  async function waitForWork(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  // Round-robin between chats at equal priority: a flood to one group does not hold up the
  // others. Chats by when they were last served (least recent first); bounded, forgetting
  // the longest-unserved, which then simply count as never served.
  const served = new Map<string, number>();
  let serveCount = 0;
  const chatOf = (r: OutboxRow) => `${r.to.kind}:${r.to.id}`;
  function pickChat(heads: OutboxRow[]): OutboxRow {
    let best = heads[0]!;
    let bestAt = served.get(chatOf(best)) ?? -1;
    for (const h of heads) {
      const at = served.get(chatOf(h)) ?? -1;
      if (at < bestAt) {
        best = h;
        bestAt = at;
      }
    }
    return best;
  }
  function noteServed(row: OutboxRow): void {
    const chat = chatOf(row);
    served.delete(chat);
    served.set(chat, ++serveCount);
    if (served.size > 1_000) served.delete(served.keys().next().value!);
  }

  async function sendOne(): Promise<boolean> {
    const now = o.clock.now();
    const heads = await o.store.dueHeads(account, now, 100);
    if (!heads.length) return false;
    const row = pickChat(heads);
    noteServed(row);
    if (!(await o.store.take(row.id))) return true; // another process took it
    const merger = row.mergeKind ? o.mergers?.[row.mergeKind] : undefined;
    const rows = merger ? [row, ...(await o.store.takeMergeable(row, now, merger.max - 1))] : [row];
    try {
      await o.sender.send(mergeRows(rows, merger));
      const at = o.clock.now();
      for (const r of rows) await o.store.markSent(r.id, at);
      sentCount++;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof NotConnectedError) {
        // Nothing left the process: keep the messages, and their attempts, for when the link is back.
        const retryAt = new Date(o.clock.now().getTime() + notConnectedRetryMs);
        for (const r of rows) await o.store.markUnsent(r.id, reason, retryAt);
        o.logger.debug("outbox: not connected, message kept", { outboxId: row.id });
        return false;
      }
      for (const r of rows) await settleFailure(r, reason);
    }
    lastSentAt = Date.now();
    await o.pacing?.noteSent(new Date(lastSentAt)).catch((err) => {
      o.logger.warn("outbox: could not store the last send time", { reason: String(err) });
    });
    return true;
  }

  async function settleFailure(row: OutboxRow, reason: string): Promise<void> {
    if (row.attempts + 1 >= maxAttempts) {
      await o.store.markFailed(row.id, reason);
      o.logger.error("outbox send failed for good", { outboxId: row.id, reason });
    } else {
      const backoff = 2 ** row.attempts * 5_000;
      await o.store.markRetry(row.id, reason, new Date(o.clock.now().getTime() + backoff));
      o.logger.warn("outbox send failed, will retry", { outboxId: row.id, reason, backoffMs: backoff });
    }
  }

  /** Staff hear once when the queue grows past the threshold (a flood, or the account stalled). */
  async function watchBacklog(): Promise<void> {
    if (!o.backlog || Date.now() - backlogCheckedAt < 1_000) return;
    backlogCheckedAt = Date.now();
    const waiting = (await o.store.countByState(account)).pending ?? 0;
    if (waiting >= o.backlog.threshold && !backlogTold) {
      backlogTold = true;
      o.logger.warn("outbox backlog passed the threshold", { waiting, threshold: o.backlog.threshold });
      await o.backlog.onPassed(waiting);
    } else if (waiting <= o.backlog.threshold / 2) backlogTold = false;
  }

  function releaseIdleWaiters(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  async function run(): Promise<void> {
    while (running) {
      if (paused) {
        releaseIdleWaiters();
        await waitForWork(60_000);
        continue;
      }
      const gap = o.intervalMs + Math.floor(random() * (o.jitterMs + 1));
      const wait = lastSentAt + gap - Date.now();
      if (lastSentAt && wait > 0) await sleep(wait);
      if (!running) break;
      let sent = false;
      try {
        await watchBacklog();
        sent = await sendOne();
      } catch (err) {
        o.logger.error("outbox loop error", { reason: err instanceof Error ? err.message : String(err) });
        await sleep(1000);
        continue;
      }
      if (sent) continue;
      releaseIdleWaiters();
      const next = await o.store.nextWake(account).catch(() => null);
      const until = next ? Math.max(10, next.getTime() - o.clock.now().getTime()) : 5_000;
      await waitForWork(Math.min(until, 5_000));
    }
  }

  return {
    /** Stores a message to send; with a key, a second enqueue of the same key does nothing. */
    async enqueue(message: OutgoingMessage, opts: EnqueueOptions = {}): Promise<boolean> {
      const now = o.clock.now();
      const inserted = await o.store.insert(message, {
        account,
        key: opts.key,
        notBefore: opts.notBefore ?? now,
        now,
        broadcastRunId: opts.broadcastRunId,
        priority: opts.priority ?? (opts.broadcastRunId !== undefined ? sendPriority.broadcast : sendPriority.notice),
        mergeKind: opts.merge?.kind,
        mergePart: opts.merge?.part,
      });
      if (inserted) poke();
      return inserted;
    },
    async start(): Promise<void> {
      if (running) return;
      const interrupted = await o.store.settleInterrupted(account);
      if (interrupted) o.logger.warn("outbox: messages interrupted mid-send were not resent", { count: interrupted });
      const stored = await o.pacing?.lastSentAt();
      if (stored) lastSentAt = Math.max(lastSentAt, stored.getTime());
      running = true;
      loop = run();
    },
    async stop(): Promise<void> {
      running = false;
      poke();
      await loop;
      loop = null;
    },
    /**
     * Holds every send while the channel is down or logged out, so no attempt is spent on a
     * link that cannot carry it; stored messages wait, and new ones are still stored.
     */
    pause(): void {
      paused = true;
      poke();
    },
    resume(): void {
      paused = false;
      poke();
    },
    get paused() {
      return paused;
    },
    /** Messages stored and not yet sent (pending, or being sent). */
    async backlog(): Promise<number> {
      const byState = await o.store.countByState(account);
      return (byState.pending ?? 0) + (byState.sending ?? 0);
    },
    /** Resolves when nothing is due, or sending is paused (for tests and graceful shutdown). */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        poke();
      });
    },
    get sent() {
      return sentCount;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
