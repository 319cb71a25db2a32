// The WeCom group-robot webhook as an outbox Sender, so robot posts are stored, keyed and
// retried like WeChat sends (under their own outbox account). A retryable failure (rate
// limit, network) throws and the outbox tries again later; a rejection (bad key, robot
// removed) also throws, and staff are told once a day per robot, since only they can fix it.
import type { Sender } from "../core/types.js";
import type { Clock } from "../core/types.js";
import type { WecomWebhookSender } from "./robot-webhook.js";
import { describeWebhook } from "./broadcast-replies.js";

export interface WecomRobotSenderOptions {
  webhook: WecomWebhookSender;
  clock: Clock;
  /** Tells the staff room; `key` makes it once. */
  tellStaff(text: string, key: string): Promise<void>;
}

export function createWecomRobotSender(o: WecomRobotSenderOptions): Sender {
  return {
    async send(m) {
      const url = m.to.id;
      const result = await o.webhook.send(url, { msgtype: "text", content: m.text });
      if (result.ok) return;
      if (result.retryable) throw new Error(`wecom robot ${result.reason} (${result.errcode ?? "-"}), will retry`);
      const day = o.clock.now().toISOString().slice(0, 10);
      await o.tellStaff(
        `广播发往${describeWebhook(url)}失败：${result.errmsg}（错误码 ${result.errcode}）。请检查机器人地址是否正确、机器人是否还在群里。`,
        `wecom-rejected:${describeWebhook(url)}:${result.errcode}:${day}`,
      );
      throw new Error(`wecom robot rejected: ${result.errcode} ${result.errmsg}`);
    },
  };
}
