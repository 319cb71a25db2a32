// The 成绩单 page in Chromium: residents' requests made in WeChat over gRPC, claimed, finished and
// rated there, show in the month's figures, charts and tables; the Excel download opens with the
// same figures; the page fits a phone, its charts follow the window, and it prints on A4.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumPath,
  haveChromium,
  launchChromium,
  openSignedIn,
  screenshot,
  screenshotDir,
} from "../../helpers/console-browser.js";
import { useConsole } from "../../helpers/console-harness.js";
import { doSomeWork } from "../../helpers/report-work.js";

if (!haveChromium)
  console.warn(`console reports page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

/** The value shown in the figure named `name` (受理, 办结, 满意率 …). */
const figure = (page: Page, name: string) =>
  page.locator(".figure", { has: page.locator("span", { hasText: new RegExp(`^${name}$`) }) }).locator("b");

const chartWidths = (page: Page) =>
  page.locator(".chart canvas").evaluateAll((canvases) => canvases.map((c) => c.getBoundingClientRect().width));

describe.skipIf(!haveChromium)("the 成绩单 page in Chromium", () => {
  const c = useConsole();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the month's work from WeChat, downloads the Excel file with the same figures, and prints on A4", async () => {
    await doSomeWork(c);
    const { page, problems, context } = await openSignedIn(browser, c, "desktop");
    problems.length = 0; // the sign-in page asks for a session before there is one (401): not this page's
    await page.goto(new URL("/console/reports", c.web.url).href);
    await expect.poll(() => figure(page, "受理").textContent()).toBe("2 件");
    expect(await figure(page, "办结").textContent()).toBe("1 件");
    expect(await figure(page, "满意率").textContent()).toBe("100%");
    const label = (await page.locator(".report-head h2").textContent())!.replace(" 成绩单", "");
    expect(label).toMatch(/^\d{4}年\d{1,2}月$/);
    expect(await page.locator(".report-head p").textContent()).toMatch(
      /^本社区 · \d{4}年\d+月1日至\d+月\d+日 · 统计于/,
    );
    expect(await page.locator("#period-picker option:checked").textContent()).toBe(`本月 (${label})`);
    const volunteers = page.locator('[data-table="volunteers"] table');
    await expect.poll(() => volunteers.locator("tbody tr").first().textContent()).toBe("刘志强11115.0");
    // Three charts drawn (per day, categories, buildings), each as wide as its card.
    expect(await page.locator(".chart canvas").count()).toBe(3);
    const wide = await chartWidths(page);
    expect(wide[0]).toBeGreaterThan(1000);
    await screenshot(page, "reports-month-desktop");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载 Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`成绩单-${label}.xlsx`);
    mkdirSync(screenshotDir, { recursive: true });
    const saved = join(screenshotDir, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const overview = new Map<unknown, unknown>();
    wb.getWorksheet("总览")!.eachRow((row) => overview.set(row.getCell(1).value, row.getCell(2).value));
    expect(overview.get("周期")).toBe(label);
    expect(overview.get("受理(件)")).toBe(2);
    expect(overview.get("办结(件)")).toBe(1);
    expect(overview.get("满意率")).toBe(1);
    expect(wb.getWorksheet("志愿者")!.getRow(2).getCell(1).value).toBe("刘志强");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载 CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`成绩单-${label}-总览.csv`);

    // The window narrows to a phone's width: the charts follow it.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => Math.max(...(await chartWidths(page)))).toBeLessThan(370);

    // Printed: the controls are gone, the tables are tables, the charts fit A4.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#controls").isVisible()).toBe(false);
    expect(await volunteers.isVisible()).toBe(true);
    await page.setViewportSize({ width: 700, height: 990 });
    await screenshot(page, "reports-month-print");
    const pdf = await page.pdf({ format: "A4", printBackground: true, path: join(screenshotDir, "reports-month.pdf") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });

    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it("on a phone: fits 390 px, the period picker moves to last month and back to this week", async () => {
    await doSomeWork(c);
    const { page, problems, context } = await openSignedIn(browser, c, "phone");
    problems.length = 0; // the sign-in page asks for a session before there is one (401): not this page's
    await page.goto(new URL("/console/reports?period=month", c.web.url).href);
    await expect.poll(() => figure(page, "受理").textContent()).toBe("2 件");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const widths = await chartWidths(page);
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeLessThan(370);
    // On a phone the tables are cards, one per line of the table.
    const card = page.locator('[data-table="volunteers"] .list-cards dl').first();
    expect(await card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain("刘志强");
    const fontSize = await page
      .locator(".figure b")
      .first()
      .evaluate((b) => getComputedStyle(b).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(24);
    await screenshot(page, "reports-month-phone");

    const picker = page.locator("#period-picker");
    const lastMonth = (await picker.locator("option", { hasText: /^上月/ }).getAttribute("value"))!;
    await picker.selectOption(lastMonth);
    await page.waitForURL(/period=month&date=\d{4}-\d{2}-01/);
    await expect.poll(() => figure(page, "受理").textContent()).toBe("0 件");
    expect(await page.locator(".chart-card .muted").first().textContent()).toBe("本期还没有数据。");

    await page.getByRole("button", { name: "本周" }).click();
    await page.waitForURL(/period=week/);
    await expect.poll(() => page.locator(".report-head h2").textContent()).toMatch(/^\d{4}年第\d+周 成绩单$/);
    await screenshot(page, "reports-week-phone");
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
