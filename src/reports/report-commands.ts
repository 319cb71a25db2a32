// `日报` / `周报` from staff, in the staff room or privately: today's 日清 and this week's 周议
// so far, at any time. Others get a short refusal, except in residents' rooms, where the words
// are just chat and pass on.
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { whereFrom } from "../pipeline/route.js";
import { reportReplies as say } from "./report-replies.js";
import type { ReportService } from "./report-service.js";

/** `日报`, `今日日报`, `发日报`; `周报`, `本周周报`, `看周报`. */
export function readReportCommand(text: string): "daily" | "weekly" | null {
  const t = text.replace(/[\s。.!！?？]+/g, "");
  if (/^(?:发|看|查看|发一下)?(?:今日|今天的?)?日报$/.test(t)) return "daily";
  if (/^(?:发|看|查看|发一下)?(?:本周|这周的?)?周报$/.test(t)) return "weekly";
  return null;
}

export function reportCommands(service: ReportService): Middleware<Context> {
  return async (ctx, next) => {
    const kind = readReportCommand(ctx.text);
    if (!kind) return next();
    const where = whereFrom(ctx);
    if (!ctx.roles.has("staff")) {
      if (where === "resident") return next();
      return ctx.reply(say.notStaff(), { part: "report" });
    }
    if (where !== "staff" && where !== "private") return next();
    const text = kind === "daily" ? await service.daily() : await service.weekSoFar();
    await ctx.reply(text, { part: "report" });
  };
}
