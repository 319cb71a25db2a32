// `linli parse`: JSON Lines in, one JSON line out per line in the same order (CLI-CONTRACT.md).
// Standard output carries results only; logs go to standard error.
import { createInterface } from "node:readline";
import { createLogger } from "../core/logger.js";
import {
  createUnderstander,
  defaultModelThreshold as defaultThreshold,
  defaultModelTimeoutMs as defaultTimeoutMs,
  type ModelOptions,
} from "../understand/understand-message.js";

export async function run(_args: string[]): Promise<number> {
  const logger = createLogger((process.env.LINLI_LOG_LEVEL as "info" | undefined) ?? "warn");
  const understander = createUnderstander({ model: readModelOptions(), logger });
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const out = await parseLine(line, understander.understand);
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  }
  return 0;
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

/** The model path is on only when all three variables are set. */
function readModelOptions(): ModelOptions | undefined {
  const { OPENAI_BASE_URL, OPENAI_API_KEY, LINLI_LLM_MODEL, LINLI_LLM_THRESHOLD, LINLI_LLM_TIMEOUT_MS } = process.env;
  if (!OPENAI_BASE_URL || !OPENAI_API_KEY || !LINLI_LLM_MODEL) return undefined;
  const threshold = Number(LINLI_LLM_THRESHOLD ?? defaultThreshold);
  const timeoutMs = Number(LINLI_LLM_TIMEOUT_MS ?? defaultTimeoutMs);
  return {
    baseURL: OPENAI_BASE_URL,
    apiKey: OPENAI_API_KEY,
    model: LINLI_LLM_MODEL,
    threshold: Number.isFinite(threshold) ? threshold : defaultThreshold,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : defaultTimeoutMs,
  };
}
