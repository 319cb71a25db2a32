// The WeCom group-robot webhook as an outbox Sender, so robot posts are stored, keyed and
// retried like WeChat sends (under their own outbox account). A retryable failure (rate
// limit, network) throws and the outbox tries again later; a rejection (bad key, robot
// removed) also throws, and staff are told once a day per robot, since only they can fix it.
import type { Sender } from "../core/types.js";
import type { Clock } from "../core/types.js";
import type { WecomWebhookSender } from "./robot-webhook.js";

/** The WeCom robot webhook: the only address a robot post ever goes to. */
export const WECOM_WEBHOOK_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send";

export interface WecomRobotSenderOptions {
  webhook: WecomWebhookSender;
  /** Robots by name → key, from config (LINLI_WECOM_ROBOTS). */
  robots: Readonly<Record<string, string>>;
  clock: Clock;
  /** Tells the staff room; `key` makes it once. */
  tellStaff(text: string, key: string): Promise<void>;
}

export function createWecomRobotSender(o: WecomRobotSenderOptions): Sender {
  return {
    async send(m) {
      const name = m.to.id;
      const key = Object.hasOwn(o.robots, name) ? o.robots[name] : undefined;
      if (!key) throw new Error("wecom robot not in config (LINLI_WECOM_ROBOTS)");
      const url = `${WECOM_WEBHOOK_URL}?key=${encodeURIComponent(key)}`;
      const result = await o.webhook.send(url, { msgtype: "text", content: m.text });
      if (result.ok) return;
      if (result.retryable) throw new Error(`wecom robot ${result.reason} (${result.errcode ?? "-"}), will retry`);
      const day = o.clock.now().toISOString().slice(0, 10);
      await o.tellStaff(
        `广播发往企业微信机器人「${name}」失败：${result.errmsg}（错误码 ${result.errcode}）。请检查配置里这个机器人的 key 是否正确、机器人是否还在群里。`,
        `wecom-rejected:${name}:${result.errcode}:${day}`,
      );
      throw new Error(`wecom robot rejected: ${result.errcode} ${result.errmsg}`);
    },
  };
}
