// Shapes shared by every part of linli. Domain code depends on these, never on a transport.

export type Role = "resident" | "volunteer" | "staff";
export type RoomRole = Role | "none";

export type MessageType = "text" | "image" | "voice" | "video" | "file" | "sticker" | "link" | "other";

/** One message from any channel (Wechaty, the web simulator), in one shape. */
export interface InboundMessage {
  /** Channel message id; unique, the inbox stores a message once by it. */
  id: string;
  /** Null for a private (one-to-one) chat. */
  roomId: string | null;
  roomTopic: string | null;
  talkerId: string;
  talkerName: string;
  type: MessageType;
  text: string;
  /** The bot was @-mentioned. */
  mentionSelf: boolean;
  /** Contact ids @-mentioned in the message (for `指派 N @某人`). */
  mentionIds: string[];
  /** The message was sent by the bot's own account. */
  self: boolean;
  receivedAt: Date;
}

/** Where an outgoing message goes. */
export interface Destination {
  kind: "room" | "contact";
  id: string;
}

export interface OutgoingMessage {
  to: Destination;
  text: string;
  /** Contact ids to @-mention (rooms only). */
  mentionIds?: string[];
}

/** Transport port: delivers one message now. The outbox is its only caller. */
export interface Sender {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * Thrown by a Sender that could not hand the message over at all (the link is down or the
 * account logged out): the outbox keeps it for later without counting an attempt.
 */
export class NotConnectedError extends Error {
  override name = "NotConnectedError";
}

/** WeChat could not be reached: not connected, or gRPC UNAVAILABLE (code 14) from the puppet service. */
export function isLinkError(err: unknown): boolean {
  if (err instanceof NotConnectedError) return true;
  return (err as { code?: unknown } | null)?.code === 14;
}

/** Someone who does something: a resident, a volunteer or a staff member. */
export interface Actor {
  id: string;
  name: string;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}
