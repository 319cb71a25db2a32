// Sends to a WeCom (企业微信) group robot webhook. The robot allows 20 messages a minute
// and 2048 bytes of text; past the rate it answers errcode 130101. We pace per robot URL
// so a broadcast to many robots never trips the limit, and split long texts.

import { splitText, WECOM_ROBOT_MAX_BYTES } from "../broadcasts/split-text.js";
import type {
  WecomMessage,
  WecomSendOptions,
  WecomSendResult,
  WecomWebhookSender,
} from "../broadcasts/robot-webhook.js";
import { type Clock, systemClock } from "../core/types.js";

export type { WecomMessage, WecomSendOptions, WecomSendResult, WecomWebhookSender };

export interface WecomWebhookSenderOptions {
  fetch?: typeof globalThis.fetch;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  maxPerMinute?: number;
  maxBytes?: number;
  /** Longest we wait for a free slot before giving the message back as retryable. */
  maxWaitMs?: number;
  timeoutMs?: number;
  /**
   * Where posts may go: the WeCom webhook host over https only. Tests pass a loopback robot's
   * origin here, in code; nothing a user types can change it.
   */
  origin?: string;
}

const WECOM_ORIGIN = "https://qyapi.weixin.qq.com";

/** WeCom's "too many calls" codes: 130101 for robots, 45009 for the API in general; -1 is "system busy". */
const RETRYABLE_ERRCODES = new Set([130101, 45009, -1]);
const WINDOW_MS = 60_000;

export function createWecomWebhookSender(options: WecomWebhookSenderOptions = {}): WecomWebhookSender {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxPerMinute = options.maxPerMinute ?? 20;
  const maxBytes = options.maxBytes ?? WECOM_ROBOT_MAX_BYTES;
  const maxWaitMs = options.maxWaitMs ?? WINDOW_MS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const origin = options.origin ?? WECOM_ORIGIN;
  const allowed = (url: string) => URL.canParse(url) && new URL(url).origin === origin;

  /** Send times in the last minute, per robot URL. */
  const recentSends = new Map<string, number[]>();
  /** One queue per URL keeps parts in order and makes the rate check race-free. */
  const queues = new Map<string, Promise<unknown>>();

  /** Waits until the robot has a free slot in its 60 s window; false if that is too far off. */
  async function takeSlot(url: string): Promise<boolean> {
    const now = clock.now().getTime();
    const times = (recentSends.get(url) ?? []).filter((t) => t > now - WINDOW_MS);
    recentSends.set(url, times);
    if (times.length >= maxPerMinute) {
      const waitMs = times[times.length - maxPerMinute]! + WINDOW_MS - now;
      if (waitMs > maxWaitMs) return false;
      await sleep(waitMs);
    }
    times.push(clock.now().getTime());
    return true;
  }

  async function postOne(url: string, body: unknown): Promise<PostResult> {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      return { kind: "retry", reason: "network", errmsg: err instanceof Error ? err.message : String(err) };
    }
    if (response.status === 429 || response.status >= 500) {
      return { kind: "retry", reason: "server", errmsg: `HTTP ${response.status}` };
    }
    const reply = (await response.json().catch(() => null)) as { errcode?: unknown; errmsg?: unknown } | null;
    if (!response.ok || reply === null || typeof reply.errcode !== "number") {
      // Not a WeCom answer (wrong URL, proxy page): report the HTTP status, negated, as the code.
      return { kind: "fail", errcode: -response.status, errmsg: `HTTP ${response.status}, unexpected body` };
    }
    const errmsg = typeof reply.errmsg === "string" ? reply.errmsg : "";
    if (reply.errcode === 0) return { kind: "ok" };
    if (RETRYABLE_ERRCODES.has(reply.errcode)) {
      const reason = reply.errcode === -1 ? "server" : "rate_limited";
      return { kind: "retry", reason, errcode: reply.errcode, errmsg };
    }
    return { kind: "fail", errcode: reply.errcode, errmsg };
  }

  async function sendParts(url: string, message: WecomMessage, fromPart: number): Promise<WecomSendResult> {
    const parts = splitText(message.content, maxBytes);
    for (let i = fromPart; i < parts.length; i++) {
      if (!(await takeSlot(url))) {
        return { ok: false, retryable: true, reason: "rate_limited", sentParts: i };
      }
      const result = await postOne(url, toPayload(message, parts[i]!, i === 0));
      if (result.kind === "retry") {
        const { kind: _kind, ...details } = result;
        return { ok: false, retryable: true, sentParts: i, ...details };
      }
      if (result.kind === "fail") {
        return { ok: false, retryable: false, errcode: result.errcode, errmsg: result.errmsg, sentParts: i };
      }
    }
    return { ok: true, parts: parts.length };
  }

  return {
    send(url, message, sendOptions = {}) {
      if (!allowed(url)) {
        const refused: WecomSendResult = {
          ok: false,
          retryable: false,
          errcode: -1,
          errmsg: `only ${origin} is called`,
          sentParts: 0,
        };
        return Promise.resolve(refused);
      }
      const previous = queues.get(url) ?? Promise.resolve();
      const run = previous.then(() => sendParts(url, message, sendOptions.fromPart ?? 0));
      const settled = run.catch(() => undefined);
      queues.set(url, settled);
      // Drop the queue entry once idle so a long-lived sender does not keep every URL.
      void settled.then(() => {
        if (queues.get(url) === settled) queues.delete(url);
      });
      return run;
    },
  };
}

type PostResult =
  | { kind: "ok" }
  | { kind: "retry"; reason: "rate_limited" | "network" | "server"; errcode?: number; errmsg: string }
  | { kind: "fail"; errcode: number; errmsg: string };

function toPayload(message: WecomMessage, content: string, first: boolean): unknown {
  if (message.msgtype === "markdown") return { msgtype: "markdown", markdown: { content } };
  const mentions = first && message.mentionedList?.length ? { mentioned_list: [...message.mentionedList] } : {};
  return { msgtype: "text", text: { content, ...mentions } };
}
