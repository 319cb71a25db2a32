// A fake OpenAI-compatible model service: a real HTTP server on loopback that the real `openai`
// client (and so the bot) talks to. It answers POST /v1/chat/completions in the chat-completion
// format, keeps every request it got, and lets each test script the replies.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface FakeModelRequest {
  method: string;
  /** The path asked for, e.g. "/v1/chat/completions". */
  url: string;
  headers: IncomingHttpHeaders;
  /** The Authorization header, e.g. "Bearer sk-test". */
  auth: string | undefined;
  /** The body as sent. */
  raw: string;
  /** The body parsed as JSON ({} when it is not JSON). */
  body: { model?: string; messages?: Array<{ role: string; content: string }>; [key: string]: unknown };
  /** The first system message's content ("" when none). */
  system: string;
  /** The first user message's content ("" when none). */
  user: string;
}

/**
 * What the model answers. A string is the assistant message's content. An object may instead
 * give an HTTP error status, or the exact response body (for malformed output), and may wait
 * before answering (to run past a client's timeout).
 */
export type FakeReply =
  | string
  | {
      /** The assistant message's content. */
      content?: string;
      /** Token counts reported for this reply (default: the model's). */
      usage?: FakeUsage;
      /** Answer with this status; other than 200 and with no `body`, an OpenAI-style error body. */
      status?: number;
      /** Send exactly this body instead of a chat completion. */
      body?: string;
      /** Wait this long before answering. */
      delayMs?: number;
    };

export type FakeReplier = FakeReply | ((request: FakeModelRequest) => FakeReply | Promise<FakeReply>);

export interface FakeModelOptions {
  /** The reply until a test scripts another (and again after each reset). Default: content "{}". */
  reply?: FakeReplier;
  /** Token counts reported with each completion. Default: 100 prompt, 20 completion. */
  usage?: FakeUsage;
}

export interface FakeModel {
  /** The base URL to give the client, ending in /v1. */
  readonly baseURL: string;
  readonly port: number;
  /** Every request received since the last reset, in order (including ones to other paths). */
  readonly requests: FakeModelRequest[];
  /** Script the replies from now on. */
  reply(replier: FakeReplier): void;
  /** Forget the requests and go back to the default reply. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeModel(options: FakeModelOptions = {}): Promise<FakeModel> {
  const defaultReply: FakeReplier = options.reply ?? "{}";
  const defaultUsage: FakeUsage = options.usage ?? { prompt_tokens: 100, completion_tokens: 20 };
  const requests: FakeModelRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let replier: FakeReplier = defaultReply;

  const server: Server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const request = recordOf(req.method ?? "", req.url ?? "", req.headers, raw);
    requests.push(request);
    if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route ${request.method} ${request.url}` } }));
      return;
    }
    let reply: FakeReply;
    try {
      reply = typeof replier === "function" ? await replier(request) : replier;
    } catch (err) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `fake model replier threw: ${String(err)}` } }));
      return;
    }
    const r = typeof reply === "string" ? { content: reply } : reply;
    const send = () => {
      if (res.destroyed) return;
      const status = r.status ?? 200;
      res.writeHead(status, { "content-type": "application/json" });
      if (r.body !== undefined) return res.end(r.body);
      if (status !== 200) return res.end(JSON.stringify({ error: { message: "boom" } }));
      const usage = r.usage ?? defaultUsage;
      res.end(
        JSON.stringify({
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: 1,
          model: request.body.model ?? "fake-model",
          choices: [{ index: 0, message: { role: "assistant", content: r.content ?? "" }, finish_reason: "stop" }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
      );
    };
    if (!r.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, r.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    reply(next) {
      replier = next;
    },
    reset() {
      requests.length = 0;
      replier = defaultReply;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A fake model for the whole file: started in beforeAll, reset (requests forgotten, default reply
 * back) before each test, closed in afterAll. Its fields may be read once beforeAll has run, so
 * register it before hooks that need its baseURL.
 */
export function useFakeModel(options: FakeModelOptions = {}): FakeModel {
  let model: FakeModel | undefined;
  const started = (): FakeModel => {
    if (!model) throw new Error("the fake model is not started yet (read it in a hook or a test)");
    return model;
  };
  beforeAll(async () => {
    model = await startFakeModel(options);
  });
  beforeEach(() => started().reset());
  afterAll(async () => {
    await model?.close();
  });
  return {
    get baseURL() {
      return started().baseURL;
    },
    get port() {
      return started().port;
    },
    get requests() {
      return started().requests;
    },
    reply: (replier) => started().reply(replier),
    reset: () => started().reset(),
    close: () => started().close(),
  };
}

function recordOf(method: string, url: string, headers: IncomingHttpHeaders, raw: string): FakeModelRequest {
  let body: FakeModelRequest["body"] = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as FakeModelRequest["body"];
  } catch {
    // Not JSON: kept in `raw` only.
  }
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const contentOf = (role: string) => {
    const content = messages.find((m) => m?.role === role)?.content;
    return typeof content === "string" ? content : "";
  };
  return {
    method,
    url,
    headers,
    auth: headers.authorization,
    raw,
    body,
    system: contentOf("system"),
    user: contentOf("user"),
  };
}
