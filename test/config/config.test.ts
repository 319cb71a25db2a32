import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configKeys, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("starts on embedded defaults with nothing set", () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe("file:./data/linli.db");
    expect(c.puppet).toBeUndefined();
    expect(c.llm).toBeUndefined();
    expect(c.outbox.intervalMs).toBeGreaterThanOrEqual(1000);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("names the bad key and says how to fix it", () => {
    expect(() => loadConfig({ LINLI_SEND_INTERVAL_MS: "fast" })).toThrow(/LINLI_SEND_INTERVAL_MS.*整数/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL.*file:/);
    expect(() => loadConfig({ WECHATY_PUPPET: "wechaty-puppet-service" })).toThrow(/WECHATY_PUPPET_SERVICE_TOKEN/);
    expect(() =>
      loadConfig({ WECHATY_PUPPET: "wechaty-puppet-service", WECHATY_PUPPET_SERVICE_TOKEN: "insecure_x" }),
    ).toThrow(/WECHATY_PUPPET_SERVICE_ENDPOINT/);
    expect(() => loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:1/v1" })).toThrow(ConfigError);
  });

  it("reads room lists with either comma, and the optional model", () => {
    const c = loadConfig({
      LINLI_RESIDENT_ROOMS: "3号楼群，/^5号楼/",
      OPENAI_BASE_URL: "http://127.0.0.1:8000/v1",
      OPENAI_API_KEY: "k",
      LINLI_LLM_MODEL: "qwen",
    });
    expect(c.rooms.resident).toEqual(["3号楼群", "/^5号楼/"]);
    expect(c.llm).toMatchObject({ model: "qwen", threshold: 0.6 });
  });

  it("reads the flood limits for one resident's burst, with defaults of 5 tickets a minute", () => {
    expect(loadConfig({}).tickets.flood).toEqual({ tickets: 5, windowMs: 60_000 });
    const c = loadConfig({ LINLI_FLOOD_TICKETS: "3", LINLI_FLOOD_WINDOW_SECONDS: "120" });
    expect(c.tickets.flood).toEqual({ tickets: 3, windowMs: 120_000 });
    expect(loadConfig({ LINLI_FLOOD_TICKETS: "0" }).tickets.flood.tickets).toBe(0);
    expect(() => loadConfig({ LINLI_FLOOD_WINDOW_SECONDS: "0" })).toThrow(/LINLI_FLOOD_WINDOW_SECONDS/);
    expect(() => loadConfig({ LINLI_FLOOD_TICKETS: "many" })).toThrow(/LINLI_FLOOD_TICKETS/);
  });

  it("reads the community's duty phone, and refuses one that is not a phone number", () => {
    expect(loadConfig({ LINLI_DUTY_PHONE: "010-00000000" }).tickets.dutyPhone).toBe("010-00000000");
    expect(loadConfig({}).tickets.dutyPhone).toBeUndefined();
    expect(() => loadConfig({ LINLI_DUTY_PHONE: "找赵书记" })).toThrow(/LINLI_DUTY_PHONE.*电话号码/);
  });

  it("reads named WeCom robots and the claims cap, and never echoes a robot key in an error", () => {
    const c = loadConfig({ LINLI_WECOM_ROBOTS: "物业群机器人=0a1b-2c3d, 志愿者机器人=9f8e" });
    expect(c.broadcasts.robots).toEqual({ 物业群机器人: "0a1b-2c3d", 志愿者机器人: "9f8e" });
    expect(loadConfig({}).broadcasts.robots).toEqual({});
    expect(loadConfig({}).tickets.claimsPerHour).toBe(10);
    expect(loadConfig({ LINLI_CLAIMS_PER_HOUR: "3" }).tickets.claimsPerHour).toBe(3);
    let message = "";
    try {
      loadConfig({ LINLI_WECOM_ROBOTS: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-1" });
    } catch (err) {
      message = String(err);
    }
    expect(message).toContain("LINLI_WECOM_ROBOTS");
    expect(message).toContain("名称=key");
    expect(message).not.toContain("secret-key-1");
  });

  it("keeps .env.example listing every key the code reads", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const listed = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(configKeys));
  });
});
