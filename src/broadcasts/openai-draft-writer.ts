// DraftWriter on any OpenAI-compatible chat service. The only file in broadcasts/ that
// knows the model's wire format; the feature wires it when config.llm is set.
import OpenAI from "openai";
import type { Logger } from "../core/types.js";
import { loadPrompt } from "../understand/load-prompt.js";
import type { DraftWriter } from "./draft-writer.js";

export interface OpenAiDraftOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

/** Drafts are longer than a parse; give the model more time than the parse timeout. */
const DRAFT_TIMEOUT_FACTOR = 4;
const MAX_DRAFT_CHARS = 1500;

export function createOpenAiDraftWriter(options: OpenAiDraftOptions, logger: Logger): DraftWriter {
  const client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey, maxRetries: 0 });
  return {
    async write(topic) {
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            temperature: 0.7,
            messages: [
              { role: "system", content: loadPrompt("broadcast-draft") },
              // Staff's words travel as a JSON value, never spliced into the instructions.
              { role: "user", content: JSON.stringify({ topic }) },
            ],
          },
          { timeout: options.timeoutMs * DRAFT_TIMEOUT_FACTOR, maxRetries: 0 },
        );
        const text = (completion.choices[0]?.message?.content ?? "").trim();
        if (text === "") return null;
        return [...text].slice(0, MAX_DRAFT_CHARS).join("");
      } catch (err) {
        logger.warn("broadcast draft failed", { reason: err instanceof Error ? err.message : String(err) });
        return null;
      }
    },
  };
}
