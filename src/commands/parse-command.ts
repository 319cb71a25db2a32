// The chat grammar of CHAT-CONTRACT.md for tickets and hand-overs. Broadcast commands
// are parsed in broadcasts/. A command is recognised only at the start of a message.
import { halfWidthDigits } from "../text/full-width.js";
import type { QuoteReply } from "../text/quote.js";
import { readRating } from "./read-rating.js";

export type Command =
  | { type: "claim"; id: number }
  | { type: "release"; id: number }
  | { type: "complete"; id: number; note: string }
  | { type: "my-tickets" }
  | { type: "progress"; id: number }
  | { type: "list-open" }
  /** A volunteer's own claimed tasks. */
  | { type: "my-tasks" }
  /** Open tasks a volunteer could take. */
  | { type: "open-tasks" }
  | { type: "close"; id: number; reason: string }
  | { type: "assign"; id: number; assignee: string }
  /** Staff undo a link: the report becomes its own ticket again. */
  | { type: "split"; id: number }
  /** Staff link ticket `id` to `into` (合并 N M: M into N). */
  | { type: "merge"; into: number; id: number }
  /** A resident withdraws a ticket (撤销 N); `reason` is what follows. */
  | { type: "withdraw"; id: number; reason: string }
  /** `bare`: a classic rating alone (满意, 3分), answered even when nothing awaits a rating. */
  | { type: "rate"; rating: number; id: number | null; comment: string; bare: boolean }
  /** Looks like a rating but cannot be read (6分, 评价一下): asked back when a rating is awaited. */
  | { type: "rate-unclear"; id: number | null }
  | { type: "answer-handover"; id: number; answer: string; addToKb: boolean }
  | { type: "add-to-kb"; id: number | null }
  /** A known verb with a missing or malformed number: the reply explains the form. */
  | { type: "malformed"; verb: string; example: string };

// `#12`, `＃12`, `12`, `12号`, `第12号`
const num = String.raw`(?:第)?[#＃]?\s*(\d{1,9})\s*(?:号)?`;

const verbs: { verb: string; pattern: RegExp; example: string; build: (id: number, rest: string) => Command }[] = [
  { verb: "认领", pattern: /^(?:认领|接单)/, example: "认领 12", build: (id) => ({ type: "claim", id }) },
  { verb: "放弃", pattern: /^放弃/, example: "放弃 12", build: (id) => ({ type: "release", id }) },
  {
    verb: "完成",
    pattern: /^(?:完成|办结)/,
    example: "完成 12 已经修好了",
    build: (id, rest) => ({ type: "complete", id, note: rest }),
  },
  { verb: "进度", pattern: /^(?:进度|查询)/, example: "进度 12", build: (id) => ({ type: "progress", id }) },
  {
    verb: "关闭",
    pattern: /^关闭/,
    example: "关闭 12 居民已自行解决",
    build: (id, rest) => ({ type: "close", id, reason: rest }),
  },
  {
    verb: "指派",
    pattern: /^(?:指派|派给|分派)/,
    example: "指派 12 @张师傅",
    build: (id, rest) => ({
      type: "assign",
      id,
      assignee: rest
        .replace(/^@/, "")
        .replace(/[\u2005\s]+$/g, "")
        .trim(),
    }),
  },
  { verb: "拆分", pattern: /^拆分/, example: "拆分 12", build: (id) => ({ type: "split", id }) },
  {
    verb: "撤销",
    pattern: /^(?:撤销|撤回)/,
    example: "撤销 12",
    build: (id, rest) => ({ type: "withdraw", id, reason: rest }),
  },
  {
    verb: "回复",
    pattern: /^回复/,
    example: "回复 3 长者食堂每天11点开饭",
    build: (id, rest) => ({ type: "answer-handover", ...splitAddToKb(rest), id }),
  },
];

function splitAddToKb(text: string): { answer: string; addToKb: boolean } {
  const addToKb = /[，,。\s]*(?:并?加入知识库)\s*$/.test(text);
  return { answer: text.replace(/[，,。\s]*(?:并?加入知识库)\s*$/, "").trim(), addToKb };
}

