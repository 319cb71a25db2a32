import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.js";

// Every kind of personal data or secret a log line could carry, written the ways callers do.
const puppetToken = "puppet_padlocal_0123456789abcdef";
const apiKey = "sk-test-abcdefghijklmnopqrstuvwx";
const webhookKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

function capture(secrets: string[] = [puppetToken, apiKey]) {
  const lines: string[] = [];
  const logger = createLogger("debug", (l) => lines.push(l), { secrets });
  return { logger, all: () => lines.join("") };
}

describe("log lines", () => {
  it("never carry a phone number, in any field or form", () => {
    const { logger, all } = capture();
    logger.info("resident 13800001234 called", {
      reason: "call back +86 139-0000-5678 or 138 0000 9999",
      nested: { list: ["15912345678"] },
      landline: "010-62345678",
    });
    for (const phone of ["13800001234", "13900005678", "139-0000-5678", "138 0000 9999", "15912345678", "62345678"]) {
      expect(all()).not.toContain(phone);
    }
    expect(all()).toContain("138****1234");
  });

  it("never carry the puppet token, API keys or webhook keys, known or by their shape", () => {
    const { logger, all } = capture();
    logger.error("cache lock failed", {
      reason: `EEXIST: /root/.wechaty/wechaty-puppet-service/${puppetToken}/lock`,
    });
    logger.warn("llm failed", { reason: `401 Incorrect API key provided: ${apiKey}`, apiKey });
    logger.warn("webhook failed", {
      url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${webhookKey}`,
      headers: { authorization: "Bearer abc.def.ghi" },
    });
    const unknown = capture([]);
    unknown.logger.error("start failed", { reason: `token ${puppetToken} rejected; Bearer xyz123456789` });
    for (const secret of [puppetToken, apiKey, webhookKey, "abc.def.ghi"]) expect(all()).not.toContain(secret);
    expect(unknown.all()).not.toContain(puppetToken);
    expect(unknown.all()).not.toContain("xyz123456789");
    expect(all()).toContain("[redacted]");
  });

  it("never carry a talker's name or what a resident wrote, also where the name recurs in free text", () => {
    const { logger, all } = capture();
    logger.info("logged in", { user: "幸福里小助手" });
    logger.info("message", { talkerName: "张秀英", text: "3号楼2单元楼道灯坏了 我是张秀英" });
    logger.error("message handling failed", { reason: "no contact for 张秀英", messageId: "m1" });
    logger.info("ticket", { residentName: "王建国", volunteerName: "刘志强" });
    for (const personal of ["幸福里小助手", "张秀英", "王建国", "刘志强", "楼道灯坏了"]) {
      expect(all()).not.toContain(personal);
    }
    // What is not personal stays readable.
    expect(all()).toContain('"messageId":"m1"');
    expect(all()).toContain("message handling failed");
  });

  it("keeps each line one JSON object", () => {
    const { logger, all } = capture();
    logger.info("x", { user: "某人", n: 3, ok: true, at: new Date(0) });
    const line = JSON.parse(all()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "info", msg: "x", n: 3, ok: true, user: "[name]" });
  });
});
