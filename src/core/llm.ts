// Port: one question to a language model (any OpenAI-compatible service). Domain code states
// what it asks and how to read the reply; the client in src/llm/ sends it, times it out and
// records the tokens it cost, whatever the outcome.

/** used: the reply was read; rejected: it did not pass `read`; timeout/error: no reply. */
export type LlmOutcome = "used" | "rejected" | "timeout" | "error";

export interface LlmRequest<T> {
  /** What the call is for, kept with its token usage ("parse", "faq-answer", "broadcast-draft"). */
  purpose: string;
  /** The message that caused the call, when there is one. */
  messageId?: string;
  /** The instructions (a prompt file). */
  system: string;
  /** Sent as one JSON user message: people's words are data, never spliced into instructions. */
  data: Record<string, unknown>;
  temperature: number;
  /** Ask for a JSON object in reply. */
  json?: boolean;
  /** Overrides the client's timeout. */
  timeoutMs?: number;
  /** Reads the reply's text; null or a throw rejects it (the message says why, for the log). */
  read(content: string): T | null;
}

export interface LlmResult<T> {
  outcome: LlmOutcome;
  /** Set when the outcome is "used". */
  value: T | null;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** Why it failed, for the log (never anyone's text). */
  reason?: string;
}

export interface Llm {
  readonly model: string;
  /** The configured timeout; a longer task may ask for a multiple of it. */
  readonly timeoutMs: number;
  /** Never throws: every failure is an outcome. */
  ask<T>(request: LlmRequest<T>): Promise<LlmResult<T>>;
}

/** One call's cost, as recorded. */
export interface LlmUsage {
  messageId: string | null;
  purpose: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  outcome: LlmOutcome;
  at: Date;
}

/** Port: where token usage is kept. */
export interface LlmUsageLog {
  record(usage: LlmUsage): Promise<void>;
}
