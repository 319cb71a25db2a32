// A resident's request in a residents' room (with or without an @ of the bot) or in a
// private chat becomes a ticket. Questions and chit-chat pass on down the chain.
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
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
      ctx.state.parsed = await understand(text.slice(0, maxUnderstoodChars), {
        quoted: ctx.quote?.quotedText,
        messageId: ctx.message.id,
      });
    }
    return next();
  };
}

export function ticketIntake(tickets: TicketService): Middleware<Context> {
  return async (ctx, next) => {
    const parsed = ctx.state.parsed as Parsed | undefined;
    const where = ctx.room?.role ?? "private";
    if (!parsed || parsed.kind !== "request" || (where !== "resident" && where !== "private")) return next();
    await tickets.open({
      messageId: ctx.message.id,
      resident: ctx.actor,
      roomId: ctx.room?.id ?? null,
      roomTopic: ctx.room?.topic ?? null,
      text: ctx.message.text,
      parsed,
    });
  };
}
