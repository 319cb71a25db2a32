// A week in the community replayed over the real puppet-service gRPC path: the conversations
// residents, volunteers and staff had with the demo in issue 10's trial, plus more of each kind,
// on a fake clock from Monday to Sunday. Every step's replies go into a transcript
// (test/.tmp/replay-week.md) so a person can read the week the way residents would.
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type PersonKey, testPeople, testRooms, useGrpcBot } from "../helpers/grpc-harness.js";
import { demoKbPath } from "../helpers/knowledge-base.js";

type RoomKey = keyof typeof testRooms;

let now = Date.parse("2026-11-30T01:00:00Z"); // Monday 30 November, 09:00 in China
const clock = { now: () => new Date(now) };
const setup = useGrpcBot(() => ({ clock, env: { LINLI_KB: demoKbPath, LINLI_DUTY_PHONE: "0000-12345678" } }));

const transcript: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the message reached the bot, was handled, and every reply it caused was delivered. */
async function settle(inboxBefore: number): Promise<void> {
  const { app } = setup.bot;
  const until = Date.now() + 20_000;
  let seen = -1;
  let stableSince = Date.now();
  for (;;) {
    if (Date.now() > until) throw new Error("the bot did not settle");
    const arrived = (await app.db.inboundMessage.count()) > inboxBefore;
    await app.bot.idle();
    const pending = await app.db.outboxMessage.count({ where: { state: { in: ["pending", "sending"] } } });
    const n = setup.server.said.length;
    if (n !== seen) {
      seen = n;
      stableSince = Date.now();
    }
    if (arrived && pending === 0 && Date.now() - stableSince > 300) return;
    await sleep(40);
  }
}

interface Reply {
  where: string;
  text: string;
}

/** One person writes; returns everything the bot said because of it, in the order delivered. */
async function talk(who: PersonKey, room: RoomKey | null, text: string, mention = false): Promise<Reply[]> {
  const inboxBefore = await setup.bot.app.db.inboundMessage.count();
  const from = setup.server.said.length;
  await setup.server.say(who, room, text, { mentionBot: mention });
  await settle(inboxBefore);
  const replies = setup.server.said
    .slice(from)
    .filter((s) => s.fromBot)
    .map((s) => ({ where: s.roomTopic ?? `私聊 ${s.toName}`, text: s.text }));
  const place = room ? testRooms[room] : "私聊";
  transcript.push(`**${testPeople[who].name}** (${place}): ${mention ? "@邻里管家 " : ""}${text}`);
  for (const r of replies) transcript.push(`> 邻里管家 → ${r.where}: ${r.text.replace(/\n/g, " / ")}`);
  transcript.push("");
  return replies;
}

const inRoom = (replies: Reply[], room: RoomKey) => replies.filter((r) => r.where === testRooms[room]);
const privateTo = (replies: Reply[], who: PersonKey) =>
  replies.filter((r) => r.where === `私聊 ${testPeople[who].name}`);
