// Records every message of the demo community, so the web page can show each
// conversation as WeChat would. It listens to the mock contacts rather than to the
// bot, so it also sees what people say when the bot ignores them.
import { types } from "wechaty-puppet";
import type { mock } from "wechaty-puppet-mock";
import type { DemoCommunity } from "../demo/demo-community.js";
import { parseQuoteReply, type QuoteReply } from "../text/quote.js";

export interface TranscriptEntry {
  /** Increases by one per message; the page asks for everything after the last one it saw. */
  seq: number;
  /** A room id, or `private:<personContactId>` for a one-to-one chat with the bot. */
  conversation: string;
  from: string;
  fromId: string;
  isBot: boolean;
  text: string;
  /** Set when the text is a WeChat quote-reply, so the page can show the quote apart. */
  quote: QuoteReply | null;
  at: string;
}

export interface Transcript {
  /** Entries with a sequence number above `seq`, oldest first. */
  since(seq: number): TranscriptEntry[];
  latestSeq(): number;
  close(): void;
}

type MessagePayload = mock.MessageMock["payload"];
type MessageListener = (message: mock.MessageMock) => void;

// The mock's typings resolve its typed-emitter base wrongly under NodeNext (a CommonJS
// default export), so the two emitter methods used here are declared by hand.
interface MessageEmitter {
  on(event: "message", listener: MessageListener): unknown;
  off(event: "message", listener: MessageListener): unknown;
}

// What the page shows for messages that carry no text.
const mediaWords: Partial<Record<types.Message, string>> = {
  [types.Message.Image]: "[图片]",
  [types.Message.Audio]: "[语音]",
  [types.Message.Video]: "[视频]",
  [types.Message.Attachment]: "[文件]",
  [types.Message.Emoticon]: "[表情]",
  [types.Message.Url]: "[链接]",
};

export function privateConversation(personContactId: string): string {
  return `private:${personContactId}`;
}

function conversationOf(payload: MessagePayload, botId: string): string {
  if ("roomId" in payload && payload.roomId) return payload.roomId;
  const listenerId = "listenerId" in payload ? payload.listenerId : undefined;
  // A private chat is named after the person, whichever side is talking.
  return privateConversation(payload.talkerId === botId && listenerId ? listenerId : payload.talkerId);
}

function textOf(payload: MessagePayload): string {
  if (payload.type === types.Message.Text) return payload.text ?? "";
  return mediaWords[payload.type] ?? "[其他消息]";
}

export function recordTranscript(demo: DemoCommunity, limit = 2000): Transcript {
  const botId = demo.botUser.id;
  const contacts = [demo.botUser, ...[...demo.people.values()].map((p) => p.contact)];
  const entries: TranscriptEntry[] = [];
  let seq = 0;

  const record = (payload: MessagePayload) => {
    const text = textOf(payload);
    entries.push({
      seq: ++seq,
      conversation: conversationOf(payload, botId),
      from: nameOf(demo, payload.talkerId),
      fromId: payload.talkerId,
      isBot: payload.talkerId === botId,
      text,
      quote: parseQuoteReply(text),
      at: new Date(payload.timestamp || Date.now()).toISOString(),
    });
    if (entries.length > limit) entries.splice(0, entries.length - limit);
  };

  // Each message is emitted by its room, its talker and its listener; keeping only
  // the talker's copy records it exactly once.
  const listeners = contacts.map((contact) => {
    const emitter = contact as unknown as MessageEmitter;
    const listener: MessageListener = (message) => {
      if (message.payload.talkerId === contact.id) record(message.payload);
    };
    emitter.on("message", listener);
    return () => emitter.off("message", listener);
  });

  return {
    since(after) {
      const first = entries[0]?.seq ?? seq + 1;
      return entries.slice(Math.max(0, after + 1 - first));
    },
    latestSeq: () => seq,
    close: () => {
      for (const off of listeners) off();
    },
  };
}

function nameOf(demo: DemoCommunity, contactId: string): string {
  try {
    return demo.mocker.contactPayload(contactId)?.name || contactId;
  } catch {
    return contactId;
  }
}
