// The understanding step, between the commands and the features that act on meaning: run once,
// for messages in residents' rooms, private chats and any message that @-mentions the bot.
import type { Understand } from "../understand/understand-message.js";
import { completeUnderstanding } from "../understand/understanding.js";
import type { Middleware } from "./compose.js";
import type { Context } from "./context.js";
import { whereFrom } from "./route.js";

/** Stored text is kept whole; understanding reads at most this much. */
const maxUnderstoodChars = 2000;

export function understandMessage(understand: Understand): Middleware<Context> {
  return async (ctx, next) => {
    const where = whereFrom(ctx);
    if (where === "resident" || where === "private" || ctx.message.mentionSelf) {
      const text = ctx.quote ? ctx.quote.reply : ctx.text;
      const parsed = await understand(text.slice(0, maxUnderstoodChars), {
        // null: the message was checked and quotes nothing, so the parser need not look again.
        quoted: ctx.quote?.quotedText ?? null,
        messageId: ctx.message.id,
      });
      ctx.understanding = completeUnderstanding(parsed, text, ctx.message.mentionSelf || where === "private");
    }
    return next();
  };
}
