// `linli parse`: JSON Lines in, one JSON line out per line in the same order (CLI-CONTRACT.md).
// Standard output carries results only; logs go to standard error.
import { loadConfig } from "../config.js";
import { createLogger } from "../core/logger.js";
import { systemClock } from "../core/types.js";
import { createOpenAiLlm } from "../llm/openai-llm.js";
import { createUnderstander } from "../understand/understand-message.js";
import { answerJsonLines } from "./json-lines.js";

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, { secrets: [config.llm?.apiKey] });
  // The model path is on only when all three variables are set; no database, so usage is not kept.
  const model = config.llm && {
    llm: createOpenAiLlm({ ...config.llm, clock: systemClock, logger }),
    threshold: config.llm.threshold,
  };
  const understander = createUnderstander({ model, logger });
  return answerJsonLines((line) => parseLine(line, understander.understand), "empty line");
}

type Understand = ReturnType<typeof createUnderstander>["understand"];

async function parseLine(line: string, understand: Understand): Promise<Record<string, unknown>> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: "invalid JSON" };
  }
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const id = record.id ?? null;
  if (typeof record.text !== "string") return { id, error: "missing string field text" };
  const quoted = typeof record.quoted === "string" ? record.quoted : undefined;
  const r = await understand(record.text, { quoted, messageId: id === null ? undefined : String(id) });
  return {
    id,
    kind: r.kind,
    category: r.category,
    urgency: r.urgency,
    building: r.building,
    unit: r.unit,
    room: r.room,
    confidence: r.confidence,
    source: r.source,
    ...(r.usage ? { usage: r.usage } : {}),
  };
}
