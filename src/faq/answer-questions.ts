// Residents' questions, after understanding: answer from the knowledge base when sure; when not,
// and the bot was addressed (an @ in a room, or a private chat), say a person will answer and hand
// the question to every staff room. Unaddressed messages are answered only when sure, never handed over.
import type { Logger } from "../core/types.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import type { Parsed } from "../understand/taxonomy.js";
import type { AnswerPhraser } from "./answer-phraser.js";
import { faqReplies as say } from "./faq-replies.js";
import type { FaqService } from "./faq-service.js";

export interface AnswerQuestionsOptions {
  service: FaqService;
  staffRooms(): string[];
  answerWithoutMention: boolean;
  /** Rewords the entry's answer for the question (a model); absent means the entry's own text. */
  phrase?: AnswerPhraser;
  logger: Logger;
}

const greeting = /^(?:您?好|你好|早上好|早安|上午好|中午好|下午好|晚上好|晚安|在吗|在不在|哈喽|嗨)[!！。~～\s]*$/;
const thanks = /^(?:谢谢|多谢|谢了|感谢|辛苦了?)/;

export function answerQuestions(o: AnswerQuestionsOptions): Middleware<Context> {
  return async (ctx, next) => {
    const parsed = ctx.state.parsed as Parsed | undefined;
    const where = ctx.room?.role ?? "private";
    if (!parsed || (where !== "resident" && where !== "private")) return next();
    const addressed = where === "private" || ctx.message.mentionSelf;
    const question = (ctx.quote ? ctx.quote.reply : ctx.text).trim();

    if (parsed.kind === "other") {
      // Chit-chat is left alone; only a greeting or thanks said to the bot gets a short line back.
      if (addressed && greeting.test(question)) await ctx.reply(say.greeting(), { part: "faq" });
      else if (addressed && thanks.test(question) && [...question].length <= 12)
        await ctx.reply(say.thanks(), { part: "faq" });
      return next();
    }
    if (parsed.kind !== "question" || question === "") return next();

    const result = o.service.ask(question);
    if (result.confident && result.entry && result.answer) {
      if (!addressed && !o.answerWithoutMention) return next();
      const text = o.phrase
        ? await o.phrase({ question, entry: result.entry, answer: result.answer, messageId: ctx.message.id })
        : result.answer;
      await ctx.reply(text, { part: "faq" });
      return;
    }
    if (!addressed) return next();

    const handover = await o.service.handOver({
      messageId: ctx.message.id,
      question,
      askerId: ctx.actor.id,
      askerName: ctx.actor.name,
      roomId: ctx.room?.id ?? null,
      roomTopic: ctx.room?.topic ?? null,
    });
    o.logger.info("question handed over", { messageId: ctx.message.id, handoverId: handover.id });
    await ctx.reply(say.handedOver(), { part: "faq" });
    for (const room of o.staffRooms()) {
      await ctx.send({ kind: "room", id: room }, say.handoverPost(handover), `handover:${room}`);
    }
  };
}
