// The Wechaty channel: any puppet (puppet-service for real WeChat/WeCom, the mock for the
// demo). It only translates: native message → InboundMessage, and Sender/Directory calls
// → puppet calls. No business rule lives here.
import { types } from "wechaty-puppet";
import type { MessageInterface, WechatyInterface } from "wechaty/impls";
import {
  type InboundMessage,
  type Logger,
  type MessageType,
  NotConnectedError,
  type OutgoingMessage,
  type Sender,
} from "../core/types.js";
import type { Directory } from "../people/role-resolver.js";

const typeMap: Partial<Record<types.Message, MessageType>> = {
  [types.Message.Text]: "text",
  [types.Message.Image]: "image",
  [types.Message.Audio]: "voice",
  [types.Message.Video]: "video",
  [types.Message.Attachment]: "file",
  [types.Message.Emoticon]: "sticker",
  [types.Message.Url]: "link",
};

export async function toInboundMessage(message: MessageInterface): Promise<InboundMessage> {
  const room = message.room();
  const talker = message.talker();
  const type = typeMap[message.type()] ?? "other";
  const [topic, mentionSelf, mentions] = await Promise.all([
    room ? room.topic() : Promise.resolve(null),
    room && type === "text" ? message.mentionSelf() : Promise.resolve(false),
    room && type === "text" ? message.mentionList() : Promise.resolve([]),
  ]);
  const alias = room ? await room.alias(talker).catch(() => undefined) : undefined;
  return {
    id: message.id,
    roomId: room?.id ?? null,
    roomTopic: topic,
    talkerId: talker.id,
    talkerName: alias || talker.name() || "居民",
    type,
    text: type === "text" ? message.text() : "",
    mentionSelf,
    mentionIds: mentions.map((c) => c.id),
    self: message.self(),
    receivedAt: message.date(),
  };
}

export interface WechatyChannel {
  sender: Sender;
  directory: Directory;
  /** The rooms the account is in, with their topics and owners (null where the puppet gives none). */
  listRooms(): Promise<{ id: string; topic: string; ownerId: string | null }[]>;
}

export function createWechatyChannel(options: {
  bot: WechatyInterface;
  logger: Logger;
  onMessage(message: InboundMessage): Promise<unknown>;
  onRoomTopic?(room: { id: string; topic: string; ownerId: string | null }): void;
  /** False while the link to the puppet service is down (see puppet-link.ts). */
  isConnected?(): boolean;
  /** Waits before each new try to fetch a message the service announced but could not give; the last repeats. */
  refetchMs?: number[];
}): WechatyChannel {
  const { bot, logger } = options;
  const refetchMs = options.refetchMs ?? [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];

  // A message the service announced but whose content could not be fetched (the link dropped
  // between the two, or the service stumbled) is fetched again, while the link is up, a few
  // times, instead of being lost. Its id keeps it from being stored twice.
  const refetching = new Map<string, number>();
  function refetchLater(id: string, reason: string): void {
    const tries = refetching.get(id) ?? 0;
    if (tries >= refetchMs.length) {
      refetching.delete(id);
      logger.error("message lost: the puppet service could not give it", { messageId: id, reason });
      return;
    }
    refetching.set(id, tries + 1);
    if (tries === 0) logger.warn("message not fetched, will try again", { messageId: id, reason });
    const wait = refetchMs[tries]!;
    setTimeout(() => void refetch(id), wait).unref();
  }
  async function refetch(id: string): Promise<void> {
    if (options.isConnected?.() === false || !bot.isLoggedIn) {
      // Not a try: the link is down; look again shortly.
      setTimeout(() => void refetch(id), refetchMs[0]).unref();
      return;
    }
    const message = await bot.Message.find({ id }).catch(() => undefined);
    if (!message) return refetchLater(id, "message not found");
    await take(message, true);
  }
  async function take(message: MessageInterface, again: boolean): Promise<void> {
    try {
      await options.onMessage(await toInboundMessage(message));
      if (again) {
        refetching.delete(message.id);
        logger.info("message fetched on a later try", { messageId: message.id });
      }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      logger.warn("could not take a message from Wechaty", { messageId: message.id, reason });
      refetchLater(message.id, reason);
    }
  }

  bot.on("message", (message) => take(message, false));
  // Wechaty 1.x drops a message whose payload it could not load and says only this.
  bot.on("error", (err) => {
    const found = /message not found for id: (\S+)/.exec(err instanceof Error ? err.message : String(err));
    if (found && !refetching.has(found[1]!)) refetchLater(found[1]!, "message not found");
  });
  const ownerOf = (room: { owner(): { id: string } | undefined }) => room.owner()?.id ?? null;
  bot.on("room-topic", (room, topic) => options.onRoomTopic?.({ id: room.id, topic, ownerId: ownerOf(room) }));
  bot.on("room-join", async (room) =>
    options.onRoomTopic?.({ id: room.id, topic: await room.topic(), ownerId: ownerOf(room) }),
  );

  const sender: Sender = {
    async send(m: OutgoingMessage) {
      if (options.isConnected?.() === false) throw new NotConnectedError("puppet service disconnected");
      if (!bot.isLoggedIn) throw new NotConnectedError("account not logged in");
      try {
        await deliver(m);
      } catch (err) {
        // gRPC UNAVAILABLE before a connection was made: the message never left this process.
        const e = err as { code?: unknown; message?: unknown };
        if (e?.code === 14 && /No connection established/.test(String(e.message))) {
          throw new NotConnectedError("puppet service unreachable");
        }
        throw err;
      }
    },
  };

  async function deliver(m: OutgoingMessage): Promise<void> {
    if (m.to.kind === "room") {
      const room = await bot.Room.find({ id: m.to.id });
      if (!room) throw new Error(`room ${m.to.id} not found`);
      const mentions = [];
      for (const id of m.mentionIds ?? []) {
        const c = await bot.Contact.find({ id });
        if (c) mentions.push(c);
      }
      await (mentions.length ? room.say(m.text, ...mentions) : room.say(m.text));
    } else {
      const contact = await bot.Contact.find({ id: m.to.id });
      if (!contact) throw new Error(`contact ${m.to.id} not found`);
      await contact.say(m.text);
    }
  }

  const directory: Directory = {
    async memberIds(roomId) {
      const room = await bot.Room.find({ id: roomId });
      return room ? (await room.memberAll()).map((c) => c.id) : [];
    },
    async nameOf(contactId) {
      const c = await bot.Contact.find({ id: contactId });
      return c ? c.name() : null;
    },
    async findMember(roomIds, name) {
      for (const roomId of roomIds) {
        const room = await bot.Room.find({ id: roomId });
        const member = room ? await room.member(name) : undefined;
        if (member) return { id: member.id, name: member.name() };
      }
      return null;
    },
  };

  return {
    sender,
    directory,
    async listRooms() {
      const rooms = await bot.Room.findAll();
      return Promise.all(
        rooms.map(async (r) => ({ id: r.id, topic: await r.topic(), ownerId: r.owner()?.id ?? null })),
      );
    },
  };
}
