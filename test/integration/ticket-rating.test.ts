// Ratings with words, over the real gRPC path: the rating is read from the first word(s),
// the rest is kept as its comment and shown to staff; an unreadable try is asked back.
import { describe, expect, it } from "vitest";
import { type PersonKey, testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();

const lastBot = (room: string) => setup.server.botSaid({ roomTopic: room }).at(-1)?.text ?? "";

/** A resident's request, claimed and finished by 刘志强: the ticket now awaits a rating. */
async function doneTicket(resident: PersonKey, text: string): Promise<number> {
  const before = setup.server.botSaid({ roomTopic: testRooms.residents }).length;
  await setup.server.say(resident, "residents", text);
  const ack = await waitFor(
    () =>
      setup.server
        .botSaid({ roomTopic: testRooms.residents })
        .slice(before)
        .find((s) => /登记.*#\d+/.test(s.text)),
    "ack",
  );
  const id = Number(/#(\d+)/.exec(ack.text)![1]);
  await setup.server.say("liu", "volunteers", `认领 ${id}`);
  await waitFor(() => lastBot(testRooms.residents).includes("刘志强"), "resident told who is coming");
  await setup.server.say("liu", "volunteers", `完成 ${id} 修好了`);
  await waitFor(() => /您满意吗/.test(lastBot(testRooms.residents)), "asked to rate");
  return id;
}

const ticket = (id: number) => setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id } });

describe("a rating with words", () => {
  it("is recorded with its comment; the 不满意 alert and staff's view carry the comment", async () => {
    const id = await doneTicket("zhang", "3号楼2单元楼道灯坏了");
    await setup.server.say("zhang", "residents", "不满意 等了好久才来");
    await waitFor(() => /对不起没让您满意/.test(lastBot(testRooms.residents)), "resident answered");
    const alert = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("居民不满意")),
      "staff alert",
    );
    expect(alert.text).toContain("等了好久才来");
    expect(await ticket(id)).toMatchObject({
      status: "closed",
      rating: 1,
      ratingLabel: "unsatisfied",
      ratingComment: "等了好久才来",
    });

    await setup.server.say("zhao", "staff", `进度 ${id}`);
    await waitFor(() => /等了好久才来/.test(lastBot(testRooms.staff)), "staff see the comment");
  });

  it("reads 5分 and 满意 followed by words", async () => {
    const a = await doneTicket("zhang", "3号楼2单元门禁坏了");
    await setup.server.say("zhang", "residents", "5分 小刘手艺不错 谢谢啦");
    await waitFor(() => /谢谢您的评价/.test(lastBot(testRooms.residents)), "thanked");
    expect(await ticket(a)).toMatchObject({ rating: 5, ratingComment: "小刘手艺不错 谢谢啦" });

    const b = await doneTicket("li", "3号楼楼道堆满了杂物没人清理");
    await setup.server.say("li", "residents", "满意 谢谢小刘");
    await waitFor(() => setup.server.botSaid().filter((s) => /谢谢您的评价/.test(s.text)).length === 2, "thanked");
    expect(await ticket(b)).toMatchObject({ rating: 5, ratingLabel: "satisfied", ratingComment: "谢谢小刘" });
  });

  it("asks back when a try at rating cannot be read, and takes the answer after", async () => {
    const id = await doneTicket("zhang", "3号楼2单元楼道灯坏了");
    await setup.server.say("zhang", "residents", "6分");
    await waitFor(() => /您是满意还是不满意呢/.test(lastBot(testRooms.residents)), "asked back");
    expect((await ticket(id)).status).toBe("done");
    await setup.server.say("zhang", "residents", "满意");
    await waitFor(() => /谢谢您的评价/.test(lastBot(testRooms.residents)), "rated");
    expect(await ticket(id)).toMatchObject({ status: "closed", rating: 5, ratingComment: null });
  });

  it("still opens a new ticket for a new request from a resident whose ticket awaits a rating", async () => {
    const id = await doneTicket("zhang", "3号楼2单元楼道灯坏了");
    await setup.server.say("zhang", "residents", "厨房水管又漏水了 地上全是水 麻烦再派人来看看");
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).some((s) => s.text.includes(`#${id + 1}`)),
      "a new ticket",
    );
    expect((await ticket(id)).status).toBe("done");
  });
});
