// AnswerPhraser on the model: it sees the question and the one retrieved entry, and its wording
// is used only if every number in it comes from the entry. Any failure, timeout or doubtful
// reply falls back to the entry's own text.
import type { Llm } from "../core/llm.js";
import type { Logger } from "../core/types.js";
import { loadPrompt } from "../understand/load-prompt.js";
import type { AnswerPhraser } from "./answer-phraser.js";

const maxReplyChars = 400;

export function createModelAnswerPhraser(llm: Llm, logger: Logger): AnswerPhraser {
  return async ({ question, entry, answer, messageId }) => {
    const result = await llm.ask({
      purpose: "faq-answer",
      messageId,
      system: loadPrompt("faq-answer"),
      // The resident's words travel as a JSON value, never spliced into the instructions.
      data: { question, entry: { title: entry.title, answer } },
      temperature: 0.2,
      read: (content) => {
        const reply = content.trim();
        return isFaithful(reply, answer) ? reply : null;
      },
    });
    if (result.outcome === "timeout" || result.outcome === "error") {
      logger.warn("faq answer phrasing failed", { messageId, reason: result.reason });
    }
    return result.value ?? answer;
  };
}

/** Non-empty, short, and no number (time, price, phone) that the entry does not contain. */
function isFaithful(reply: string, source: string): boolean {
  if (reply === "" || [...reply].length > maxReplyChars) return false;
  const digits = source.replace(/\s+/g, "");
  return (reply.match(/\d+/g) ?? []).every((n) => digits.includes(n));
}
