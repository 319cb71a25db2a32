// The 知识库 page in Chromium: a secretary on a phone edits an answer and the bot answers residents
// with it in WeChat; on a desktop, an import with a mistake shows the file and line, a good file
// imports, and the exported file imports back.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, haveChromium, launchChromium, openSignedIn, screenshot } from "../../helpers/console-browser.js";
import { useConsole } from "../../helpers/console-harness.js";
import { testRooms, waitFor } from "../../helpers/grpc-harness.js";

if (!haveChromium)
  console.warn(`console kb page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

const services = `- id: elder-canteen
  title: 长者食堂开饭时间
  questions:
    - 长者食堂几点开饭
  answer: 长者食堂每天11:00开午饭, 在社区服务站一楼。
  tags: [助餐]
- id: residence-proof
  title: 开居住证明
  questions:
    - 居住证明怎么开
  answer: 带身份证和户口本到社区服务站二楼窗口办理, 当场可取。
`;

/** Problems other than the sign-in page's session probe (401), the browser's favicon (404) and refusals the page shows (400). */
const unexpected = (p: string) => !/status of (400|401|404)\b/.test(p);

describe.skipIf(!haveChromium)("知识库 page in Chromium", () => {
  const c = useConsole();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function ask(question: string): Promise<string> {
    const before = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    await c.server.say("zhang", "residents", question, { mentionBot: true });
    const said = await waitFor(() => c.server.botSaid({ roomTopic: testRooms.residents })[before], "the bot's answer");
    return said.text;
  }

  it("on a phone, an answer edited on the page is what the bot says in WeChat next", async () => {
    const staff = await c.signIn();
    await staff.call("POST", "/api/kb/import", { files: [{ name: "services.yaml", text: services }] });
    expect(await ask("长者食堂几点开饭")).toContain("11:00开午饭");

    const { page, problems, context } = await openSignedIn(browser, c, "phone");
    await page.goto(new URL("/console/kb", c.web.url).href);
    await expect.poll(() => page.locator(".list-cards .card").count()).toBe(2);
    await expect.poll(() => page.locator(".list-cards").textContent()).toContain("近30天问到 1 次");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-kb-list-phone");

    await page.getByRole("button", { name: "修改 长者食堂开饭时间" }).last().click();
    const answer = page.getByLabel("答案");
    await expect.poll(() => answer.inputValue()).toContain("11:00开午饭");
    await expect.poll(() => page.locator(".kb-matches").textContent()).toContain("长者食堂几点开饭");
    await answer.fill("长者食堂每天11:30开午饭, 在社区服务站一楼。");
    await screenshot(page, "console-kb-edit-phone");
    await page.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("已保存");
    expect(await ask("长者食堂几点开饭")).toContain("11:30开午饭");

    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems.filter(unexpected)).toEqual([]);
    await context.close();
  });

  it("on a desktop, a pasted file with a mistake shows its line; a good file imports; the export imports back", async () => {
    const { page, problems, context } = await openSignedIn(browser, c, "desktop");
    await page.goto(new URL("/console/kb", c.web.url).href);
    await expect.poll(() => page.locator("#kb-list").textContent()).toContain("知识库还是空的");

    await page.getByLabel("或粘贴内容").fill(services.replace("  answer: 带身份证", "  answr: 带身份证"));
    await page.getByRole("button", { name: "导入", exact: true }).click();
    const alert = page.locator("#kb-import [role=alert]");
    await expect.poll(() => alert.textContent()).toContain("粘贴的内容.yaml 第7行: 条目 residence-proof: 缺少 answer");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-kb-import-error-desktop");
    expect((await c.signIn().then((s) => s.call("GET", "/api/kb/entries"))).body.total).toBe(0);

    await page.getByLabel("或粘贴内容").fill("");
    await page.getByLabel("选择文件 (可多选)").setInputFiles({
      name: "services.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(services),
    });
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect.poll(() => page.locator("#kb-import [role=status]").textContent()).toContain("新增 2 条");
    await expect.poll(() => page.locator("table.responsive tbody tr").count()).toBe(2);

    await page.getByLabel("居民的问题").fill("居住证明怎么开");
    await page.getByRole("button", { name: "试问" }).click();
    await expect.poll(() => page.locator(".notice.ok").last().textContent()).toContain("户口本");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-kb-desktop");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("导出 YAML").click()]);
    expect(download.suggestedFilename()).toMatch(/^kb-\d{4}-\d{2}-\d{2}\.yaml$/);
    const exported = readFileSync((await download.path()) as string, "utf8");
    expect(exported).toContain("id: residence-proof");
    await page.getByLabel("选择文件 (可多选)").setInputFiles({
      name: download.suggestedFilename(),
      mimeType: "application/yaml",
      buffer: Buffer.from(exported),
    });
    await page.getByRole("button", { name: "只检查" }).click();
    await expect.poll(() => page.locator("#kb-import [role=status]").textContent()).toContain("检查通过: 2 条");
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect.poll(() => page.locator("#kb-import [role=status]").textContent()).toContain("新增 0 条, 更新 2 条");
    // The one 400 is the refused import, which the page shows.
    expect(problems.filter((p) => p.includes("status of 400"))).toHaveLength(1);
    expect(problems.filter(unexpected)).toEqual([]);
    await context.close();
  });
});
