// AnswerPhraser on the model: it sees the question and the one retrieved entry, and says whether the
// entry answers it (a second reading of the embedded decision, from that entry only) and how to say it.
// Its wording is used only if every number in it comes from the entry. "Does not answer" hands the
// question to a person; any failure, timeout or doubtful reply falls back to the entry's own text.
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
      json: true,
      read: (content) => readVerdict(content, answer),
    });
    if (result.outcome === "timeout" || result.outcome === "error") {
      logger.warn("faq answer phrasing failed", { messageId, reason: result.reason });
    }
    if (result.value?.answers === false) {
      logger.info("faq answer declined by the model", { messageId, entry: entry.id });
      return null;
    }
    return result.value?.reply ?? answer;
  };
}

type Verdict = { answers: false } | { answers: true; reply: string };

/** `{"answers": false}`, or `{"answers": true, "reply": "…"}` with a faithful reply; anything else is rejected. */
function readVerdict(content: string, answer: string): Verdict | null {
  const parsed = JSON.parse(content) as { answers?: unknown; reply?: unknown };
  if (parsed.answers === false) return { answers: false };
  if (parsed.answers !== true || typeof parsed.reply !== "string") return null;
  const reply = parsed.reply.trim();
  return isFaithful(reply, answer) ? { answers: true, reply } : null;
}

/** Non-empty, short, and no number (time, price, phone) that the entry does not contain. */
function isFaithful(reply: string, source: string): boolean {
  if (reply === "" || [...reply].length > maxReplyChars) return false;
  const digits = source.replace(/\s+/g, "");
  return (reply.match(/\d+/g) ?? []).every((n) => digits.includes(n));
}
