// A resident's request in a residents' room (with or without an @ of the bot) or in a
// private chat becomes a ticket. Questions and chit-chat pass on down the chain.
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { stripEmoji } from "../text/emoji.js";
import { extractLocation } from "../understand/extract-location.js";
import { isOffTopic } from "../understand/off-topic.js";
import type { Parsed } from "../understand/taxonomy.js";
import type { TicketService } from "./ticket-service.js";

export type Understand = (text: string, ctx: { quoted?: string; messageId: string }) => Promise<Parsed>;

/** Stored text is kept whole; understanding reads at most this much. */
const maxUnderstoodChars = 2000;

export function understandMessage(understand: Understand): Middleware<Context> {
  return async (ctx, next) => {
    const where = ctx.room?.role ?? "private";
    if (where === "resident" || where === "private" || ctx.message.mentionSelf) {
      const text = ctx.quote ? ctx.quote.reply : ctx.text;
      const parsed = await understand(text.slice(0, maxUnderstoodChars), {
        quoted: ctx.quote?.quotedText,
        messageId: ctx.message.id,
      });
      // Someone who asks the bot something directly gets an answer or a person, never
      // silence (件件有回声), even when the parser filed the question as small talk.
      const addressed = ctx.message.mentionSelf || where === "private";
      ctx.state.parsed =
        addressed && parsed.kind === "other" && looksLikeQuestion(text) ? { ...parsed, kind: "question" } : parsed;
    }
    return next();
  };
}

const questionCue =
  /[?？]|吗|么|[不没][啊呀呢哈]*[\s!！。~～]*$|能不能|可不可以|可以不|行不行|有没有|怎么|咋|如何|哪|几|多少|啥|什么|是不是|会不会/;
const smallTalk = /^(?:谢谢|多谢|感谢|好的|收到|你好|您好|早上好|晚上好|辛苦|哈哈|嗯)/;

function looksLikeQuestion(text: string): boolean {
  const t = stripEmoji(text, "").trim();
  return t.length >= 4 && questionCue.test(t) && !smallTalk.test(t);
}

/**
 * A resident's answer to "在几号楼几单元呀?" ("3号楼2单元", "在5栋302") fills in the place of the
 * ticket that asked; anything else (or no ticket waiting) passes on.
 */
export function placeAnswer(tickets: TicketService): Middleware<Context> {
  return async (ctx, next) => {
    const parsed = ctx.state.parsed as Parsed | undefined;
    const where = ctx.room?.role ?? "private";
    if (!parsed || parsed.kind === "request" || (where !== "resident" && where !== "private")) return next();
    const place = extractLocation(ctx.quote ? ctx.quote.reply : ctx.text);
    if (place.building === null && place.unit === null && place.room === null) return next();
    const located = await tickets.addPlace(ctx.actor, ctx.room?.id ?? null, place, ctx.message.id);
    if (!located) return next();
  };
}

export function ticketIntake(tickets: TicketService): Middleware<Context> {
  return async (ctx, next) => {
    const parsed = ctx.state.parsed as Parsed | undefined;
    const where = ctx.room?.role ?? "private";
    if (!parsed || parsed.kind !== "request" || (where !== "resident" && where !== "private")) return next();
    // "帮我讲个笑话": asked like a request, about nothing the community does. No ticket; the
    // FAQ step says kindly what the bot can do.
    if (parsed.category === "other" && parsed.urgency !== "urgent" && isOffTopic(ctx.text)) {
      ctx.state.parsed = { ...parsed, kind: "question", category: null, urgency: null };
      return next();
    }
    await tickets.open({
      messageId: ctx.message.id,
      resident: ctx.actor,
      roomId: ctx.room?.id ?? null,
      roomTopic: ctx.room?.topic ?? null,
      // The text as written, without the @ of the bot: volunteers' cards never show "@邻里管家".
      text: ctx.text,
      parsed,
    });
  };
}
