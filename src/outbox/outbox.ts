// One outbox for every outgoing message: stored before sending, sent once, paced per
// account so a burst (or a broadcast to fifty groups) never floods the WeChat account.
import type { Clock, Logger, OutgoingMessage, Sender } from "../core/types.js";
import type { OutboxStore } from "./outbox-store.js";

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

  async function sendOne(): Promise<boolean> {
    const now = o.clock.now();
    const row = await o.store.nextDue(account, now);
    if (!row) return false;
    if (!(await o.store.take(row.id))) return true; // another process took it
    try {
      await o.sender.send({ to: row.to, text: row.text, mentionIds: row.mentionIds });
      await o.store.markSent(row.id, o.clock.now());
      sentCount++;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (row.attempts + 1 >= maxAttempts) {
        await o.store.markFailed(row.id, reason);
        o.logger.error("outbox send failed for good", { outboxId: row.id, reason });
      } else {
        const backoff = 2 ** row.attempts * 5_000;
        await o.store.markRetry(row.id, reason, new Date(o.clock.now().getTime() + backoff));
        o.logger.warn("outbox send failed, will retry", { outboxId: row.id, reason, backoffMs: backoff });
      }
    }
    lastSentAt = Date.now();
    return true;
  }

  async function run(): Promise<void> {
    while (running) {
      const gap = o.intervalMs + Math.floor(random() * (o.jitterMs + 1));
      const wait = lastSentAt + gap - Date.now();
      if (lastSentAt && wait > 0) await sleep(wait);
      if (!running) break;
      let sent = false;
      try {
        sent = await sendOne();
      } catch (err) {
        o.logger.error("outbox loop error", { reason: err instanceof Error ? err.message : String(err) });
        await sleep(1000);
        continue;
      }
      if (sent) continue;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
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
      });
      if (inserted) poke();
      return inserted;
    },
    async start(): Promise<void> {
      if (running) return;
      const interrupted = await o.store.settleInterrupted(account);
      if (interrupted) o.logger.warn("outbox: messages interrupted mid-send were not resent", { count: interrupted });
      running = true;
      loop = run();
    },
    async stop(): Promise<void> {
      running = false;
      poke();
      await loop;
      loop = null;
    },
    /** Resolves when nothing is due (for tests and graceful shutdown). */
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
