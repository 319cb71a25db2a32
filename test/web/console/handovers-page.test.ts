// The 转人工 page in Chromium: a resident asks the bot in WeChat (gRPC mock) something the knowledge
// base cannot answer; the secretary sees it on the page, answers it there, and the resident is told
// in WeChat. Screenshots at phone and desktop sizes go to test/.tmp/screenshots/.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, haveChromium, launchChromium, openSignedIn, screenshot } from "../../helpers/console-browser.js";
import { type ConsoleSetup, useConsole } from "../../helpers/console-harness.js";
import { testRooms, waitFor } from "../../helpers/grpc-harness.js";
import { demoKbPath } from "../../helpers/knowledge-base.js";

if (!haveChromium)
  console.warn(`console hand-overs page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

/** A console page opened through the sign-in page; the sign-in page's check for an existing session is a 401 by design. */
async function signedIn(c: ConsoleSetup, browser: Browser, viewport: "phone" | "desktop") {
  const opened = await openSignedIn(browser, c, viewport);
  const signInNoise = opened.problems.splice(0);
  expect(signInNoise.every((p) => p.includes("401"))).toBe(true);
  return opened;
}

/** The resident asks; the bot says it handed the question over. */
async function residentAsks(c: ConsoleSetup, text: string, privately = false) {
  if (privately) await c.server.say("li", null, text);
  else await c.server.say("zhang", "residents", text, { mentionBot: true });
  await waitFor(
    () =>
      c.server
        .botSaid(privately ? { toName: "李建国" } : { roomTopic: testRooms.residents })
        .find((s) => s.text.includes("转给社区工作人员")),
    "the bot's word that it handed the question over",
  );
  await waitFor(
    () => c.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes(text)),
    "the hand-over in the staff room",
  );
}

describe.skipIf(!haveChromium)("the 转人工 page in Chromium", () => {
  const c = useConsole({ env: { LINLI_KB: demoKbPath } });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("on a phone: a question asked in WeChat is answered from the page, saved to the knowledge base, and the resident is told", async () => {
    await residentAsks(c, "小区里能养鸽子吗");
    const { page, problems, context } = await signedIn(c, browser, "phone");
    await page.getByRole("link", { name: "转人工" }).click();
    await page.waitForURL(/\/console\/handovers/);

    const card = page.getByRole("article", { name: "居民咨询 #1" });
    await expect.poll(() => card.textContent()).toContain("小区里能养鸽子吗");
    expect(await card.textContent()).toContain(`张秀英 · ${testRooms.residents}`);
    expect(await card.textContent()).toMatch(/已等 (不到 1 分钟|\d+ 分钟)/);
    expect(await page.getByRole("button", { name: "等待答复 (1)" }).getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "console-handovers-waiting-phone");

    await card.getByLabel("给 张秀英 的答复").fill("可以养, 请别在楼顶和楼道里搭鸽棚, 每天清扫");
    await card.getByLabel("同时加入知识库").check();
    await card.getByRole("button", { name: "发送给居民" }).click();

    await expect.poll(() => card.getByRole("status").textContent()).toContain("已在微信里把答复转告 张秀英");
    expect(await card.getByRole("status").textContent()).toContain("staff-answer-1");
    expect(await card.textContent()).toContain("已存入知识库, 条目 staff-answer-1");
    expect(await card.textContent()).toContain("赵书记 于");
    expect(await card.textContent()).not.toContain("已等");
    await expect.poll(() => page.getByRole("button", { name: /^等待答复/ }).textContent()).toBe("等待答复 (0)");

    const told = await waitFor(
      () => c.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("搭鸽棚")),
      "the answer told to the resident in WeChat",
    );
    expect(told.text).toContain("张秀英");
    expect(told.text).toContain("您之前问的「小区里能养鸽子吗」, 社区工作人员回复:");
    expect(await c.bot.app.db.kbEntry.count({ where: { id: "staff-answer-1" } })).toBe(1);

    // Nothing on the phone page is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-handovers-answered-phone");
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("on a desktop: waiting and answered filters, search, a private answer, and 加入知识库 afterwards", async () => {
    await residentAsks(c, "小区里能养鸽子吗");
    await residentAsks(c, "冬天的游泳馆给老人打折吗", true);
    const { page, problems, context } = await signedIn(c, browser, "desktop");
    await page.goto(new URL("/console/handovers", c.web.url).href);

    const articles = page.locator("article.handover");
    await expect.poll(() => articles.count()).toBe(2);
    // Newest first.
    expect(await articles.first().getAttribute("aria-label")).toBe("居民咨询 #2");

    await page.getByLabel("搜索").fill("游泳馆");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect.poll(() => articles.count()).toBe(1);
    const card = page.getByRole("article", { name: "居民咨询 #2" });
    expect(await card.textContent()).toContain("李建国 · 私聊");
    expect(await card.textContent()).toContain("我会私信转告 李建国");
    expect(page.url()).toContain("q=");

    await card.getByLabel("给 李建国 的答复").fill("区游泳馆周二上午老人半价");
    await card.getByRole("button", { name: "发送给居民" }).click();
    await expect.poll(() => card.getByRole("status").textContent()).toContain("已在微信里把答复转告 李建国");
    await waitFor(
      () => c.server.botSaid({ toName: "李建国" }).find((s) => s.text.includes("区游泳馆周二上午老人半价")),
      "the private answer in WeChat",
    );
    expect(await c.bot.app.db.kbEntry.count({ where: { id: "staff-answer-2" } })).toBe(0);

    await card.getByRole("button", { name: "加入知识库" }).click();
    await expect.poll(() => card.textContent()).toContain("已存入知识库, 条目 staff-answer-2");
    expect(await c.bot.app.db.kbEntry.count({ where: { id: "staff-answer-2" } })).toBe(1);

    await page.getByLabel("搜索").fill("");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await page.getByRole("button", { name: /^已答复/ }).click();
    await expect.poll(() => articles.count()).toBe(1);
    expect(await articles.first().getAttribute("aria-label")).toBe("居民咨询 #2");
    await page.getByRole("button", { name: /^等待答复/ }).click();
    await expect.poll(() => articles.count()).toBe(1);
    expect(await articles.first().getAttribute("aria-label")).toBe("居民咨询 #1");
    await page.getByRole("button", { name: "全部" }).click();
    await expect.poll(() => articles.count()).toBe(2);
    await screenshot(page, "console-handovers-desktop");
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
