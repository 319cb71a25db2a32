// The 广播 page in Chromium: a secretary creates a broadcast on the page and sees its next run,
// in the list and on the month's calendar, on a phone and on a desktop; 立即发送 reaches WeChat.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatChinaTime } from "../../../src/broadcasts/describe-schedule.js";
import { chinaTimeToDate, toChinaDate } from "../../../src/text/china-time.js";
import { chromiumPath, haveChromium, launchChromium, openSignedIn, screenshot } from "../../helpers/console-browser.js";
import { useConsole } from "../../helpers/console-harness.js";
import { testRooms, waitFor } from "../../helpers/grpc-harness.js";

if (!haveChromium)
  console.warn(`console broadcasts page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

// The browser keeps real time (a session cookie expires by it), so the bot does too and the
// expected runs are worked out here from the calendar, independently of the scheduler.

/** The next `count` China-time slots at hh:mm on these weekdays (0 = Sunday), after now. */
function expectedSlots(weekdays: number[], hour: number, minute: number, count: number): Date[] {
  const now = new Date();
  const today = toChinaDate(now);
  const slots: Date[] = [];
  for (let d = 0; slots.length < count; d++) {
    const at = chinaTimeToDate(today.year, today.month, today.day + d, hour, minute);
    if (weekdays.includes(toChinaDate(at).weekday) && at > now) slots.push(at);
  }
  return slots;
}
const said = (slots: Date[]) => slots.map((s) => formatChinaTime(s, new Date())).join("、");
const inThisMonth = (slots: Date[]) =>
  slots.filter((s) => toChinaDate(s).month === toChinaDate(new Date()).month).map((s) => String(toChinaDate(s).day));

/** The page has no sideways scrolling: nothing sticks out past the screen's edge. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe.skipIf(!haveChromium)("the 广播 page in Chromium", () => {
  const c = useConsole();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("on a phone: a weekly broadcast made with the form shows its next runs and its days on the calendar; 立即发送 reaches the rooms", async () => {
    const { page, problems, context } = await openSignedIn(browser, c, "phone");
    const signedIn = problems.length; // the sign-in page's own checks (a 401 before signing in) are not ours
    await page.goto(new URL("/console/broadcasts", c.web.url).href);
    await expect.poll(() => page.locator("#list").textContent()).toContain("现在没有安排广播");

    await page.getByRole("button", { name: "新建广播" }).click();
    await page.getByLabel("多久发一次").selectOption("weekly");
    await page.getByLabel("周一").check();
    await page.getByLabel("周三").check();
    await page.getByLabel("几点").selectOption("18");
    await page.getByLabel("几分").selectOption("30");
    await expect.poll(() => page.locator("#when-words").textContent()).toBe("每周一、三 18:30");
    await page.getByLabel("所有居民群").check();
    await page.getByLabel("广播内容").fill("晚上好！本月社区已受理 ");
    await page.getByRole("button", { name: "{本月受理}" }).click();
    await page.getByLabel("广播内容").press("End");
    await page.getByLabel("广播内容").pressSequentially(" 件事，谢谢大家。");

    const slots = expectedSlots([1, 3], 18, 30, 3);
    await page.getByRole("button", { name: "预览" }).first().click();
    const check = page.locator("#check-result");
    await expect.poll(() => check.textContent()).toContain(`接下来：${said(slots)}`);
    await expect
      .poll(() => check.locator("pre").textContent())
      .toMatch(/^晚上好！本月社区已受理 \d+ 件事，谢谢大家。$/);
    await screenshot(page, "console-broadcasts-form-phone");

    await page.getByRole("button", { name: "保存", exact: true }).click();
    const card = page.locator("article.broadcast").first();
    await expect.poll(() => card.textContent()).toContain(`下次：${said(slots)}`);
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`已安排，下次 ${said(slots.slice(0, 1))} 发送`);
    expect(await card.locator("h3").textContent()).toContain("每周一、三 18:30");

    // The month's calendar marks the Monday and Wednesday evenings still ahead this month.
    const today = toChinaDate(new Date());
    expect(await page.locator("#month-title").textContent()).toBe(`${today.year}年${today.month}月`);
    const planned = await page.locator(".calendar .day.busy .num").allTextContents();
    expect(planned).toEqual(inThisMonth(expectedSlots([1, 3], 18, 30, 10)));
    if (planned.length > 0)
      expect(await page.locator("#month-list").textContent()).toContain(`${today.month}月${planned[0]}日 18:30`);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "console-broadcasts-list-phone");

    // 立即发送, confirmed, goes to both residents' rooms over WeChat, and the history says so.
    page.once("dialog", (d) => d.accept());
    await card.getByRole("button", { name: "立即发送" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("马上发送，共 2 个群");
    await waitFor(
      () =>
        [testRooms.residents, testRooms.residents2].every((room) =>
          c.server.botSaid({ roomTopic: room }).some((s) => /本月社区已受理 \d+ 件事/.test(s.text)),
        ),
      "the broadcast in both residents' rooms",
    );
    await c.bot.app.outbox.idle();
    await page.locator("article.broadcast").first().getByRole("button", { name: "发送记录" }).click();
    const runs = page.locator("article.broadcast .runs");
    await expect.poll(() => runs.textContent()).toContain(`${testRooms.residents}：已发送`);
    expect(await runs.textContent()).toContain(`${testRooms.residents2}：已发送`);
    await screenshot(page, "console-broadcasts-history-phone");
    expect(problems.slice(signedIn)).toEqual([]);
    await context.close();
  });

  it("on a desktop: a one-off made with the form shows its next run, refuses time words it cannot read in plain words, pauses and resumes", async () => {
    const { page, problems, context } = await openSignedIn(browser, c, "desktop");
    const signedIn = problems.length; // the sign-in page's own checks (a 401 before signing in) are not ours
    await page.goto(new URL("/console/broadcasts", c.web.url).href);
    await page.getByRole("button", { name: "新建广播" }).click();
    await page.getByLabel("多久发一次").selectOption("custom");
    await page.getByLabel("时间", { exact: true }).fill("每周 09:00");
    await page.getByLabel(testRooms.residents2).check();
    await page.getByLabel("广播内容").fill("周六上午社区义诊，欢迎老人们来量血压。");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => page.locator("#form-error").textContent()).toContain("「每周」后面要写星期几，比如 每周一");

    const [tomorrow] = expectedSlots([0, 1, 2, 3, 4, 5, 6], 9, 0, 2).filter(
      (s) => toChinaDate(s).day !== toChinaDate(new Date()).day,
    );
    const t = toChinaDate(tomorrow!);
    const dateText = `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
    await page.getByLabel("多久发一次").selectOption("once");
    await page.getByLabel("哪一天").fill(dateText);
    await page.getByLabel("几点").selectOption("09");
    await page.getByLabel("几分").selectOption("00");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const card = page.locator("article.broadcast").first();
    await expect.poll(() => card.textContent()).toContain(`下次：${said([tomorrow!])}`);
    expect(await card.textContent()).toContain(`发往：${testRooms.residents2}`);
    expect(await page.locator(".calendar .day.busy .num").allTextContents()).toEqual(inThisMonth([tomorrow!]));
    await screenshot(page, "console-broadcasts-list-desktop");

    await card.getByRole("button", { name: "暂停" }).click();
    await expect.poll(() => page.locator("article.broadcast").first().textContent()).toContain("暂停中，不会发送");
    expect(await page.locator(".calendar .day.busy").count()).toBe(0);
    await page.locator("article.broadcast").first().getByRole("button", { name: "恢复" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`已恢复，下次 ${said([tomorrow!])} 发送`);
    await page.locator("article.broadcast").first().getByRole("button", { name: "修改" }).click();
    expect(await page.getByLabel("哪一天").inputValue()).toBe(dateText);
    expect(await page.getByLabel(testRooms.residents2).isChecked()).toBe(true);
    await screenshot(page, "console-broadcasts-edit-desktop");
    // Only the refusal we asked for (the browser logs a 400 answer as a failed load).
    expect(problems.slice(signedIn)).toEqual([
      "console: Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
    await context.close();
  });
});