const ticketNo = (replies: Reply[]) => {
  const m = replies.map((r) => /#(\d+)/.exec(r.text)).find(Boolean);
  if (!m) throw new Error(`no ticket number in: ${replies.map((r) => r.text).join(" | ")}`);
  return Number(m[1]);
};
const day = (label: string, iso: string) => {
  now = Date.parse(iso);
  transcript.push(`## ${label}`, "");
};
const tickets = () => setup.bot.app.db.ticket.count();

describe("a week in the community, replayed", () => {
  it("goes right for residents, volunteers and staff, item by item", { timeout: 240_000 }, async () => {
    const soft = expect.soft;
    day("周一 11月30日", "2026-11-30T01:00:00Z");

    // 1. A rating with words is read, kept and shown to staff; one the bot cannot read is asked back.
    let r = await talk("zhang", "residents", "3号楼2单元楼道灯坏了好几天了 晚上黑咕隆咚的 电话13900001111");
    const light = ticketNo(inRoom(r, "residents"));
    await talk("liu", "volunteers", `认领 ${light}`);
    await talk("liu", "volunteers", `完成 ${light} 换了灯泡`);
    r = await talk("zhang", "residents", "不满意 等了好久才来");
    soft(inRoom(r, "residents").length, "1: a rating with words gets a reply").toBeGreaterThan(0);
    soft(
      inRoom(r, "staff")
        .map((x) => x.text)
        .join(),
      "1: staff see the comment",
    ).toContain("等了好久才来");
    soft(await setup.bot.app.db.ticket.findUnique({ where: { id: light } }), "1: stored").toMatchObject({
      rating: 1,
      ratingComment: "等了好久才来",
    });

    r = await talk("li", "residents", "厨房水龙头一直滴水 关不紧 3号楼1单元302", true);
    const tap = ticketNo(inRoom(r, "residents"));
    const tapCard = inRoom(r, "volunteers")
      .map((x) => x.text)
      .join();
    soft(tapCard, "2: a card never keeps the @ of the bot").not.toContain("@邻里管家");
    await talk("chen", "volunteers", `接单 ${tap}`);
    await talk("chen", "volunteers", `完成 ${tap} 换了阀芯`);
    await talk("li", "residents", "5分 陈师傅手艺不错 谢谢啦");
    soft(await setup.bot.app.db.ticket.findUnique({ where: { id: tap } }), "1: 5分 with words").toMatchObject({
      rating: 5,
      ratingComment: "陈师傅手艺不错 谢谢啦",
    });

    r = await talk("wang", "residents2", "5号楼2单元门禁坏了 刷卡刷不开");
    const gate = ticketNo(inRoom(r, "residents2"));
    await talk("v3", "volunteers", `认领 ${gate}`);
    await talk("v3", "volunteers", `完成 ${gate} 重新设置了读卡器`);
    r = await talk("wang", "residents2", "6分");
    soft(
      inRoom(r, "residents2")
        .map((x) => x.text)
        .join(),
      "1: an unreadable rating is asked back",
    ).toMatch(/满意/);
    await talk("wang", "residents2", "满意 小伙子挺热心");
    soft(await setup.bot.app.db.ticket.findUnique({ where: { id: gate } }), "1: then recorded").toMatchObject({
      rating: 5,
    });

    day("周二 12月1日", "2026-12-01T02:00:00Z");
    // 2. Asking whether a service exists is a question; asking for it for oneself is a request.
    const before2 = await tickets();
    r = await talk("zhang", "residents", "社区医生上门吗", true);
    soft(inRoom(r, "residents").length, "2/3: an addressed question is answered").toBeGreaterThan(0);
    await talk("li", "residents", "社区医生能上门给老人看病吗", true);
    await talk("wang", "residents2", "小区里能不能加装电梯啊 谁知道");
    r = await talk("zhang", null, "你们有没有上门理发的服务啊");
    soft(privateTo(r, "zhang").length, "3: a private question is answered").toBeGreaterThan(0);
    soft(await tickets(), "2: no ticket for a question about a service").toBe(before2);
    r = await talk("li", "residents", "我家老伴腿摔伤了走不了路 能不能请医生到家里给看看 3号楼1单元302");
    soft(await tickets(), "2: asking it for oneself is a request").toBe(before2 + 1);

    // 3. Never silence when someone writes to the bot.
    for (const [who, room, text, mention] of [
      ["zhang", null, "老人送饭到家要另外收钱不", false],
      ["wang", "residents2", "老人送饭到家要另外收钱不", true],
      ["li", null, "嗯嗯", false],
      ["zhang", null, "？？", false],
      ["wang", null, "那个事怎么弄来着", false],
    ] as const) {
      r = await talk(who, room, text, mention);
      const answer = room ? inRoom(r, room) : privateTo(r, who);
      soft(answer.length, `3: "${text}" gets an answer`).toBeGreaterThan(0);
    }

    day("周三 12月2日", "2026-12-02T00:30:00Z");
    // 4. The same outage from two residents: the second report joins the first (issue 12), as a
    // duplicate that is not 办结.
    r = await talk("zhang", "residents2", "5号楼停水了 做饭都没水");
    const water1 = ticketNo(inRoom(r, "residents2"));
    r = await talk("wang", "residents2", "我们5号楼也没水了 啥时候来水啊");
    const toWang = inRoom(r, "residents2")
      .map((x) => x.text)
      .join();
    soft(toWang, "4: the second report joins the first").toContain(`已合并到 #${water1}`);
    soft(toWang, "4: a duplicate is not told as solved").not.toMatch(/已办结|解决了/);
    soft(toWang, "4: the resident hears it is handled together").toMatch(/一起|同一/);
    soft(
      (await setup.bot.app.db.ticket.findFirst({ where: { mergedIntoId: water1 } }))?.closeKind,
      "4: recorded as a duplicate, not 办结",
    ).toBe("duplicate");
    await talk("liu", "volunteers", `认领 ${water1}`);

    day("周四 12月3日", "2026-12-03T11:00:00Z");
    // 5. Emergency advice by situation; 6. the building from the group's name.
    r = await talk("li", "residents", "楼道里一股煤气味 好呛人");
    const gas = inRoom(r, "residents")
      .map((x) => x.text)
      .join();
    soft(gas, "5: gas advice").toMatch(/开关|明火|开窗|燃气/);
    soft(gas, "5: the duty phone").toContain("0000-12345678");
    const gasCard = inRoom(r, "volunteers")
      .map((x) => x.text)
      .join();
    soft(gasCard, "6: the card names the building from the group").toMatch(/3号楼/);
    soft(gasCard, "6: marked as inferred").toMatch(/推断/);
    soft(inRoom(r, "staff").length, "5: staff alerted").toBeGreaterThan(0);

    r = await talk("zhang", "residents", "俺家老头子摔了 躺地上起不来了 咋整");
    const fall = inRoom(r, "residents")
      .map((x) => x.text)
      .join();
    soft(fall, "5: never tell someone beside a fallen elder to leave").not.toMatch(/离开现场/);
    soft(fall, "5: fall advice").toMatch(/120/);
    r = await talk("wang", "residents2", "我妈早上出去买菜到现在还没回来 她有点糊涂 急死了");
    soft(
      inRoom(r, "residents2")
        .map((x) => x.text)
        .join(),
      "5: a missing person: 110",
    ).toMatch(/110/);

    r = await talk("li", null, "家里暖气片接口爆了 水哗哗往外喷");
    const burst = privateTo(r, "li")
      .map((x) => x.text)
      .join();
    soft(burst, "5: water: close the valve").toMatch(/阀/);
    soft(burst, "6: no place at all: asked once where").toMatch(/几号楼/);
    const burstNo = ticketNo(privateTo(r, "li"));
    await talk("li", null, "3号楼1单元302");
    soft(
      await setup.bot.app.db.ticket.findUnique({ where: { id: burstNo } }),
      "6: the answer fills the place",
    ).toMatchObject({ building: "3", unit: "1" });

    day("周五 12月4日", "2026-12-04T02:00:00Z");
    // 7. A repeat with typos and other words points to the open ticket.
    r = await talk("wang", "residents2", "下水到赌了 厕所冒水 5号楼3单元201");
    const drain = ticketNo(inRoom(r, "residents2"));
    now += 9 * 60_000;
    const before7 = await tickets();
    r = await talk("wang", "residents2", "厕所下水道堵了 还在冒水呢");
    soft(await tickets(), "7: no second ticket").toBe(before7);
    soft(
      inRoom(r, "residents2")
        .map((x) => x.text)
        .join(),
      "7: pointed to the open one",
    ).toContain(`#${drain}`);

    // 8. Privacy: in a group, only what was raised in that group.
    r = await talk("zhang", null, "楼上邻居天天半夜拖椅子 吵得睡不着 3号楼2单元");
    const noise = ticketNo(privateTo(r, "zhang"));
    r = await talk("zhang", "residents", "我的工单");
    const groupList = inRoom(r, "residents")
      .map((x) => x.text)
      .join();
    soft(groupList, "8: a private complaint is not listed in the group").not.toContain(`#${noise}`);
    soft(groupList, "8: the rest is available privately").toMatch(/私聊/);
    r = await talk("zhang", null, "我的工单");
    soft(
      privateTo(r, "zhang")
        .map((x) => x.text)
        .join(),
      "8: the full list privately",
    ).toContain(`#${noise}`);

    // 9. A volunteer gives up: the resident is told; an assignment reads as one.
    await talk("chen", "volunteers", `认领 ${drain}`);
    r = await talk("chen", "volunteers", `放弃 ${drain}`);
    const afterGiveUp = inRoom(r, "residents2")
      .map((x) => x.text)
      .join();
    soft(afterGiveUp, "9: the resident hears another volunteer is being found").toMatch(/另.{0,4}志愿者|重新/);
    soft(afterGiveUp, "9: no phone was left, so no 保持电话畅通").not.toContain("电话畅通");
    r = await talk("zhao", "staff", `指派 ${drain} 刘志强`);
    soft(r.map((x) => x.text).join(), "9: the assignee is asked by name").toMatch(
      new RegExp(`赵书记请您处理 #${drain}`),
    );
    r = await talk("zhao", "staff", "工单");
    soft(
      inRoom(r, "staff")
        .map((x) => x.text)
        .join(),
      "9: the staff list in staff words",
    ).toMatch(/待认领|处理中/);

    day("周六 12月5日", "2026-12-05T03:00:00Z");
    // 10. Off-topic questions get a kind 帮不上 and do not reach staff.
    for (const text of ["最近股票跌得厉害 要不要割肉", "明天会下雨不"]) {
      r = await talk("li", "residents", text, true);
      soft(
        inRoom(r, "residents")
          .map((x) => x.text)
          .join(),
        `10: "${text}"`,
      ).toMatch(/帮不上/);
      soft(inRoom(r, "staff").length, `10: "${text}" not handed to staff`).toBe(0);
    }
    // 11. Volunteers' own view.
    r = await talk("liu", "volunteers", "我的任务");
    soft(
      inRoom(r, "volunteers")
        .map((x) => x.text)
        .join(),
      "11: 我的任务 lists what they hold",
    ).toContain(`#${water1}`);
    r = await talk("v4", "volunteers", "工单");
    const open = inRoom(r, "volunteers")
      .map((x) => x.text)
      .join();
    soft(open, "11: 工单 from a volunteer is not 您还没有登记过事项").not.toMatch(/没有登记过/);
    r = await talk("v4", null, "任务");
    soft(privateTo(r, "v4").length, "11: 任务 privately").toBeGreaterThan(0);

    day("周日 12月6日", "2026-12-06T02:00:00Z");
    // 12. {本周活动} on a Sunday looks forward; 14. the confirmation goes before the broadcast.
    r = await talk("zhao", "staff", "广播 每周一 08:00 幸福里3号楼居民群 本周活动预告：{本周活动}");
    const bid = Number(
      /(?:#|编号\s*)(\d+)/.exec(
        inRoom(r, "staff")
          .map((x) => x.text)
          .join(),
      )?.[1],
    );
    soft(bid, "a broadcast number").toBeGreaterThan(0);
    r = await talk("zhao", "staff", `立即广播 ${bid}`);
    const confirm = r.findIndex((x) => x.where === testRooms.staff);
    const sent = r.findIndex((x) => x.where === testRooms.residents);
    soft(confirm, "14: confirmed").toBeGreaterThanOrEqual(0);
    soft(sent, "the broadcast went out").toBeGreaterThanOrEqual(0);
    soft(confirm, "14: the confirmation before the broadcast").toBeLessThan(sent);
    const broadcast = r[sent]?.text ?? "";
    soft(broadcast, "12: this week from a Sunday means the days ahead").toContain("12月6日(周日)至");
    soft(broadcast, "12: no past day of the week").not.toMatch(/12月[1-5]日/);

    mkdirSync("test/.tmp", { recursive: true });
    writeFileSync("test/.tmp/replay-week.md", `# 一周回放 (linli, over gRPC)\n\n${transcript.join("\n")}\n`);
  });
});
