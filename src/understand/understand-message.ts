// Understanding with an optional model behind the embedded parser: the model is asked
// only when the parser is unsure, and any failure leaves the embedded result in place.
import type { Llm } from "../core/llm.js";
import type { Logger } from "../core/types.js";
import { askModel } from "./ask-model.js";
import type { ModelAnswer } from "./model-answer.js";
import { parseMessage } from "./parse-message.js";
import type { Parsed } from "./taxonomy.js";

export interface ModelOptions {
  llm: Llm;
  /** Ask the model when the embedded confidence is below this. */
  threshold: number;
}

export type Understood = Parsed & {
  source: "embedded" | "model";
  usage?: {
    model: string;
    promptTokens: number;
    completionTokens: number;
    outcome: "used" | "rejected" | "timeout" | "error";
  };
};

/** The understanding as the pipeline uses it (tests pass their own). `quoted: null` means the message quotes nothing. */
export type Understand = (text: string, ctx: { quoted?: string | null; messageId: string }) => Promise<Parsed>;

/** Below this embedded confidence a configured model is asked (about one message in ten on the dev set). */
export const defaultModelThreshold = 0.6;

export function createUnderstander(options: { model?: ModelOptions; logger: Logger }): {
  understand(text: string, ctx?: { quoted?: string | null; messageId?: string }): Promise<Understood>;
} {
  const { model, logger } = options;

  return {
    async understand(text, ctx = {}) {
      const embedded = parseMessage(text, { quoted: ctx.quoted });
      if (!model || embedded.confidence >= model.threshold) return { ...embedded, source: "embedded" };

      const reply = await askModel(model.llm, text, ctx.quoted ?? undefined, ctx.messageId);
      const usage = {
        model: reply.model,
        promptTokens: reply.promptTokens,
        completionTokens: reply.completionTokens,
        outcome: reply.outcome,
      };
      if (!reply.value) {
        logger.warn("model parse fell back to embedded", {
          messageId: ctx.messageId,
          outcome: reply.outcome,
          reason: reply.reason,
        });
        return { ...embedded, source: "embedded", usage };
      }
      return { ...mergeAnswer(embedded, reply.value), source: "model", usage };
    },
  };
}

/** The model decides kind and category; an embedded emergency or address (whatever the kind) is never lost. */
function mergeAnswer(embedded: Parsed, answer: ModelAnswer): Parsed {
  if (embedded.kind === "request" && embedded.urgency === "urgent" && answer.kind !== "request") return embedded;
  if (answer.kind !== "request") {
    return {
      kind: answer.kind,
      category: null,
      urgency: null,
      building: embedded.building ?? answer.building,
      unit: embedded.unit ?? answer.unit,
      room: embedded.room ?? answer.room,
      confidence: answer.confidence ?? 0.8,
    };
  }
  const urgent = answer.urgency === "urgent" || embedded.urgency === "urgent";
  return {
    kind: "request",
    category: answer.category,
    urgency: urgent ? "urgent" : "normal",
    building: embedded.building ?? answer.building,
    unit: embedded.unit ?? answer.unit,
    room: embedded.room ?? answer.room,
    confidence: answer.confidence ?? 0.8,
  };
}
