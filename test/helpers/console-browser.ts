// Real Chromium (Debian's package, driven by playwright-core) on the console pages: sign in
// with a code that came in WeChat, watch for errors and outside requests, save screenshots.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { ConsoleSetup } from "./console-harness.js";
import type { PersonKey } from "./grpc-harness.js";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const haveChromium = existsSync(chromiumPath);
export const screenshotDir = join(process.cwd(), "test", ".tmp", "screenshots");

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors and requests that left the console's own address. */
  problems: string[];
}

/** A fresh browser profile at `viewport`, signed in as `person` through the login page. */
export async function openSignedIn(
  browser: Browser,
  setup: ConsoleSetup,
  viewport: keyof typeof viewports = "desktop",
  person: PersonKey = "zhao",
): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: viewports[viewport], locale: "zh-CN" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("request", (r) => !r.url().startsWith(setup.web.url) && problems.push(`outside request: ${r.url()}`));
  const code = await setup.codeFor(person);
  if (!code) throw new Error(`no sign-in code came for ${person}`);
  // The link from the WeChat message, as the staff member would tap it.
  await page.goto(new URL(`/console/login?code=${code}`, setup.web.url).href);
  await page.getByRole("button", { name: "登录" }).first().click();
  await page.waitForURL(/\/console\/tickets/);
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
