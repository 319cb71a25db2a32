// The last link of the chain: a message written to the bot (privately or with an @) that no
// middleware answered still gets one short reply (件件有回声). Unaddressed messages stay quiet.
import type { Middleware } from "./compose.js";
import type { Context } from "./context.js";
import { fallbackReplies as say } from "./fallback-replies.js";
import { whereFrom } from "./route.js";

export const answerAddressed: Middleware<Context> = async (ctx, next) => {
  const addressed = ctx.room === null || ctx.message.mentionSelf;
  if (!addressed || ctx.message.type !== "text") return next();
  const role = whereFrom(ctx);
  const parsed = ctx.understanding;
  if (role === "volunteer") await ctx.reply(say.volunteer(), { part: "fallback" });
  else if (role === "staff") await ctx.reply(say.staff(), { part: "fallback" });
  else if (parsed?.kind === "request" && role === "none") await ctx.reply(say.requestElsewhere(), { part: "fallback" });
  else await ctx.reply(say.resident(), { part: "fallback" });
  return next();
};
