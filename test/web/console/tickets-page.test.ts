// The 工单 pages in Chromium: a resident's WeChat message (gRPC mock) becomes a ticket that appears
// on the board; the secretary opens it, assigns it to a volunteer on the ticket page, and the
// volunteer and the resident are told in WeChat. Screenshots at phone and desktop sizes go to
// test/.tmp/screenshots/.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, haveChromium, launchChromium, openSignedIn, screenshot } from "../../helpers/console-browser.js";
import { type ConsoleSetup, useConsole } from "../../helpers/console-harness.js";
import { type PersonKey, testRooms, waitFor } from "../../helpers/grpc-harness.js";

if (!haveChromium)
  console.warn(`console tickets page test skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

const lamp = "3号楼2单元楼道灯坏了好几天了, 晚上黑乎乎的, 电话13900000001";
const rubbish = "3号楼门口的垃圾堆了三天没人收, 好臭";

/** A console page opened through the sign-in page; the sign-in page's check for an existing session is a 401 by design. */
async function signedIn(c: ConsoleSetup, browser: Browser, viewport: "phone" | "desktop") {
  const opened = await openSignedIn(browser, c, viewport);
  const signInNoise = opened.problems.splice(0);
  expect(signInNoise.every((p) => p.includes("401"))).toBe(true);
  return opened;
}

/** A resident writes in the group; the bot acknowledges with the ticket's number. */
async function report(c: ConsoleSetup, person: PersonKey, text: string) {
  const before = c.server.botSaid({ roomTopic: testRooms.residents }).length;
  await c.server.say(person, "residents", text);
  const ack = await waitFor(
    () =>
      c.server
        .botSaid({ roomTopic: testRooms.residents })
        .slice(before)
        .find((s) => /#\d+/.test(s.text) && s.text.includes("登记")),
    `the acknowledgement of 「${text}」`,
  );
  return Number(/#(\d+)/.exec(ack.text)?.[1]);
}

describe.skipIf(!haveChromium)("the 工单 pages in Chromium", () => {
  const c = useConsole();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("on a desktop: a WeChat request appears on the board, is assigned on its page, and the volunteer and resident are told", async () => {
    const first = await report(c, "zhang", lamp);
    const { page, problems, context } = await signedIn(c, browser, "desktop");
    // The landing page after sign-in is the board.
    const board = page.locator("table.board");
    await expect.poll(() => board.textContent()).toContain("3号楼2单元楼道灯坏了好几天了");
    expect(await board.textContent()).toContain("张秀英");
    expect(await board.textContent()).not.toContain("13900000001");
    expect(await page.getByRole("button", { name: "待认领 (1)" }).isVisible()).toBe(true);

    // A new request while the page is open: 刷新 shows it.
    const second = await report(c, "li", rubbish);
    await page.getByRole("button", { name: "刷新" }).click();
    await expect.poll(() => board.locator("tbody tr").count()).toBe(2);
    expect(await board.locator("tbody tr").first().textContent()).toContain(`#${second}`);
    expect(await page.getByRole("button", { name: "全部 (2)" }).getAttribute("aria-pressed")).toBe("true");

    // Search by text, then a category filter.
    await page.getByLabel("搜索").fill("垃圾");
    await page.getByRole("button", { name: "查询" }).first().click();
    await expect.poll(() => board.locator("tbody tr").count()).toBe(1);
    await page.getByLabel("搜索").fill("");
    await page.getByText("按类别、楼栋、志愿者、日期筛选").click();
    await page.getByLabel("类别").selectOption({ label: "维修" });
    await page.getByRole("button", { name: "查询" }).last().click();
    // Wait for the filtered rows themselves: the search's one row (#2) is still shown until they come.
    await expect.poll(() => board.textContent()).toContain(`#${first}`);
    expect(await board.locator("tbody tr").count()).toBe(1);
    expect(page.url()).toContain("category=repair");
    await screenshot(page, "console-tickets-board-desktop");

    await board.getByRole("link", { name: `#${first}` }).click();
    await page.waitForURL(new RegExp(`/console/ticket\\?id=${first}$`));
    await expect.poll(() => page.locator("h1").textContent()).toContain(`工单 #${first}`);
    const facts = page.getByRole("region", { name: "居民反映" });
    expect(await facts.textContent()).toContain(lamp);
    expect(await facts.textContent()).toContain("13900000001");
    expect(await facts.textContent()).toContain("3号楼2单元");
    expect(await page.getByRole("region", { name: "经过" }).textContent()).toContain("居民 张秀英 反映");

    const liu = c.server.botSaid({ toName: "刘志强" }).length;
    const room = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    const assign = page.getByRole("form", { name: "指派" });
    // Volunteers by name only.
    const choices = await assign.locator("option").allTextContents();
    expect(choices).toEqual(expect.arrayContaining(["刘志强", "陈师傅"]));
    expect(choices).not.toContain("张秀英");
    await assign.getByRole("button", { name: "指派" }).click();
    await expect.poll(() => assign.getByRole("alert").textContent()).toBe("请选择要指派的志愿者。");
    await assign.getByLabel("志愿者").selectOption("刘志强");
    await assign.getByRole("button", { name: "指派" }).click();

    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`#${first} 已指派给 刘志强。 已在微信里告诉 刘志强 和居民。`);
    await expect.poll(() => page.locator("h1").textContent()).toBe(`工单 #${first} 处理中`);
    expect(await page.getByRole("region", { name: "经过" }).textContent()).toContain("赵书记 指派给 刘志强");
    expect(await page.getByRole("form", { name: "改派" }).isVisible()).toBe(true);

    const told = await waitFor(
      () =>
        c.server
          .botSaid({ toName: "刘志强" })
          .slice(liu)
          .find((s) => s.text.includes(`赵书记请您处理 #${first}`)),
      "the volunteer told privately in WeChat",
    );
    expect(told.text).toContain("13900000001");
    await waitFor(
      () =>
        c.server
          .botSaid({ roomTopic: testRooms.residents })
          .slice(room)
          .find((s) => s.text.includes(`#${first} 有人接了: 志愿者 刘志强`)),
      "the resident told in WeChat",
    );
    expect(await c.bot.app.db.ticketEvent.count({ where: { ticketId: first, type: "assigned" } })).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-ticket-desktop");

    // Back on the board, the ticket is 处理中 with its volunteer.
    await page.getByRole("link", { name: "← 返回工单列表" }).click();
    await page.getByRole("button", { name: /^处理中/ }).click();
    await expect.poll(() => board.locator("tbody tr").count()).toBe(1);
    expect(await board.textContent()).toContain("刘志强");
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("on a phone: the board is cards, the ticket page fits the screen, and closing it tells the resident", async () => {
    const id = await report(c, "zhang", lamp);
    await report(c, "li", rubbish);
    const { page, problems, context } = await signedIn(c, browser, "phone");
    const cards = page.locator(".list-cards article");
    await expect.poll(() => cards.count()).toBe(2);
    expect(await page.locator("table.board").isVisible()).toBe(false);
    const card = page.getByRole("article", { name: `工单 #${id}` });
    expect(await card.textContent()).toContain("3号楼2单元 · 张秀英");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "console-tickets-board-phone");

    // Left open, the board shows a new request within 30 seconds by itself.
    await page.clock.install();
    await page.reload();
    await expect.poll(() => cards.count()).toBe(2);
    const third = await report(c, "zhang", "3号楼电梯按钮不亮了");
    await page.clock.fastForward(31_000);
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.first().getAttribute("aria-label")).toBe(`工单 #${third}`);

    await card.getByRole("link", { name: `#${id}` }).click();
    await page.waitForURL(/\/console\/ticket\?id=/);
    await expect.poll(() => page.locator("h1").textContent()).toContain(`工单 #${id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "console-ticket-phone");

    const room = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    const close = page.getByRole("form", { name: "关闭" });
    await close.getByLabel("关闭原因").fill("物业已换好灯泡");
    await close.getByRole("button", { name: "关闭工单" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toContain("已关闭");
    expect(await page.getByRole("form", { name: "重新打开" }).isVisible()).toBe(true);
    await waitFor(
      () =>
        c.server
          .botSaid({ roomTopic: testRooms.residents })
          .slice(room)
          .find((s) => s.text.includes(`#${id} 已由社区办结: 物业已换好灯泡`)),
      "the resident told in WeChat",
    );
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
