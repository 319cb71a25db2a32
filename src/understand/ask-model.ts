// One question to the model about a message the embedded parser is unsure of. The reply is
// used only if it fits the answer schema; every failure becomes an outcome the caller logs.
import type { Llm, LlmResult } from "../core/llm.js";
import { loadPrompt } from "./load-prompt.js";
import { maskForModel } from "./mask-for-model.js";
import { type ModelAnswer, modelAnswerSchema } from "./model-answer.js";

export type ModelReply = LlmResult<ModelAnswer>;

export async function askModel(
  llm: Llm,
  text: string,
  quoted: string | undefined,
  messageId: string | undefined,
): Promise<ModelReply> {
  // The resident's words travel only as JSON string values, never spliced into instructions.
  const data: Record<string, string> = { resident_message: maskForModel(text) };
  if (quoted) data.quoted_message = maskForModel(quoted);
  return llm.ask({
    purpose: "parse",
    messageId,
    system: loadPrompt("parse"),
    data,
    temperature: 0,
    json: true,
    read(content) {
      const parsed = modelAnswerSchema.safeParse(readJson(content));
      if (!parsed.success) throw new Error(parsed.error.message);
      return parsed.data;
    },
  });
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
