// The demo as `npm start` runs it: the real app on the mock puppet, the simulator and the console
// on one port, side by side at /demo. A newcomer signs in to the console with the code that
// 赵书记 gets in the simulator.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WechatyBuilder } from "wechaty";
import { loadConfig } from "../../src/config.js";
import { connectApp } from "../../src/connect-app.js";
import { silentLogger } from "../../src/core/logger.js";
import { systemClock } from "../../src/core/types.js";
import { createDemoCommunity, demoRooms } from "../../src/demo/demo-community.js";
import { openDatabase } from "../../src/store/open-database.js";
import { consoleServicesOf } from "../../src/web/console/console-services.js";
import { startSimulator } from "../../src/web/simulator-server.js";
import { chromiumPath, haveChromium, launchChromium, screenshot } from "../helpers/console-browser.js";

if (!haveChromium) console.warn(`demo console test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!haveChromium)("the demo: simulator and console side by side", () => {
  const dir = mkdtempSync(join(tmpdir(), "linli-demo-"));
  let browser: Browser;
  let stop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({
      DATABASE_URL: `file:${dir}/linli.db`,
      LINLI_RESIDENT_ROOMS: demoRooms.resident.join(","),
      LINLI_VOLUNTEER_ROOMS: demoRooms.volunteer.join(","),
      LINLI_STAFF_ROOMS: demoRooms.staff.join(","),
      LINLI_KB: "demo/kb",
      LINLI_SEND_INTERVAL_MS: "0",
      LINLI_SEND_JITTER_MS: "0",
      LINLI_DAILY_REPORT_AT: "off",
      LINLI_WEEKLY_REPORT_AT: "off",
    });
    const demo = createDemoCommunity(config.botName);
    const database = await openDatabase(config.databaseUrl);
    const bot = WechatyBuilder.build({ name: `demo-console-${process.pid}`, puppet: demo.puppet });
    const connected = connectApp(bot, {
      config,
      database,
      clock: systemClock,
      logger: silentLogger,
      housekeepingMs: 0,
    });
    await bot.start();
    demo.mocker.login(demo.botUser);
    await connected.ready;
    const web = await startSimulator({
      demo,
      bot,
      host: "127.0.0.1",
      port: 0,
      logger: silentLogger,
      health: connected.health,
      console: consoleServicesOf(connected.app, { config, clock: systemClock, logger: silentLogger }),
    });
    url = web.url;
    browser = await launchChromium();
    stop = async () => {
      await browser.close();
      await web.close();
      connected.link.stop();
      await connected.app.stop();
      await bot.stop().catch(() => {});
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }, 90_000);
  afterAll(async () => {
    await stop?.();
  });

  it("a resident's report and the secretary's sign-in, all from the one demo page", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => !r.url().startsWith(url) && problems.push(`outside request: ${r.url()}`));
    await page.goto(new URL("/demo", url).href);
    const sim = page.frameLocator('iframe[title="聊天模拟器"]');
    const con = page.frameLocator('iframe[title="社区后台"]');
    const say = async (room: string, person: string, text: string) => {
      await sim.locator("#room-list button", { hasText: room }).click();
      await sim.locator("#person-select").selectOption({ label: person });
      await sim.locator("#message-input").fill(text);
      await sim.locator("#message-input").press("Enter");
    };
    await say("幸福里3号楼居民群", "张秀英（居民）", "3号楼2单元楼道灯坏了好几天了");
    await expect
      .poll(() => sim.locator(".message.bot", { hasText: "#1" }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await say("私聊", "赵书记（社区工作人员）", "登录");
    const codeMessage = sim.locator(".message.bot", { hasText: "后台登录码" }).last();
    await codeMessage.waitFor({ timeout: 15_000 });
    const code = /登录码: ([A-Z0-9]{8})/.exec((await codeMessage.textContent()) ?? "")?.[1];
    expect(code).toBeTruthy();
    await con.locator("#code").fill(code!);
    await con.getByRole("button", { name: "登录" }).first().click();
    await expect.poll(() => con.locator("header.bar .who").textContent(), { timeout: 15_000 }).toContain("赵书记");
    await screenshot(page, "demo-side-by-side-desktop");
    expect(problems).toEqual([]);
  }, 90_000);
});
