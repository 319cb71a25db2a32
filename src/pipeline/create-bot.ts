// Receives every InboundMessage from every channel: drops the bot's own, stores each once,
// then runs the middleware chain inside one error boundary per message.
import { type Clock, type InboundMessage, isLinkError, type Logger, type Role } from "../core/types.js";
import type { RoleResolver } from "../people/role-resolver.js";
import type { RoomRegistry } from "../people/room-registry.js";
import type { InboxStore } from "./inbox-store.js";
import { parseQuoteReply } from "../text/quote.js";
import { type Middleware, compose } from "./compose.js";
import type { Context } from "./context.js";
import { createKeyedQueue } from "./keyed-queue.js";
import { pipelineReplies } from "./pipeline-replies.js";
import { parseCommand } from "../commands/parse-command.js";
import { stripBotMention } from "../text/mentions.js";
import { type Outbox, sendPriority } from "../outbox/outbox.js";

export interface BotOptions {
  botName: string;
  inbox: InboxStore;
  outbox: Pick<Outbox, "enqueue">;
  rooms: RoomRegistry;
  roles: Pick<RoleResolver, "rolesOf">;
  clock: Clock;
  logger: Logger;
  middlewares: Middleware<Context>[];
  concurrency?: number;
  /** Waits before handling again a message that broke on an unreachable WeChat; the count of tries. */
  linkRetryMs?: number[];
  /** Called after each message is handled, with the time it took (for the benchmark). */
  onHandled?: (message: InboundMessage, ms: number) => void;
}

export function createBot(o: BotOptions) {
  const queue = createKeyedQueue(o.concurrency ?? 32);
  const chain = compose(o.middlewares);

  function buildContext(m: InboundMessage, roles: Set<Role>): Context {
    const room = m.roomId ? o.rooms.register(m.roomId, m.roomTopic ?? "") : null;
    const text = stripBotMention(m.text, o.botName);
    const send: Context["send"] = async (to, body, part) => {
      await o.outbox.enqueue({ to, text: body, mentionIds: [] }, { key: `msg:${m.id}:${part}` });
    };
    const quote = parseQuoteReply(text);
    return {
      message: m,
      text,
      quote,
      room,
      roles,
      actor: { id: m.talkerId, name: m.talkerName },
      command: parseCommand(text, quote),
      send,
      async reply(body, options = {}) {
        const mention = options.mention ?? true;
        const to = m.roomId ? { kind: "room" as const, id: m.roomId } : { kind: "contact" as const, id: m.talkerId };
        await o.outbox.enqueue(
          { to, text: body, mentionIds: m.roomId && mention ? [m.talkerId] : [] },
          { key: `msg:${m.id}:${options.part ?? "reply"}`, priority: sendPriority.reply, merge: options.merge },
        );
      },
    };
  }

  // A message whose handling broke because WeChat could not be reached (the puppet service
  // went away mid-way) stays pending and is handled again later, instead of being marked
  // failed with an apology: its replies are keyed by message, so none goes twice.
  const retryMs = o.linkRetryMs ?? [2_000, 5_000, 10_000, 30_000, 60_000];
  const linkTries = new Map<string, number>();
  function retryLater(m: InboundMessage, err: unknown): boolean {
    if (!isLinkError(err)) return false;
    const tries = linkTries.get(m.id) ?? 0;
    if (tries >= retryMs.length) return false;
    linkTries.set(m.id, tries + 1);
    o.logger.warn("message handling interrupted: WeChat unreachable, will try again", {
      messageId: m.id,
      reason: err instanceof Error ? err.message : String(err),
    });
    setTimeout(() => void queue.run(m.talkerId, () => handleUnlessClosed(m)), retryMs[tries]).unref();
    return true;
  }

  async function handle(m: InboundMessage): Promise<void> {
    const started = performance.now();
    let ctx: Context | undefined;
    try {
      ctx = buildContext(m, await o.roles.rolesOf(m.talkerId));
      await chain(ctx);
      await o.inbox.finish(m.id, "done", o.clock.now());
      linkTries.delete(m.id);
    } catch (err) {
      if (retryLater(m, err)) return;
      linkTries.delete(m.id);
      o.logger.error("message handling failed", {
        messageId: m.id,
        reason: err instanceof Error ? err.message : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      });
      await ctx?.reply(pipelineReplies.internal(), { part: "internal-error" }).catch(() => {});
      await o.inbox
        .finish(m.id, "failed", o.clock.now(), err instanceof Error ? err.message : String(err))
        .catch(() => {});
    } finally {
      if (!linkTries.has(m.id)) o.onHandled?.(m, performance.now() - started);
    }
  }

  // After close() (shutdown), messages are still stored but left for the next start's recover().
  let closed = false;
  const handleUnlessClosed = (m: InboundMessage) => (closed ? Promise.resolve() : handle(m));

  return {
    /** Takes one message from a channel; resolves once it is stored (handling goes on). */
    async receive(m: InboundMessage): Promise<{ handled: Promise<void> } | null> {
      if (m.self) return null;
      if ((await o.inbox.save(m)) === "duplicate") return null;
      if (closed) return null;
      return { handled: queue.run(m.talkerId, () => handleUnlessClosed(m)) };
    },
    /**
     * Stops taking messages: the ones being handled finish, the ones waiting in the queue
     * and any that arrive from now on stay stored as pending for the next start.
     */
    close(): void {
      closed = true;
    },
    /** Handles messages stored but not handled before the last stop. */
    async recover(): Promise<number> {
      const pending = await o.inbox.pending(10_000);
      for (const m of pending) void queue.run(m.talkerId, () => handleUnlessClosed(m));
      if (pending.length) o.logger.info("recovering unhandled messages", { count: pending.length });
      return pending.length;
    },
    idle: () => queue.drain(),
  };
}

export type Bot = ReturnType<typeof createBot>;
