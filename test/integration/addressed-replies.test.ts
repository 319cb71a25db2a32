// Issue 10, items 2, 3 and 10 over the real puppet-service gRPC path, with the demo knowledge base:
// whoever writes to the bot privately or with an @ gets exactly one reply; asking whether a service
// exists is a question (no ticket); off-topic questions get a kind "帮不上" instead of reaching staff.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const demoKb = fileURLToPath(new URL("../../demo/kb", import.meta.url));
const setup = useGrpcBot({ env: { LINLI_KB: demoKb } });

const settle = async () => {
  await new Promise((r) => setTimeout(r, 400));
  await setup.bot.app.bot.idle();
  await setup.bot.app.outbox.idle();
};

/** Sends one message (privately, or with an @ in the residents' room) and returns the bot's replies to it. */
async function ask(text: string, where: "private" | "room"): Promise<string[]> {
  const seen = () =>
    where === "private"
      ? setup.server.botSaid({ toName: "李建国" })
      : setup.server.botSaid({ roomTopic: testRooms.residents });
  const before = seen().length;
  await setup.server.say("li", where === "private" ? null : "residents", text, { mentionBot: where === "room" });
  await waitFor(() => seen().length > before, `a reply to «${text}» (${where})`);
  await settle();
  return seen()
    .slice(before)
    .map((s) => s.text);
}

describe("a message written to the bot", () => {
  const batch = [
    "老人的饭送到家里另外收费不", // a question the knowledge base answers
    "社区的阅览室晚上开到几点", // a question it cannot answer: handed over
    "6号楼1单元门口的路灯好几天不亮了 麻烦派人看看", // a request
    "今天出太阳了 真舒服", // chit-chat
    "嗯那个 就是那个啥", // nonsense
    "🌹🌹🌹", // emoji only
    "[玫瑰][玫瑰]", // WeChat's emoji codes only
    "好嘞",
    "谢谢你哈",
    "qwer zxcv",
  ];

  for (const where of ["private", "room"] as const) {
    it(`always gets exactly one reply (${where === "private" ? "privately" : "with @ in a group"})`, async () => {
      for (const text of batch) {
        const replies = await ask(text, where);
        expect(replies, `«${text}»`).toHaveLength(1);
        expect(replies[0]!.length, `«${text}»`).toBeGreaterThan(4);
      }
    }, 60_000);
  }

  it("with @ in the volunteers' or staff room gets a reply too, not silence", async () => {
    const before = setup.server.botSaid({ roomTopic: testRooms.volunteers }).length;
    await setup.server.say("liu", "volunteers", "今天有啥要帮忙的吗", { mentionBot: true });
    const reply = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).slice(before)[0],
      "a reply in the volunteers' room",
    );
    expect(reply.text).toContain("认领");
    await setup.server.say("zhao", "staff", "你好呀 在不在", { mentionBot: true });
    await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.staff })[0], "a reply in the staff room");
  });
});

describe("asking whether a service exists", () => {
  it("is answered from the knowledge base or handed over, never a task for volunteers", async () => {
    const inquiries = ["社区医生会到家里来给老人看病吗", "咱小区可不可以装个电梯呀 有人知道吗", "护士能上门打针不"];
    for (const text of inquiries) {
      const replies = await ask(text, "room");
      expect(replies, `«${text}»`).toHaveLength(1);
      expect(replies[0], `«${text}»`).not.toMatch(/登记|#\d+/);
    }
    expect(await setup.bot.app.db.ticket.count()).toBe(0);
    expect(setup.server.botSaid({ roomTopic: testRooms.volunteers })).toEqual([]);
  }, 30_000);

  it("asked for oneself is a request, and the card does not keep the @ of the bot", async () => {
    const replies = await ask("我爸腿脚不行出不了门了 能不能请医生来家里给他看看", "room");
    expect(replies[0]).toMatch(/#\d+/);
    const card = await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.volunteers })[0], "the task card");
    expect(card.text).toContain("请医生来家里");
    expect(card.text).not.toContain("@");
    const ticket = await setup.bot.app.db.ticket.findFirstOrThrow();
    expect(ticket.text).not.toContain("邻里管家");
  });
});

describe("off-topic questions", () => {
  it("get a kind 帮不上 with what the bot can do, and do not reach staff", async () => {
    for (const text of ["后天会不会下大雨啊", "最近基金能不能抄底", "帮我讲个笑话吧", "世界杯哪个队会赢"]) {
      const [reply] = await ask(text, "room");
      expect(reply, `«${text}»`).toMatch(/帮不上/);
      expect(reply, `«${text}»`).toMatch(/报修|活动/);
    }
    expect(setup.server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
  }, 30_000);

  it("a community question the bot cannot answer is still handed to staff", async () => {
    const [reply] = await ask("台风要来了 社区有没有能临时避一避的地方", "room");
    expect(reply).toMatch(/转给社区工作人员/);
    await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.staff })[0], "the hand-over post");
  });
});
