// Drives the simulator page in a real Chromium, as a newcomer would.
import { existsSync, mkdirSync } from "node:fs";
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
    await page.screenshot({ path: `${screenshots}/desktop-session.png` });
    expect(problems).toEqual([]);
  });
});

// Screenshots are artefacts for people to look at (gitignored).
const screenshots = new URL("../.tmp/screenshots", import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

/** HH:MM in China time, as the bot writes times. */
const chinaClock = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);

describe.skipIf(!haveChromium)("simulator page on a phone and on a desktop", () => {
  let harness: Harness;
  let browser: Browser;
  const room = "幸福里3号楼居民群";

  beforeAll(async () => {
    harness = await startHarness();
    // A long history: sixty messages and the bot's sixty answers.
    const topic = roomByTopic(harness.demo, room);
    const zhang = personByKey(harness.demo, "zhang").contact;
    for (let i = 1; i <= 60; i++) await zhang.say(`第${i}条：楼下的路灯又不亮了`).to(topic);
    // Wait until the bot has answered all sixty.
    const deadline = Date.now() + 30_000;
    while ((await history()).filter((m) => m.text.startsWith("收到：")).length < 60 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function open(width: number, height: number): Promise<Page> {
    // A browser far from China: the page must still show China time.
    const page = await browser.newPage({ viewport: { width, height }, timezoneId: "America/Los_Angeles" });
    await page.goto(harness.url);
    await expect.poll(() => page.locator("#transcript .message").count(), { timeout: 10_000 }).toBeGreaterThan(100);
    await expect
      .poll(() => page.locator("#transcript").evaluate((t) => t.scrollHeight - t.scrollTop - t.clientHeight))
      .toBeLessThan(2);
    return page;
  }

  async function history(): Promise<{ at: string; text: string }[]> {
    const response = await fetch(new URL("/api/messages?since=0", harness.url));
    return ((await response.json()) as { messages: { at: string; text: string }[] }).messages;
  }

  async function box(page: Page, selector: string) {
    const b = await page.locator(selector).boundingBox();
    if (!b) throw new Error(`${selector} is not shown`);
    return b;
  }

  for (const [name, width, height] of [
    ["phone", 390, 844],
    ["desktop", 1280, 800],
  ] as const) {
    it(`${name} ${width}×${height}: a short header, the newest message and the send box in view`, async () => {
      const page = await open(width, height);
      expect((await box(page, "header")).height).toBeLessThanOrEqual(64);
      // No page scroll: the chat scrolls inside the page.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
      for (const part of ["#message-input", "#send-button"]) {
        const b = await box(page, part);
        expect(b.y).toBeGreaterThan(height / 2);
        expect(b.y + b.height).toBeLessThanOrEqual(height);
      }
      const newest = page.locator("#transcript .message").last();
      expect(await newest.locator(".bubble").textContent()).toBe((await history()).at(-1)!.text);
      const nb = await newest.boundingBox();
      expect(nb!.y + nb!.height).toBeLessThanOrEqual(
        (await box(page, "#transcript")).y + (await box(page, "#transcript")).height + 1,
      );
      await page.screenshot({ path: `${screenshots}/${name}-chat.png` });
      await page.close();
    });

    it(`${name}: times in China time, whatever the browser's zone`, async () => {
      const page = await open(width, height);
      const last = (await history()).at(-1)!;
      const shown = await page.locator("#transcript .message").last().locator("time").textContent();
      expect(shown).toBe(chinaClock(last.at));
      const browserClock = await page.evaluate((at) => {
        const d = new Date(at);
        return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
      }, last.at);
      expect(browserClock).not.toBe(shown);
      await page.close();
    });

    it(`${name}: an empty send shows a hint and sends nothing`, async () => {
      const page = await open(width, height);
      const heardBefore = harness.heard.length;
      await page.locator("#message-input").fill("   ");
      await page.locator("#send-button").click();
      await expect.poll(() => page.locator("#status").textContent()).toContain("先写点什么");
      expect(await page.locator("#status").isVisible()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(harness.heard.length).toBe(heardBefore);
      await page.locator("#message-input").fill("好");
      expect(await page.locator("#status").textContent()).toBe("");
      await page.close();
    });
  }

  it("phone: the rooms open in a drawer with their names, and choosing one closes it", async () => {
    const page = await open(390, 844);
    // Closed, the drawer takes no room from the chat.
    expect((await box(page, "#transcript")).width).toBeGreaterThan(380);
    expect(await page.locator("#room-list .room-topic").first().isVisible()).toBe(true); // in the DOM, off screen
    const offScreen = await box(page, "nav");
    expect(offScreen.x + offScreen.width).toBeLessThanOrEqual(0);

    await page.locator("#rooms-button").click();
    await expect.poll(async () => (await box(page, "nav")).x).toBe(0);
    const topics = page.locator("#room-list .room-topic");
    expect(await topics.allTextContents()).toContain("幸福里志愿者服务群");
    const topicBox = (await topics.nth(2).boundingBox())!;
    expect(topicBox.width).toBeGreaterThan(120);
    expect(topicBox.height).toBeLessThan(40); // one line, not a character per line
    await page.screenshot({ path: `${screenshots}/phone-rooms.png` });

    await page.locator("#room-list button", { hasText: "幸福里志愿者服务群" }).click();
    expect(await page.locator("#conversation-title").textContent()).toBe("幸福里志愿者服务群");
    await expect.poll(async () => (await box(page, "nav")).x + (await box(page, "nav")).width).toBeLessThanOrEqual(0);
    const names = await page.locator("#person-select option").allTextContents();
    expect(names[0]).toBe("刘志强（志愿者）");
    await page.close();
  });

  it("desktop: the rooms stay beside the chat, no drawer button", async () => {
    const page = await open(1280, 800);
    expect(await page.locator("#rooms-button").isVisible()).toBe(false);
    const nav = await box(page, "nav");
    expect(nav.x).toBe(0);
    expect(nav.width).toBeGreaterThan(200);
    expect((await box(page, "main")).x).toBeGreaterThanOrEqual(nav.width);
    await page.close();
  });
});
