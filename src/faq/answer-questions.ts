// Residents' questions, after understanding: answer from the knowledge base when sure; when not,
// and the bot was addressed (an @ in a room, or a private chat), say a person will answer and hand
// the question to every staff room. Unaddressed messages are answered only when sure, never handed over.
import type { Logger } from "../core/types.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { onlyIn } from "../pipeline/route.js";
import type { AnswerPhraser } from "./answer-phraser.js";
import { faqReplies as say } from "./faq-replies.js";
import type { FaqService } from "./faq-service.js";
import { isOffTopic } from "../understand/off-topic.js";

export interface AnswerQuestionsOptions {
  service: FaqService;
  staffRooms(): string[];
  answerWithoutMention: boolean;
  /** Rewords the entry's answer for the question (a model); absent means the entry's own text. */
  phrase?: AnswerPhraser;
  logger: Logger;
}

export function answerQuestions(o: AnswerQuestionsOptions): Middleware<Context> {
  return onlyIn(
    "resident",
    "private",
  )(async (ctx, next) => {
    const parsed = ctx.understanding;
    if (!parsed) return next();
    const addressed = !ctx.room || ctx.message.mentionSelf;
    const question = (ctx.quote ? ctx.quote.reply : ctx.text).trim();

    if (parsed.kind === "other" || (parsed.kind === "question" && question === "")) {
      // Chit-chat is left alone; said to the bot, it always gets a short line back (never silence).
      if (!addressed) return next();
      const { only } = parsed.smallTalk;
      if (only === "greeting") return ctx.reply(say.greeting(), { part: "faq" });
      if (only === "thanks") return ctx.reply(say.thanks(), { part: "faq" });
      if (only === "ack") return ctx.reply(say.okay(), { part: "faq" });
      // In a residents' room praise of a helper was just noted as 好人好事 (note-thanks.ts runs first).
      if (ctx.room && parsed.smallTalk.praise) return ctx.reply(say.praiseNoted(), { part: "faq" });
      if (isOffTopic(question)) return ctx.reply(say.offTopic(), { part: "faq" });
      return ctx.reply(say.whatDoYouMean(), { part: "faq" });
    }
    if (parsed.kind !== "question") return next();

    const result = o.service.ask(question);
    let declined: string | undefined;
    if (result.confident && result.entry && result.answer) {
      if (!addressed && !o.answerWithoutMention) return next();
      const text = o.phrase
        ? await o.phrase({ question, entry: result.entry, answer: result.answer, messageId: ctx.message.id })
        : result.answer;
      if (text !== null) {
        await ctx.reply(text, { part: "faq" });
        // For staff to see what each entry is asked; a failure here must not cost the resident the answer.
        await o.service.noteAnswered(question, result.entry.id).catch((err: unknown) => {
          o.logger.warn("faq match not noted", { error: err instanceof Error ? err.message : String(err) });
        });
        return;
      }
      // The model, reading only that entry, found it does not answer: a person does.
      declined = say.declinedHint(result.entry.title);
    }
    if (!addressed) return next();
    // Stock tips and tomorrow's rain are not for staff: say kindly what the bot can do.
    if (isOffTopic(question)) return ctx.reply(say.offTopic(), { part: "faq" });

    const handover = await o.service.handOver({
      messageId: ctx.message.id,
      question,
      askerId: ctx.actor.id,
      askerName: ctx.actor.name,
      roomId: ctx.room?.id ?? null,
      roomTopic: ctx.room?.topic ?? null,
    });
    o.logger.info("question handed over", { messageId: ctx.message.id, handoverId: handover.id });
    await ctx.reply(result.handover === "private" ? say.privateHandedOver() : say.handedOver(), { part: "faq" });
    for (const room of o.staffRooms()) {
      await ctx.send(
        { kind: "room", id: room },
        say.handoverPost(handover, declined ?? say.handoverHint(result)),
        `handover:${room}`,
      );
    }
  });
}
