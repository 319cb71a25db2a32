// Issue 10 items 6 and 7 over the real puppet-service gRPC path: the place of a request comes from a
// building-named group (marked as inferred) or from one question to the resident; a resident's repeat
// in other words and with typos points to the open ticket, a different problem does not.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();
const said = () => setup.server.said;
const settle = async () => {
  await new Promise((r) => setTimeout(r, 300));
  await setup.bot.app.bot.idle();
  await setup.bot.app.outbox.idle();
};

describe("the place of a request", () => {
  it("comes from a building-named group, marked as inferred, and an urgent report is not held up", async () => {
    await setup.server.say("li", "residents", "楼道里闻着一股液化气味儿 好呛");
    const card = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes("紧急")),
      "the urgent card",
    );
    expect(card.text).toContain("地点: 3号楼 (按所在群推断)");
    const alert = await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.staff })[0], "the staff alert");
    expect(alert.text).toContain("3号楼 (按所在群推断)");
    await settle();
    // The group already says where: nobody is asked.
    expect(setup.server.botSaid({ roomTopic: testRooms.residents }).map((s) => s.text)).toHaveLength(1);
    expect(setup.server.botSaid().some((s) => s.text.includes("几号楼几单元"))).toBe(false);
  });

  it("with no place at all is asked once, and the answer updates the ticket and tells volunteers", async () => {
    await setup.server.say("wang", null, "家里卫生间的灯泡烧了 换不了 想请人帮个忙");
    const ack = await waitFor(() => setup.server.botSaid({ toName: "王桂兰" })[0], "the acknowledgement");
    expect(ack.text).toMatch(/#1/);
    expect(ack.text).toContain("在几号楼几单元呀?");
    const card = await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.volunteers })[0], "the card");
    expect(card.text).toContain("地点: 未说明");

    await setup.server.say("wang", null, "我住在八号楼二单元302");
    const noted = await waitFor(
      () => setup.server.botSaid({ toName: "王桂兰" }).find((s) => s.text.includes("记下了")),
      "the place noted",
    );
    expect(noted.text).toContain("8号楼2单元302室");
    const update = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes("地点补充")),
      "volunteers told",
    );
    expect(update.text).toContain("#1");
    expect(update.text).toContain("8号楼2单元302室");
    const ticket = await setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id: 1 } });
    expect(ticket).toMatchObject({ building: "8", unit: "2", room: "302" });

    // Asked once: a later address is not taken as an answer again, and nothing asks again.
    await setup.server.say("wang", null, "对了是8号楼");
    await settle();
    expect(said().filter((s) => s.text.includes("几号楼几单元"))).toHaveLength(1);
    expect(said().filter((s) => s.text.includes("记下了"))).toHaveLength(1);
  });

  it("for an urgent report asks only after the card and the alert went out", async () => {
    await setup.server.say("wang", null, "我家老头在厨房摔倒了 起不来了");
    const question = await waitFor(
      () => said().findIndex((s) => s.toName === "王桂兰" && s.text.includes("几号楼几单元")) + 1,
      "the question",
    );
    const card = said().findIndex((s) => s.roomTopic === testRooms.volunteers && s.text.includes("紧急"));
    const alert = said().findIndex((s) => s.roomTopic === testRooms.staff);
    const ack = said().findIndex((s) => s.toName === "王桂兰" && s.text.includes("120"));
    expect(card).toBeGreaterThanOrEqual(0);
    expect(alert).toBeGreaterThanOrEqual(0);
    expect(ack).toBeGreaterThanOrEqual(0);
    expect(question - 1).toBeGreaterThan(Math.max(card, alert, ack));
  });
});

describe("a resident's repeat", () => {
  it("in other words and with typos points to the open ticket; a different problem is a new one", async () => {
    await setup.server.say("zhang", "residents", "卫生间下水到赌了 地漏一直往外冒水");
    await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.volunteers })[0], "the first card");
    await setup.server.say("zhang", "residents", "卫生间的下水道还堵着呢 水都漫到门口了 咋还没人来");
    const pointed = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("已经登记为 #1")),
      "pointed to #1",
    );
    expect(pointed.text).toContain("张秀英");
    await setup.server.say("zhang", "residents", "还有楼道的窗户玻璃也碎了一块");
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes("#2")),
      "a card for the other problem",
    );
    await settle();
    expect(await setup.bot.app.db.ticket.count()).toBe(2);
    expect(setup.server.botSaid({ roomTopic: testRooms.volunteers })).toHaveLength(2);
  });
});
