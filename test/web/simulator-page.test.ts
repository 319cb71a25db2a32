// Drives the simulator page in a real Chromium, as a newcomer would.
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botName, type Harness, personByKey, roomByTopic, startHarness } from "./demo-harness.js";

// Debian's `chromium` package; Playwright's own browser download is blocked here (FINDINGS.md).
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium)
  console.warn(`simulator page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!haveChromium)("simulator page in Chromium", () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    // Nothing may come from anywhere but the simulator itself.
    page.on("request", (r) => !r.url().startsWith(harness.url) && problems.push(`outside request: ${r.url()}`));
    await page.goto(harness.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it("lists the rooms and the private chat, and offers only a room's members as identities", async () => {
    await expect.poll(() => page.locator("#room-list button").count()).toBe(5);
    const rooms = await page.locator("#room-list .room-topic").allTextContents();
    expect(rooms).toEqual([
      "幸福里3号楼居民群",
      "幸福里5号楼居民群",
      "幸福里志愿者服务群",
      "幸福里社区工作群",
      `私聊 ${botName}`,
    ]);
    await page.locator("#room-list button", { hasText: "幸福里志愿者服务群" }).click();
    const names = await page.locator("#person-select option").allTextContents();
    expect(names).toEqual([
      "刘志强（志愿者）",
      "陈师傅（志愿者）",
      "赵书记（社区工作人员）",
      "孙网格员（社区工作人员）",
    ]);
  });

  it("sends what a resident types on Enter and shows the bot's answer", async () => {
    await page.locator("#room-list button", { hasText: "幸福里3号楼居民群" }).click();
    await page.locator("#person-select").selectOption({ label: "张秀英（居民）" });
    await page.locator("#message-input").fill("3号楼2单元楼道灯坏了好几天了");
    await page.locator("#message-input").press("Enter");

    const transcript = page.locator("#transcript");
    const mine = transcript.locator(".message.mine", { hasText: "3号楼2单元楼道灯坏了好几天了" });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator(".sender").textContent()).toBe("张秀英");
    const answer = transcript.locator(".message.bot", { hasText: "收到：3号楼2单元楼道灯坏了好几天了" });
    await expect.poll(() => answer.count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator("#message-input").inputValue()).toBe("");
  });

  it("@-mentions the bot when the box is ticked", async () => {
    await page.locator("#mention-bot").check();
    await page.locator("#message-input").fill("居委会几点上班？");
    await page.locator("#send-button").click();
    await expect.poll(() => harness.heard.find((h) => h.text.includes("居委会几点上班"))?.mentionSelf).toBe(true);
    await page.locator("#mention-bot").uncheck();
  });

  it("shows chat text as text, never as markup", async () => {
    const room = roomByTopic(harness.demo, "幸福里3号楼居民群");
    personByKey(harness.demo, "li").contact.say('<img src=x onerror="window.hacked=1"><b>粗体</b>').to(room);
    const raw = page.locator(".message .bubble", { hasText: "<img src=x" });
    await expect.poll(() => raw.count()).toBeGreaterThan(0);
    expect(await page.locator("#transcript img, #transcript b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });

  it("lets a volunteer claim a task card by quote-reply", async () => {
    const room = roomByTopic(harness.demo, "幸福里志愿者服务群");
    await harness.bot.Room.find({ id: room.id }).then((r) => r?.say("【新任务 #7】3号楼楼道灯坏了，请志愿者认领"));
    const unread = page.locator("#room-list button", { hasText: "幸福里志愿者服务群" }).locator(".unread");
    await expect.poll(() => unread.count()).toBe(1);

    await page.locator("#room-list button", { hasText: "幸福里志愿者服务群" }).click();
    const card = page.locator(".message.bot", { hasText: "新任务 #7" });
    await card.locator(".quote-button").click();
    expect(await page.locator("#quote-bar").isVisible()).toBe(true);
    await page.locator("#message-input").fill("认领");
    await page.locator("#message-input").press("Enter");

    const claim = () => harness.heard.find((h) => h.roomId === room.id && h.text.endsWith("认领"));
    await expect.poll(claim).toBeDefined();
    expect(claim()?.text).toBe(
      `「${botName}：【新任务 #7】3号楼楼道灯坏了，请志愿者认领」\n${"- ".repeat(15).trim()}\n认领`,
    );
    const shown = page.locator(".message.mine", { hasText: "认领" }).locator(".quoted");
    await expect.poll(() => shown.textContent()).toContain("新任务 #7");
    expect(await page.locator("#quote-bar").isVisible()).toBe(false);
  });

  it("keeps each person's private chat with the bot apart", async () => {
    await page.locator("#room-list button", { hasText: `私聊 ${botName}` }).click();
    await page.locator("#person-select").selectOption({ label: "王桂兰（居民）" });
    await page.locator(".composer #examples button", { hasText: "我的工单" }).click();
    await page.locator("#message-input").press("Enter");
    await expect.poll(() => page.locator("#transcript .message.bot", { hasText: "收到：我的工单" }).count()).toBe(1);
    expect(await page.locator("#conversation-title").textContent()).toContain("王桂兰");

    await page.locator("#person-select").selectOption({ label: "李建国（居民）" });
    expect(await page.locator("#transcript .message").count()).toBe(0);
  });

  it("looks right and raised no errors", async () => {
    await page.locator("#room-list button", { hasText: "幸福里3号楼居民群" }).click();
    await page.screenshot({ path: "/tmp/simulator.png" });
    expect(problems).toEqual([]);
  });
});
