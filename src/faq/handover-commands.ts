// Staff answer handed-over questions in chat: `回复 N 答案 [加入知识库]`, a quote-reply of the
// 【居民咨询 #N】 post, and `加入知识库 [N]` (also as a quote-reply of the bot's confirmation).
// The answer is relayed to the resident where they asked, mentioning them (FaqService.reply, as
// from the console).
import type { Command } from "../commands/parse-command.js";
import { isLinliError } from "../core/errors.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import type { Handover } from "./handover-store.js";
import { faqReplies as say } from "./faq-replies.js";
import type { FaqService } from "./faq-service.js";

export interface HandoverCommandOptions {
  service: FaqService;
}

type HandoverCommand = Extract<Command, { type: "answer-handover" | "add-to-kb" }>;

export function handoverCommands(o: HandoverCommandOptions): Middleware<Context> {
  const { service } = o;
  return async (ctx, next) => {
    const command = readCommand(ctx);
    if (!command) return next();
    const reply = (text: string) => ctx.reply(text, { part: "handover" });
    if (!ctx.roles.has("staff")) {
      // A resident quoting some message, or starting a sentence with 回复, is chatting: let it go on.
      if (ctx.quote || command.type === "malformed") return next();
      return reply(say.notStaff());
    }
    try {
      if (command.type === "malformed") return reply(say.malformed());
      if (command.type === "add-to-kb") {
        const saved = await service.addToKb(ctx.actor, command.id);
        return reply(say.saved(saved.handover, saved.entryId, saved.created));
      }
      if (command.answer === "") return reply(say.emptyAnswer(command.id));
      const done = await service.reply(ctx.actor, command.id, command.answer, { addToKb: command.addToKb });
      return reply(done.saved ? say.relayedAndSaved(done.handover, done.saved.entryId) : say.relayed(done.handover));
    } catch (err) {
      if (!isLinliError(err)) throw err;
      if (err.code === "not_found") {
        return reply(typeof err.details.id === "number" ? say.notFound(err.details.id) : say.nothingToSave());
      }
      if (err.code === "bad_state") {
        const known = err.details.handover as Handover | undefined;
        return reply(known ? say.alreadyAnswered(known) : say.notAnswered(Number(err.details.id)));
      }
      throw err;
    }
  };
}

function readCommand(ctx: Context): HandoverCommand | { type: "malformed" } | null {
  const command = ctx.command;
  if (!command) return null;
  if (command.type === "malformed") return command.verb === "回复" ? { type: "malformed" } : null;
  if (command.type !== "answer-handover" && command.type !== "add-to-kb") return null;
  // A quote-reply answers a hand-over only when it quotes our 【居民咨询 #N】 post, not a ticket card.
  if (ctx.quote && command.type === "answer-handover" && !ctx.quote.quotedText.includes("居民咨询")) return null;
  return command;
}
