// The sign-in page in Chromium: the link from WeChat signs a staff member in; a used code does not.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  haveChromium,
  launchChromium,
  openSignedIn,
  screenshot,
  viewports,
  chromiumPath,
} from "../../helpers/console-browser.js";
import { useConsole } from "../../helpers/console-harness.js";

if (!haveChromium)
  console.warn(`console login page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

describe.skipIf(!haveChromium)("console sign-in page in Chromium", () => {
  const c = useConsole();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("the link in the WeChat message signs the secretary in on a phone, and 退出 signs out", async () => {
    const { page, problems, context } = await openSignedIn(browser, c, "phone");
    await expect.poll(() => page.locator("header.bar .who").textContent()).toContain("赵书记");
    await screenshot(page, "console-signed-in-phone");
    await page.getByRole("button", { name: "退出" }).click();
    await page.waitForURL(/\/console\/login/);
    await page.goto(new URL("/console/tickets", c.web.url).href);
    await page.waitForURL(/\/console\/login\?next=/);
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });

  it("a code typed twice is refused with words that say what to do", async () => {
    const code = await c.codeFor("zhao");
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") logged.push(m.text());
    });
    // Not signed in yet: the page loads without a single error in the browser's console.
    await page.goto(new URL("/console/login", c.web.url).href);
    await page.waitForLoadState("networkidle");
    expect(logged).toEqual([]);
    // The first sign-in works. Its tickets page is closed before the cookies go: left open, it
    // finds itself signed out and moves to the sign-in page, which aborted the next page.goto.
    await page.getByLabel("登录码").fill(code!);
    await page.getByRole("button", { name: "登录" }).first().click();
    await page.waitForURL(/\/console\/tickets/);
    await page.close();
    await context.clearCookies();
    // The same code typed again, on a fresh page.
    const again = await context.newPage();
    await again.goto(new URL("/console/login", c.web.url).href);
    await again.getByLabel("登录码").fill(code!);
    await again.getByRole("button", { name: "登录" }).first().click();
    await expect.poll(() => again.getByRole("alert").textContent()).toContain("请在微信里给我发「登录」");
    await screenshot(again, "console-login-refused-desktop");
    await context.close();
  });
});
