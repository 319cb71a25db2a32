// Turns a POST /api/say body into a mock contact speaking, as a real person would
// in WeChat: in a room (optionally @-mentioning the bot, optionally quoting) or
// privately to the bot.
import type { mock } from "wechaty-puppet-mock";
import type { DemoCommunity } from "../demo/demo-community.js";
import { formatQuoteReply } from "../text/quote.js";

export const maxTextLength = 4000;

export type SayProblem =
  | "not_an_object"
  | "unknown_person"
  | "unknown_room"
  | "not_a_member"
  | "empty_text"
  | "text_too_long"
  | "bad_quote";

// The words a newcomer sees when the page sends something the server cannot use.
export const sayProblemWords: Record<SayProblem, string> = {
  not_an_object: "请求格式不对，请刷新页面后再试。",
  unknown_person: "没有找到这个身份，请重新选择身份。",
  unknown_room: "没有找到这个群聊，请重新选择群聊。",
  not_a_member: "这个人不在这个群里，请换一个身份。",
  empty_text: "请先输入要说的话。",
  text_too_long: `一条消息最多 ${maxTextLength} 个字，请分几次发送。`,
  bad_quote: "引用的消息格式不对，请取消引用后再试。",
};

export interface SayRequest {
  contact: mock.ContactMock;
  room: mock.RoomMock | null;
  text: string;
  mentionBot: boolean;
  quote: { from: string; text: string } | null;
}

export type ParsedSay = { ok: true; request: SayRequest } | { ok: false; problem: SayProblem };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseQuote(value: unknown): SayRequest["quote"] | SayProblem {
  if (value === undefined || value === null) return null;
  if (!isRecord(value) || typeof value.from !== "string" || typeof value.text !== "string") return "bad_quote";
  if (value.from.length > 64 || value.text.length > maxTextLength) return "bad_quote";
  return { from: value.from, text: value.text };
}

export function parseSayRequest(body: unknown, demo: DemoCommunity): ParsedSay {
  if (!isRecord(body)) return { ok: false, problem: "not_an_object" };
  const contact = typeof body.personKey === "string" ? demo.people.get(body.personKey)?.contact : undefined;
  if (!contact) return { ok: false, problem: "unknown_person" };
  let room: mock.RoomMock | null = null;
  if (body.roomId !== null && body.roomId !== undefined) {
    room = [...demo.rooms.values()].find((r) => r.id === body.roomId) ?? null;
    if (!room) return { ok: false, problem: "unknown_room" };
    if (!room.payload.memberIdList.includes(contact.id)) return { ok: false, problem: "not_a_member" };
  }
  const text = typeof body.text === "string" ? body.text.trim() : "";
  if (!text) return { ok: false, problem: "empty_text" };
  if (text.length > maxTextLength) return { ok: false, problem: "text_too_long" };
  const quote = parseQuote(body.quote);
  if (typeof quote === "string") return { ok: false, problem: quote };
  return { ok: true, request: { contact, room, text, mentionBot: body.mentionBot === true, quote } };
}

/** Makes the contact say the request; a message typed as `@邻里管家 …` counts as a mention too. */
export function performSay(request: SayRequest, demo: DemoCommunity): void {
  const botName = demo.botUser.payload.name;
  const typedMention = new RegExp(`^@${escapeRegExp(botName)}[\\s\\u2005]*`);
  let reply = request.text;
  let mention = false;
  if (request.room && (request.mentionBot || typedMention.test(reply))) {
    // WeChat puts a four-per-em space after an @name; Wechaty relies on it.
    reply = `@${botName}\u2005${reply.replace(typedMention, "")}`;
    mention = true;
  }
  const text = request.quote ? formatQuoteReply(request.quote.from, request.quote.text, reply) : reply;
  const speech = request.contact.say(text, mention ? [demo.botUser] : []);
  speech.to(request.room ?? demo.botUser);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
