// DraftWriter on the model: staff's topic in, a broadcast draft out (staff confirm it before
// anything is sent). The feature wires it only when a model is configured.
import type { Llm } from "../core/llm.js";
import type { Logger } from "../core/types.js";
import { loadPrompt } from "../understand/load-prompt.js";
import type { DraftWriter } from "./draft-writer.js";

/** Drafts are longer than a parse; give the model more time than the parse timeout. */
const DRAFT_TIMEOUT_FACTOR = 4;
const MAX_DRAFT_CHARS = 1500;

export function createModelDraftWriter(llm: Llm, logger: Logger): DraftWriter {
  return {
    async write(topic) {
      const result = await llm.ask({
        purpose: "broadcast-draft",
        system: loadPrompt("broadcast-draft"),
        // Staff's words travel as a JSON value, never spliced into the instructions.
        data: { topic },
        temperature: 0.7,
        timeoutMs: llm.timeoutMs * DRAFT_TIMEOUT_FACTOR,
        read: (content) => {
          const text = content.trim();
          return text === "" ? null : [...text].slice(0, MAX_DRAFT_CHARS).join("");
        },
      });
      if (result.outcome === "timeout" || result.outcome === "error") {
        logger.warn("broadcast draft failed", { reason: result.reason });
      }
      return result.value;
    },
  };
}
