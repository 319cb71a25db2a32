// Port: posts to a WeCom (企业微信) group robot by its webhook URL. src/channels/wecom-webhook.ts
// implements it (pacing per robot, splitting long texts); broadcasts only see this shape.

export interface WecomMessage {
  msgtype: "text" | "markdown";
  content: string;
  /** userids to @ (text only; `@all` for everyone); attached to the first part. */
  mentionedList?: readonly string[];
}

export interface WecomSendOptions {
  /**
   * Skip this many leading parts: after a retryable failure with `sentParts: n`, resend
   * with `fromPart: n` so residents do not read part 1 twice. Splitting is deterministic.
   */
  fromPart?: number;
}

export type WecomSendResult =
  | { ok: true; parts: number }
  | {
      ok: false;
      retryable: true;
      reason: "rate_limited" | "network" | "server";
      /** Parts delivered before the failure (including any skipped with `fromPart`). */
      sentParts: number;
      errcode?: number;
      errmsg?: string;
    }
  | { ok: false; retryable: false; errcode: number; errmsg: string; sentParts: number };

export interface WecomWebhookSender {
  send(url: string, message: WecomMessage, options?: WecomSendOptions): Promise<WecomSendResult>;
}