/** Parses a message (already stripped of the bot's @mention) into a command, or null. */
export function parseCommand(rawText: string, quote: QuoteReply | null = null): Command | null {
  const text = halfWidthDigits(quote ? quote.reply : rawText)
    .replace(/[\s\u2005]+/g, " ")
    .trim();
  // Staff write the number after 加入知识库 too, also when quoting.
  const addWithNumber = /^(?:并?加入知识库|存入知识库)\s*(?:第)?[#＃]?\s*(\d{1,9})\s*号?$/.exec(text);
  if (addWithNumber) return { type: "add-to-kb", id: Number(addWithNumber[1]) };
  if (quote) {
    const fromQuote = parseQuotedCommand(text, quote);
    if (fromQuote) return fromQuote;
  }
  if (text === "我的工单" || text === "我的报修" || text === "我的诉求") return { type: "my-tickets" };
  if (text === "工单" || text === "工单列表" || text === "待办工单") return { type: "list-open" };
  if (text === "我的任务" || text === "我认领的" || text === "我接的单") return { type: "my-tasks" };
  if (text === "任务" || text === "任务列表" || text === "可接任务" || text === "待接任务")
    return { type: "open-tasks" };
  if (/^加入知识库$/.test(text)) return { type: "add-to-kb", id: null };
  const merge = new RegExp(`^合并\\s*${num}\\s*(?:和|与|[，,、]|\\s)\\s*${num}\\s*$`).exec(text);
  if (merge) return { type: "merge", into: Number(merge[1]), id: Number(merge[2]) };
  if (/^合并(?:\s*[#＃\d]|$)/.test(text)) return { type: "malformed", verb: "合并", example: "合并 12 15" };
  // Verbs first: "关闭 3 居民说满意" is a close, not a rating.
  for (const v of verbs) {
    const m = v.pattern.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    const n = new RegExp(`^\\s*${num}(?:\\s+|[，,:：]|$)([\\s\\S]*)$`).exec(after);
    if (!n) {
      // "认领" alone, "认领 abc": a command with a bad number. Longer sentences that merely
      // start with a verb ("完成了吗") are not commands.
      // A verb alone, or followed by a space or # and a short bad token ("认领 abc"), is a
      // command written wrong; "回复一下我啊" or "完成了吗" is ordinary talk.
      if (after.trim() === "" || (/^[\s#＃]/.test(after) && after.trim().length <= 12)) {
        return { type: "malformed", verb: v.verb, example: v.example };
      }
      return null;
    }
    return v.build(Number(n[1]), (n[2] ?? "").trim());
  }
  return parseRating(text);
}

function parseRating(text: string): Command | null {
  const r = readRating(text);
  if (!r) return null;
  if (r.kind === "unclear") return { type: "rate-unclear", id: r.ticketId };
  return { type: "rate", rating: r.rating, id: r.ticketId, comment: r.comment, bare: r.bare };
}

function parseQuotedCommand(reply: string, quote: QuoteReply): Command | null {
  const ref = /[#＃](\d{1,9})/.exec(quote.quotedText);
  if (!ref) return null;
  const id = Number(ref[1]);
  if (/^(?:认领|接单|我来|我去|我接|我可以|交给我)/.test(reply)) return { type: "claim", id };
  if (/^放弃/.test(reply)) return { type: "release", id };
  if (/^(?:完成|办结|已完成|搞定)/.test(reply))
    return { type: "complete", id, note: reply.replace(/^(?:完成|办结|已完成|搞定)[了，,。\s]*/, "").trim() };
  if (/^加入知识库$/.test(reply)) return { type: "add-to-kb", id };
  if (/问题|咨询/.test(quote.quotedText) && !/^(?:认领|接单)/.test(reply)) {
    return { type: "answer-handover", id, ...splitAddToKb(reply) };
  }
  return null;
}
