import type { Actor, Destination, InboundMessage, Role } from "../core/types.js";
import type { Command } from "../commands/parse-command.js";
import type { KnownRoom } from "../people/room-registry.js";
import type { QuoteReply } from "../text/quote.js";
import type { Understanding } from "../understand/understanding.js";

export interface ReplyOptions {
  /** @-mention the sender (rooms only); default true. */
  mention?: boolean;
  /** Part of the idempotency key; distinct replies to one message need distinct parts. */
  part?: string;
  /** Still queued with replies of this kind to the same chat, it goes as one message with them. */
  merge?: { kind: string; part: string };
}

/** What every middleware sees for one inbound message. */
export interface Context {
  message: InboundMessage;
  /** Text with the bot's @mention removed and spaces tidied. */
  text: string;
  quote: QuoteReply | null;
  /** Null for a private chat. */
  room: KnownRoom | null;
  roles: Set<Role>;
  actor: Actor;
  /** The ticket and hand-over command grammar, parsed once per message; null when it is no command. */
  command: Command | null;
  /**
   * Set by the understanding step (pipeline/understand-message.ts) for residents' rooms, private
   * chats and messages that @ the bot; undefined before that step and for other messages.
   */
  understanding?: Understanding;
  /** Replies where the message came from (a room, mentioning the sender, or the private chat). */
  reply(text: string, options?: ReplyOptions): Promise<void>;
  /** Sends to any destination through the outbox, once per message and part. */
  send(to: Destination, text: string, part: string): Promise<void>;
}
