import { pipelineReplies } from "./pipeline-replies.js";
import { whereFrom } from "./route.js";
import type { Middleware } from "./compose.js";
import type { Context } from "./context.js";

/**
 * Pictures, voice, files and stickers get a friendly hint in residents' rooms and private
 * chats, and nothing else happens. Other rooms (volunteers, staff) are left alone.
 */
export const handleNonText: Middleware<Context> = async (ctx, next) => {
  if (ctx.message.type === "text") return next();
  const where = whereFrom(ctx);
  if (where === "resident" || where === "private") {
    if (ctx.message.type !== "link" && ctx.message.type !== "other") await ctx.reply(pipelineReplies.nonText());
  }
};

/** Rooms the bot has no role in are ignored, except when someone @-mentions the bot. */
export const ignoreUnknownRooms: Middleware<Context> = async (ctx, next) => {
  if (ctx.room && ctx.room.role === "none" && !ctx.message.mentionSelf) return;
  return next();
};
