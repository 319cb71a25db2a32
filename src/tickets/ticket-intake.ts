// A resident's request in a residents' room (with or without an @ of the bot) or in a
// private chat becomes a ticket. Questions and chit-chat pass on down the chain.
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { onlyIn } from "../pipeline/route.js";
import { extractLocation } from "../understand/extract-location.js";
import { isOffTopic } from "../understand/off-topic.js";
import { replyWithdrawal } from "./ticket-commands.js";
import type { OutageNotices } from "./outage-notices.js";
import type { TicketService } from "./ticket-service.js";
import { readWithdrawal } from "./withdraw-ticket.js";

/**
 * "不用了, 已经好了", "没事了 自己修好了": a resident with a ticket still pending withdraws it
 * (with several pending, they are asked which). Without one pending, the message passes on.
 */
export function withdrawByWords(tickets: TicketService): Middleware<Context> {
  return onlyIn(
    "resident",
    "private",
  )(async (ctx, next) => {
    if (ctx.quote || !readWithdrawal(ctx.text)) return next();
    const w = await tickets.withdraw(ctx.actor, null, ctx.text, ctx.message.id);
    if (w.kind === "none") return next();
    await replyWithdrawal(ctx, w);
  });
}

/**
 * A resident's answer to "在几号楼几单元呀?" ("3号楼2单元", "在5栋302") fills in the place of the
 * ticket that asked; anything else (or no ticket waiting) passes on.
 */
export function placeAnswer(tickets: TicketService): Middleware<Context> {
  return onlyIn(
    "resident",
    "private",
  )(async (ctx, next) => {
    const parsed = ctx.understanding;
    if (!parsed || parsed.kind === "request") return next();
    const place = extractLocation(ctx.quote ? ctx.quote.reply : ctx.text);
    if (place.building === null && place.unit === null && place.room === null) return next();
    const located = await tickets.addPlace(ctx.actor, ctx.room?.id ?? null, place, ctx.message.id);
    if (!located) return next();
  });
}

/**
 * A staff member's message in a residents' group announcing a planned outage ("明天8:00-18:00
 * 7号楼停水") is noted (the staff member is told privately) and is not a report.
 */
export function noteOutageNotice(notices: OutageNotices): Middleware<Context> {
  return onlyIn("resident")(async (ctx, next) => {
    if (!ctx.roles.has("staff") || !ctx.room) return next();
    const noted = await notices.note(ctx.text, ctx.room.id, ctx.room.topic, `msg:${ctx.message.id}`);
    if (!noted) return next();
    await ctx.send({ kind: "contact", id: ctx.actor.id }, noted.confirm, "outage-noted");
  });
}

export function ticketIntake(tickets: TicketService, notices: OutageNotices): Middleware<Context> {
  return onlyIn(
    "resident",
    "private",
  )(async (ctx, next) => {
    const parsed = ctx.understanding;
    const intake = {
      messageId: ctx.message.id,
      resident: ctx.actor,
      roomId: ctx.room?.id ?? null,
      roomTopic: ctx.room?.topic ?? null,
      text: ctx.text,
    };
    // "不对, 还是没水" right after an outage answer: the resident insists, the report is opened.
    const insisted = parsed ? await notices.insisted(ctx.actor.id, intake.roomId, ctx.text) : null;
    if (parsed && insisted) {
      await tickets.open({ ...intake, text: insisted, parsed: { ...parsed, kind: "request" } });
      return;
    }
    if (parsed?.kind !== "request") return next();
    // "帮我讲个笑话": asked like a request, about nothing the community does. No ticket; the
    // FAQ step says kindly what the bot can do.
    if (parsed.category === "other" && parsed.urgency !== "urgent" && isOffTopic(ctx.text)) {
      ctx.understanding = { ...parsed, kind: "question", category: null, urgency: null };
      return next();
    }
    // Staff announced this outage: the resident is told what and until when, no ticket.
    const announced = await notices.answer({
      messageId: ctx.message.id,
      residentId: ctx.actor.id,
      roomId: intake.roomId,
      roomTopic: intake.roomTopic,
      text: ctx.text,
      parsed,
    });
    if (announced) {
      await ctx.reply(announced);
      return;
    }
    // The text as written, without the @ of the bot: volunteers' cards never show "@邻里管家".
    await tickets.open({ ...intake, parsed });
  });
}
