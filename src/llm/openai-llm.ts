// The one OpenAI-compatible client: every model call in linli goes through `ask`, and every
// call's token usage is recorded here, once, whatever became of the reply.
import OpenAI, { APIConnectionTimeoutError, APIUserAbortError } from "openai";
import type { Llm, LlmOutcome, LlmRequest, LlmResult, LlmUsageLog } from "../core/llm.js";
import type { Clock, Logger } from "../core/types.js";

export interface OpenAiLlmOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** Absent: usage is not kept (the CLI, tests of one part). */
  usage?: LlmUsageLog;
  clock: Clock;
  logger: Logger;
}

export function createOpenAiLlm(o: OpenAiLlmOptions): Llm {
  const client = new OpenAI({ baseURL: o.baseURL, apiKey: o.apiKey, maxRetries: 0 });
  return {
    model: o.model,
    timeoutMs: o.timeoutMs,
    async ask(request) {
      const result = await call(request);
      await o.usage
        ?.record({
          messageId: request.messageId ?? null,
          purpose: request.purpose,
          model: o.model,
          promptTokens: result.promptTokens,
          completionTokens: result.completionTokens,
          outcome: result.outcome,
          at: o.clock.now(),
        })
        .catch((err: unknown) => o.logger.warn("llm usage not recorded", { reason: String(err) }));
      return result;
    },
  };

  async function call<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    const failed = (
      outcome: LlmOutcome,
      reason: string,
      tokens = { promptTokens: 0, completionTokens: 0 },
    ): LlmResult<T> => ({
      outcome,
      value: null,
      model: o.model,
      ...tokens,
      reason,
    });
    let content: string;
    let tokens: { promptTokens: number; completionTokens: number };
    try {
      const completion = await client.chat.completions.create(
        {
          model: o.model,
          temperature: request.temperature,
          ...(request.json ? { response_format: { type: "json_object" as const } } : {}),
          messages: [
            { role: "system", content: request.system },
            { role: "user", content: JSON.stringify(request.data) },
          ],
        },
        { timeout: request.timeoutMs ?? o.timeoutMs, maxRetries: 0 },
      );
      content = completion.choices[0]?.message?.content ?? "";
      tokens = {
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      };
    } catch (err) {
      const timeout = err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError;
      return failed(timeout ? "timeout" : "error", err instanceof Error ? err.message : String(err));
    }
    try {
      const value = request.read(content);
      if (value === null) return failed("rejected", "reply not usable", tokens);
      return { outcome: "used", value, model: o.model, ...tokens };
    } catch (err) {
      return failed("rejected", err instanceof Error ? err.message : String(err), tokens);
    }
  }
}
