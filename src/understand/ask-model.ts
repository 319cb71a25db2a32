// One call to an OpenAI-compatible chat service for a message the embedded parser
// is unsure of. Never throws: every failure becomes an outcome the caller records.
import type OpenAI from "openai";
import { APIConnectionTimeoutError, APIUserAbortError } from "openai";
import { loadPrompt } from "./load-prompt.js";
import { maskForModel } from "./mask-for-model.js";
import { type ModelAnswer, modelAnswerSchema } from "./model-answer.js";

export type ModelOutcome = "used" | "rejected" | "timeout" | "error";

export interface ModelReply {
  outcome: ModelOutcome;
  answer: ModelAnswer | null;
  promptTokens: number;
  completionTokens: number;
  /** Why it failed, for the log (never the resident's text). */
  reason?: string;
}

export async function askModel(
  client: OpenAI,
  options: { model: string; timeoutMs: number },
  text: string,
  quoted: string | undefined,
): Promise<ModelReply> {
  // The resident's words travel only as JSON string values, never spliced into instructions.
  const data: Record<string, string> = { resident_message: maskForModel(text) };
  if (quoted) data.quoted_message = maskForModel(quoted);
  try {
    const completion = await client.chat.completions.create(
      {
        model: options.model,
        temperature: 0,
        response_format: { type: "json_object" },
        messages: [
          { role: "system", content: loadPrompt("parse") },
          { role: "user", content: JSON.stringify(data) },
        ],
      },
      { timeout: options.timeoutMs, maxRetries: 0 },
    );
    const promptTokens = completion.usage?.prompt_tokens ?? 0;
    const completionTokens = completion.usage?.completion_tokens ?? 0;
    const content = completion.choices[0]?.message?.content ?? "";
    const parsed = modelAnswerSchema.safeParse(readJson(content));
    if (!parsed.success) {
      return { outcome: "rejected", answer: null, promptTokens, completionTokens, reason: parsed.error.message };
    }
    return { outcome: "used", answer: parsed.data, promptTokens, completionTokens };
  } catch (err) {
    const timeout = err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError;
    return {
      outcome: timeout ? "timeout" : "error",
      answer: null,
      promptTokens: 0,
      completionTokens: 0,
      reason: err instanceof Error ? err.message : String(err),
    };
  }
}

/** Parses JSON, tolerating a ```json fence some services add. */
function readJson(content: string): unknown {
  const body = content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "");
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
