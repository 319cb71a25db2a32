// AnswerPhraser on any OpenAI-compatible chat service: the model sees the question and the one
// retrieved entry, and its wording is used only if every number in it comes from the entry.
// Any failure, timeout or doubtful reply falls back to the entry's own text. Usage is recorded.
import OpenAI from "openai";
import type { Clock, Logger } from "../core/types.js";
import type { Db } from "../store/open-database.js";
import { loadPrompt } from "../understand/load-prompt.js";
import type { AnswerPhraser } from "./answer-phraser.js";

export interface OpenAiAnswerPhraserOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  db: Pick<Db, "llmUsage">;
  clock: Clock;
  logger: Logger;
}

const maxReplyChars = 400;

export function createOpenAiAnswerPhraser(o: OpenAiAnswerPhraserOptions): AnswerPhraser {
  const client = new OpenAI({ baseURL: o.baseURL, apiKey: o.apiKey, maxRetries: 0 });
  return async ({ question, entry, answer, messageId }) => {
    let outcome = "error";
    let usage = { promptTokens: 0, completionTokens: 0 };
    let text = answer;
    try {
      const completion = await client.chat.completions.create(
        {
          model: o.model,
          temperature: 0.2,
          messages: [
            { role: "system", content: loadPrompt("faq-answer") },
            // The resident's words travel as a JSON value, never spliced into the instructions.
            { role: "user", content: JSON.stringify({ question, entry: { title: entry.title, answer } }) },
          ],
        },
        { timeout: o.timeoutMs, maxRetries: 0 },
      );
      usage = {
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      };
      const reply = (completion.choices[0]?.message?.content ?? "").trim();
      if (isFaithful(reply, answer)) {
        text = reply;
        outcome = "used";
      } else outcome = "rejected";
    } catch (err) {
      outcome = err instanceof OpenAI.APIConnectionTimeoutError ? "timeout" : "error";
      o.logger.warn("faq answer phrasing failed", {
        messageId,
        reason: err instanceof Error ? err.message : String(err),
      });
    }
    await o.db.llmUsage
      .create({ data: { messageId, purpose: "faq-answer", model: o.model, ...usage, outcome, at: o.clock.now() } })
      .catch((err: unknown) => o.logger.warn("llm usage not recorded", { reason: String(err) }));
    return text;
  };
}

/** Non-empty, short, and no number (time, price, phone) that the entry does not contain. */
function isFaithful(reply: string, source: string): boolean {
  if (reply === "" || [...reply].length > maxReplyChars) return false;
  const digits = source.replace(/\s+/g, "");
  return (reply.match(/\d+/g) ?? []).every((n) => digits.includes(n));
}
